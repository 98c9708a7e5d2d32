// The installable PWA and the officer data on a shared device: sign-out wipes it, the next officer sees nothing of it.
import { expect, test } from "../fixtures";
import { OfflineWorkspacePage } from "../pages/offline-workspace-page";

const PASSWORD = "Motcua@2026";
const account = (email: string) => ({ email, password: PASSWORD, roleVi: "", roleEn: "", agencyVi: "" });

test.describe("officer PWA", () => {
  test.describe.configure({ timeout: 120_000 });

  test("the build ships the service worker and a manifest Chromium can install", async ({ page, request, signInAs }) => {
    const sw = await request.get("/sw.js");
    expect(sw.status()).toBe(200);
    expect(sw.headers()["cache-control"]).toContain("no-cache");
    const source = await sw.text();
    expect(source).toContain("/officer-shell");
    expect(source).toContain("/_next/static/");
    expect(source).not.toContain("/_next/server/");

    const manifest = (await (await request.get("/manifest.webmanifest")).json()) as {
      start_url: string;
      display: string;
      icons: { sizes: string; purpose: string }[];
    };
    expect(manifest).toMatchObject({ start_url: "/officer", display: "standalone" });
    expect(manifest.icons.map((i) => `${i.sizes} ${i.purpose}`)).toEqual(["192x192 any", "512x512 any", "512x512 maskable"]);

    await signInAs(account("chuyenvien.hanoi@motcua.test"));
    await new OfflineWorkspacePage(page).waitUntilReadyOffline();
    const cdp = await page.context().newCDPSession(page);
    const { installabilityErrors } = (await cdp.send("Page.getInstallabilityErrors")) as { installabilityErrors: { errorId: string }[] };
    // Playwright's contexts are incognito-like, which Chromium reports on its own; nothing else may be wrong.
    expect(installabilityErrors.filter((e) => e.errorId !== "in-incognito")).toEqual([]);
  });

  test("sign-out wipes the officer's data; the next officer on the browser sees nothing of it", async ({ page, context, signInAs }) => {
    const first = await page.request.get("/api/health");
    expect(first.ok()).toBe(true);
    const offline = new OfflineWorkspacePage(page);

    await signInAs(account("chuyenvien.bo@motcua.test"));
    await offline.waitUntilReadyOffline();
    const firstDbs = await offline.officerDatabases();
    expect(firstDbs).toHaveLength(1);

    await page.getByTestId("sign-out-form").getByRole("button").click();
    await expect(page.getByTestId("sign-out-form")).toHaveCount(0);
    expect(await offline.officerDatabases()).toEqual([]);

    // Offline, the workspace holds nobody's data now.
    await context.setOffline(true);
    await page.goto("/officer/worklist/mine");
    await expect(page.getByText("Thiết bị này chưa lưu dữ liệu của cán bộ nào")).toBeVisible();
    await context.setOffline(false);

    await signInAs(account("lanhdao.bo@motcua.test"));
    await offline.waitUntilReadyOffline();
    const secondDbs = await offline.officerDatabases();
    expect(secondDbs).toHaveLength(1);
    expect(secondDbs[0]).not.toBe(firstDbs[0]);
    const cachedName = await page.evaluate(async (name) => {
      const open = indexedDB.open(name);
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      const get = db.transaction("kv").objectStore("kv").get("me");
      return new Promise<string>((resolve) => (get.onsuccess = () => resolve((get.result as { name: string }).name)));
    }, secondDbs[0]!);
    expect(cachedName).toBe("Phạm Quang Vinh");
  });
});
