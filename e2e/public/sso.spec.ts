import { randomBytes } from "node:crypto";
import type { Browser, Page } from "@playwright/test";
import vi from "../../messages/vi.json" with { type: "json" };
import { CITIZEN_PASSWORD, citizens, officers } from "../../prisma/seed/accounts";
import type { Db } from "../../server/db";
import { createDossier } from "../../server/modules/dossier/commands/create-dossier";
import { expectNoAxeViolations } from "../fixtures/axe";
import { DevIdentityProviderPage } from "../pages/dev-identity-provider-page";
import { e2eBaseUrl, sessionCookieName } from "../support/env";
import { expect, test } from "../fixtures";

// Signs in through the real local OpenID Provider the global setup started (scripts/dev-oidc-provider.ts).
// The seeded citizen used here is signed out everywhere by these tests: other specs should not rely on
// a session of congdan2 while this file runs.
const citizen = citizens.find((c) => c.email === "congdan2@motcua.test")!;

function header(page: Page) {
  return page.getByRole("banner");
}

async function signedInName(page: Page, name: string): Promise<void> {
  await expect(header(page).getByText(vi.auth.signedInAs.replace("{name}", name))).toBeVisible();
}

/**
 * An online submission (channel 2, NEW) owned by the user, made through createDossier, the function
 * the submission page ends in: driving the whole e-form with its uploads belongs to the submission
 * page's own tests, while this file is about who the dossier belongs to after signing in.
 */
async function submitOnlineDossier(db: Db, owner: { id: string; name: string; idNumber: string }): Promise<string> {
  const version = await db.procedureVersion.findFirstOrThrow({
    where: { status: "PUBLISHED", procedure: { code: "1.004473" } },
    orderBy: { version: "desc" },
    select: { id: true, procedure: { select: { agencies: { select: { agencyId: true }, take: 1 } } } },
  });
  const dossier = await createDossier(db, {
    procedureVersionId: version.id,
    receivingAgencyId: version.procedure.agencies[0]!.agencyId,
    applicantName: owner.name,
    applicantIdNumber: owner.idNumber,
    channel: 2,
    status: "NEW",
    ownerId: owner.id,
    formData: { taskName: "Nghiên cứu ứng dụng công nghệ IoT giám sát chất lượng nước" },
    idempotencyKey: `e2e-sso-${randomBytes(8).toString("hex")}`,
    actor: { userId: owner.id },
  });
  return dossier.code;
}

/** The signed-in person's dossiers as the citizen portal reads them (account.dossiers). */
async function myDossierCodes(page: Page): Promise<string[]> {
  const response = await page.request.get("/api/trpc/account.dossiers");
  expect(response.status()).toBe(200);
  const body = (await response.json()) as { result: { data: { json: { items: Array<{ code: string }> } } } };
  return body.result.data.json.items.map((item) => item.code);
}

