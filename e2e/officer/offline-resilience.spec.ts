// The outbox against a lost response and against a dossier changed by someone else meanwhile.
import { MINISTRY_CODE, departmentCode } from "../../prisma/seed/agencies";
import { applyDossierAction } from "../../server/modules/dossier/commands/act";
import { expect, test } from "../fixtures";
import { OfflineWorkspacePage, receiveTestDossier } from "../pages/offline-workspace-page";

const PASSWORD = "Motcua@2026";
const account = (email: string) => ({ email, password: PASSWORD, roleVi: "", roleEn: "", agencyVi: "" });

test.describe("outbox resilience", () => {
  test.describe.configure({ timeout: 120_000 });

  test("a response lost after the server applied the action: the replay creates no duplicate", async ({ page, db, signInAs }) => {
    const email = "tiepnhan.hcm@motcua.test";
    const dossier = await receiveTestDossier(db, { agencyCode: departmentCode("TP. Hồ Chí Minh"), receptionEmail: email, applicantName: `Mất Phản Hồi ${Date.now().toString(36)}` });
    const offline = new OfflineWorkspacePage(page);
    await signInAs(account(email));
    await offline.waitUntilReadyOffline();
    await page.goto(`/officer/dossiers/${dossier.id}`);

    // The first dossier.act goes through to the server, then its answer is thrown away.
    let lost = 0;
    const keys: string[] = [];
    await page.route("**/api/trpc/dossier.act**", async (route) => {
      keys.push(String((route.request().postDataJSON() as { json?: { idempotencyKey?: string } }).json?.idempotencyKey));
      if (lost > 0) return route.continue();
      lost += 1;
      await route.fetch();
      await route.abort("connectionreset");
    });
    const note = `mất phản hồi ${Date.now()}`;
    await offline.takeAction("COMMENT", { note });
    expect(lost).toBe(1);
    // Applied on the server, though the device never heard so: it stays queued and is sent again.
    expect(await db.dossierEvent.count({ where: { dossierId: dossier.id, action: "COMMENT", note } })).toBe(1);
    await expect(offline.status).toHaveAttribute("data-pending", "0", { timeout: 30_000 });
    // The replay carried the same idempotency key, and the server answered with the first result.
    expect(keys.length).toBeGreaterThanOrEqual(2);
    expect(new Set(keys).size).toBe(1);
    await expect(offline.status).toHaveAttribute("data-conflicts", "0");
    expect(await db.dossierEvent.count({ where: { dossierId: dossier.id, action: "COMMENT" } })).toBe(1);
    const state = await db.dossier.findUniqueOrThrow({ where: { id: dossier.id }, select: { version: true } });
    expect(state.version).toBe(2);
  });

  test("another officer changes the dossier while this one is offline: the conflict shows, nothing is lost or applied silently", async ({ page, context, db, signInAs }) => {
    const email = "tiepnhan.bo@motcua.test";
    const dossier = await receiveTestDossier(db, { agencyCode: MINISTRY_CODE, receptionEmail: email, applicantName: `Xung Đột ${Date.now().toString(36)}` });
    const leader = await db.user.findUniqueOrThrow({ where: { email: "lanhdao.bo@motcua.test" }, select: { id: true } });
    const offline = new OfflineWorkspacePage(page);
    await signInAs(account(email));
    await offline.waitUntilReadyOffline();

    await context.setOffline(true);
    await page.goto(`/officer/dossiers/${dossier.id}`);
    await expect(page.getByTestId("offline-dossier")).toBeVisible();
    await offline.takeAction("REQUEST_FEE", { amount: "500000" });
    await offline.takeAction("COMMENT", { note: "sau khi yêu cầu phí" });
    await expect(offline.status).toHaveAttribute("data-pending", "2");

    // Meanwhile, on the server: the leader comments (the dossier moves to version 2).
    await applyDossierAction(db, {
      actorUserId: leader.id,
      dossierId: dossier.id,
      action: "COMMENT",
      expectedVersion: 1,
      idempotencyKey: `e2e-leader-${Date.now()}`,
      payload: { note: "Lãnh đạo đã xem" },
    });

    await context.setOffline(false);
    await expect(offline.status).toHaveAttribute("data-conflicts", "2", { timeout: 30_000 });
    await expect(offline.status).toHaveAttribute("data-pending", "0");
    // Nothing of this officer's reached the dossier behind their back.
    expect(await db.dossierEvent.count({ where: { dossierId: dossier.id, actorId: dossier.officerId, action: { not: "INTAKE" } } })).toBe(0);

    await page.goto("/officer/outbox");
    const conflicts = offline.conflicts();
    await expect(conflicts).toHaveCount(2);
    await expect(conflicts.first().getByTestId("server-state")).toContainText("phiên bản 2");
    await expect(conflicts.nth(1)).toContainText("đứng sau một thao tác bị xung đột");

    // The officer re-applies the fee request on the state they now see, and discards the comment.
    await conflicts.first().getByTestId("reapply").click();
    await expect(conflicts).toHaveCount(1, { timeout: 30_000 });
    page.once("dialog", (d) => void d.accept());
    await conflicts.first().getByTestId("discard").click();
    await expect(conflicts).toHaveCount(0);
    await expect(page.getByTestId("outbox-empty")).toBeVisible({ timeout: 30_000 });

    const events = await db.dossierEvent.findMany({ where: { dossierId: dossier.id }, orderBy: { resultingVersion: "asc" }, select: { action: true, actorId: true, resultingVersion: true } });
    expect(events.map((e) => [e.action, e.resultingVersion])).toEqual([
      ["INTAKE", 1],
      ["COMMENT", 2],
      ["REQUEST_FEE", 3],
    ]);
    expect(events[2]!.actorId).toBe(dossier.officerId);
  });
});