test.describe("single sign-on", () => {
  test.beforeEach(({}, testInfo) => test.skip(testInfo.project.name !== "chromium-desktop", "identity flows run once, on the desktop profile"));

  async function startVneidSignIn(page: Page): Promise<DevIdentityProviderPage> {
    await page.goto("/sign-in");
    await page.getByRole("main").getByRole("link", { name: vi.auth.sso.vneid }).click();
    const provider = new DevIdentityProviderPage(page);
    await expect(provider.heading).toContainText("VNeID");
    return provider;
  }

  async function sessionCookies(page: Page) {
    return (await page.context().cookies()).filter((c) => c.name === sessionCookieName && c.value !== "");
  }

  async function newPage(browser: Browser): Promise<Page> {
    const context = await browser.newContext({ baseURL: e2eBaseUrl, locale: "vi-VN" });
    return context.newPage();
  }

  test("a VNeID sign-in links to the local account with the same ID number, once, and survives a new browser", async ({ page, browser, db }) => {
    const provider = await startVneidSignIn(page);
    await provider.chooseIdentity(citizen.idNumber);
    await expect(page).toHaveURL(`${e2eBaseUrl}/`);
    await signedInName(page, citizen.name);
    expect(await sessionCookies(page)).toHaveLength(1);

    const user = await db.user.findUniqueOrThrow({ where: { idNumber: citizen.idNumber }, select: { id: true, email: true } });
    expect(user.email).toBe(citizen.email);
    expect(await db.account.findMany({ where: { userId: user.id }, select: { provider: true } })).toEqual([{ provider: "vneid" }]);

    // The person files a dossier online and sees it as theirs.
    const code = await submitOnlineDossier(db, { id: user.id, name: citizen.name, idNumber: citizen.idNumber });
    const before = await myDossierCodes(page);
    expect(before).toContain(code);
    await page.goto(`/dossiers/${encodeURIComponent(code)}/submitted`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(vi.submission.confirm.title);

    await header(page).getByRole("button", { name: vi.common.signOut }).click();
    await expect(header(page).getByRole("link", { name: vi.common.signIn })).toBeVisible();
    expect(await sessionCookies(page)).toEqual([]);
    // Signed out: the dossier page shows only the public view.
    await page.goto(`/dossiers/${encodeURIComponent(code)}/submitted`);
    await expect(page.getByRole("heading", { level: 1 })).not.toHaveText(vi.submission.confirm.title);

    // A new browser: no session at the app, none at the provider; the same person signs in again.
    const second = await newPage(browser);
    try {
      const again = await startVneidSignIn(second);
      await again.chooseIdentity(citizen.idNumber);
      await signedInName(second, citizen.name);
      // The same account: the same dossiers, the new one among them, and the owner's view of it.
      expect((await myDossierCodes(second)).sort()).toEqual([...before].sort());
      await second.goto(`/dossiers/${encodeURIComponent(code)}/submitted`);
      await expect(second.getByRole("heading", { level: 1 })).toHaveText(vi.submission.confirm.title);
    } finally {
      await second.context().close();
    }

    expect(await db.user.count({ where: { idNumber: citizen.idNumber } })).toBe(1);
    expect(await db.account.count({ where: { userId: user.id, provider: "vneid" } })).toBe(1);
  });

  test("a person new to motcua gets a citizen account from the identity's claims", async ({ page, db }) => {
    const idNumber = `0${(BigInt("0x" + randomBytes(6).toString("hex")) % 10n ** 11n).toString().padStart(11, "0")}`;
    const name = `Đỗ Thị Hồng ${randomBytes(2).toString("hex")}`;
    const provider = await startVneidSignIn(page);
    await provider.enterCitizen(idNumber, name);
    await signedInName(page, name);

    const user = await db.user.findUniqueOrThrow({ where: { idNumber }, include: { accounts: true, memberships: true } });
    expect(user).toMatchObject({ kind: "CITIZEN", name, passwordHash: null, active: true });
    expect(user.accounts.map((a) => a.provider)).toEqual(["vneid"]);
    expect(user.memberships).toEqual([]);
  });

  test("officers sign in through the organisation's SSO; an unknown e-mail is refused with a clear message", async ({ page, db }) => {
    const officer = officers.find((o) => o.role === "SPECIALIST")!;
    await page.goto("/sign-in");
    await page.getByRole("main").getByRole("link", { name: vi.auth.sso.orgSso }).click();
    await new DevIdentityProviderPage(page).enterOfficer(`nobody-${randomBytes(3).toString("hex")}@motcua.test`);
    await expect(page).toHaveURL(/\/sign-in\?error=SsoNotOfficer/);
    await expect(page.getByTestId("sso-error")).toHaveText(vi.auth.sso.notOfficer);
    expect(await sessionCookies(page)).toEqual([]);

    await page.getByRole("main").getByRole("link", { name: vi.auth.sso.orgSso }).click();
    await new DevIdentityProviderPage(page).chooseIdentity(officer.email);
    await expect(page).toHaveURL(/\/officer(\?|$)/);
    await signedInName(page, officer.name);
    const user = await db.user.findUniqueOrThrow({ where: { email: officer.email }, include: { accounts: true } });
    expect(user.accounts.map((a) => a.provider)).toEqual(["org-sso"]);
  });

  test("signing out ends the session in every browser that holds it, not only this one", async ({ page, browser }) => {
    const provider = await startVneidSignIn(page);
    await provider.chooseIdentity(citizen.idNumber);
    await signedInName(page, citizen.name);

    // A copy of the session cookie in another browser (a second tab elsewhere, or a stolen cookie).
    const other = await newPage(browser);
    try {
      await other.context().addCookies(await sessionCookies(page));
      await other.goto("/");
      await signedInName(other, citizen.name);

      await header(page).getByRole("button", { name: vi.common.signOut }).click();
      await expect(header(page).getByRole("link", { name: vi.common.signIn })).toBeVisible();

      await other.goto("/");
      await expect(header(other).getByRole("link", { name: vi.common.signIn })).toBeVisible();
      const trpc = await other.request.get("/api/trpc/me.get");
      expect(trpc.status()).toBe(401);
    } finally {
      await other.context().close();
    }
  });

  test("the sign-in page offers VNeID and has no WCAG 2.2 AA violations", async ({ page }) => {
    await page.goto("/sign-in");
    await expect(page.getByRole("main").getByRole("link", { name: vi.auth.sso.vneid })).toBeVisible();
    await expectNoAxeViolations(page);
  });
});

test.describe("security", () => {
  test.beforeEach(({}, testInfo) => test.skip(testInfo.project.name !== "chromium-desktop", "HTTP-level checks run once"));

  test("cross-origin POSTs are refused: the sign-in Server Action, the language switch and tRPC mutations", async ({ page, request }) => {
    // A real sign-in through the form (right password), captured: the Server Action's id and body.
    await page.goto("/sign-in");
    const main = page.getByRole("main");
    await main.getByLabel(vi.auth.identifierLabel).fill(citizen.email);
    await main.getByLabel(vi.auth.passwordLabel, { exact: true }).fill(CITIZEN_PASSWORD);
    const [action] = await Promise.all([
      page.waitForRequest((r) => r.method() === "POST" && r.headers()["next-action"] !== undefined),
      main.getByRole("button", { name: vi.auth.submit, exact: true }).click(),
    ]);
    await signedInName(page, citizen.name);

    // The same request sent by another site: refused, and no session comes back.
    const evil = { Origin: "https://evil.example", "Sec-Fetch-Site": "cross-site" };
    const replayHeaders = { "next-action": action.headers()["next-action"]!, "content-type": action.headers()["content-type"]! };
    const signIn = await request.post("/sign-in", { headers: { ...replayHeaders, ...evil }, data: action.postDataBuffer()!, maxRedirects: 0 });
    expect(signIn.status()).toBe(403);
    expect(signIn.headers()["set-cookie"] ?? "").not.toContain(sessionCookieName);
    // An older browser sends Origin without fetch metadata: refused on the Origin alone.
    const noFetchMetadata = await request.post("/sign-in", {
      headers: { ...replayHeaders, Origin: "https://evil.example" },
      data: action.postDataBuffer()!,
      maxRedirects: 0,
    });
    expect(noFetchMetadata.status()).toBe(403);
    expect(noFetchMetadata.headers()["set-cookie"] ?? "").not.toContain(sessionCookieName);

    const locale = await request.post("/api/locale", { headers: evil, form: { locale: "en", returnTo: "/" }, maxRedirects: 0 });
    expect(locale.status()).toBe(403);
    expect(locale.headers()["set-cookie"] ?? "").not.toContain("locale=");

    const trpc = await request.post("/api/trpc/account.register", { headers: { ...evil, "Content-Type": "application/json" }, data: { json: {} } });
    expect(trpc.status()).toBe(403);

    // The same requests from the site itself go through.
    const ownLocale = await request.post("/api/locale", {
      headers: { Origin: e2eBaseUrl, "Sec-Fetch-Site": "same-origin" },
      form: { locale: "vi", returnTo: "/" },
      maxRedirects: 0,
    });
    expect(ownLocale.status()).toBe(303);
  });

  test("pages carry the security headers; HSTS only behind https", async ({ request }) => {
    const plain = await request.get("/sign-in");
    const headers = plain.headers();
    expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(headers["content-security-policy"]).toContain("form-action 'self'");
    expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["strict-transport-security"]).toBeUndefined();

    const behindTls = await request.get("/sign-in", { headers: { "X-Forwarded-Proto": "https" } });
    expect(behindTls.headers()["strict-transport-security"]).toMatch(/^max-age=\d{7,}/);
  });

  test("repeated failed sign-ins from one address are refused for a while, with a translated message", async ({ browser }) => {
    // A made-up client address (the app trusts X-Forwarded-For from its proxy), so no other test shares the counter.
    const address = `198.51.100.${1 + (randomBytes(1)[0]! % 250)}`;
    test.setTimeout(90_000);
    const context = await browser.newContext({ baseURL: e2eBaseUrl, extraHTTPHeaders: { "X-Forwarded-For": address } });
    const page = await context.newPage();
    try {
      await page.goto("/sign-in");
      const main = page.getByRole("main");
      const alert = main.getByTestId("sign-in-error");
      const password = main.getByLabel(vi.auth.passwordLabel, { exact: true });
      const attempt = async (identifier: string) => {
        await main.getByLabel(vi.auth.identifierLabel).fill(identifier);
        await password.fill("sai-mat-khau");
        await Promise.all([
          page.waitForResponse((r) => r.request().method() === "POST" && new URL(r.url()).pathname === "/sign-in"),
          main.getByRole("button", { name: vi.auth.submit, exact: true }).click(),
        ]);
        // React resets the form once the action settles; typing before that would be wiped.
        await expect(password).toHaveValue("");
      };
      // Failures spread over unknown accounts: no account lock, only the per-address limit.
      for (let i = 0; i < 20; i++) {
        await attempt(`nobody-${i}-${address}@example.test`);
        await expect(alert).toHaveText(vi.auth.invalidCredentials);
      }
      await attempt(citizen.email);
      await expect(alert).toHaveText(/^Có quá nhiều lần đăng nhập không thành công từ địa chỉ mạng này\. Vui lòng thử lại sau \d+ phút\.$/);
    } finally {
      await context.close();
    }
  });
});
