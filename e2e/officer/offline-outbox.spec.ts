// Offline work end to end: actions and a counter intake taken without a connection survive a
// reload, then reach the database exactly once each when the connection returns.
import vi from "../../messages/vi.json" with { type: "json" };
import { departmentCode } from "../../prisma/seed/agencies";
import { expect, test } from "../fixtures";
import { OfflineWorkspacePage, receiveTestDossier } from "../pages/offline-workspace-page";

const HANOI = departmentCode("Hà Nội");
const RECEPTION = "tiepnhan.hanoi@motcua.test";

test.describe("offline outbox", () => {
  test.describe.configure({ timeout: 180_000 });

  test("10 actions on 3 dossiers and a counter intake, offline, survive a reload and sync exactly once", async ({ page, context, db, signInAs }) => {
    const stamp = Date.now().toString(36);
    const dossiers = await Promise.all(
      [1, 2, 3].map((i) => receiveTestDossier(db, { agencyCode: HANOI, receptionEmail: RECEPTION, applicantName: `Ngoại Tuyến ${stamp} ${i}` })),
    );
    const [d1, d2, d3] = dossiers as [(typeof dossiers)[0], (typeof dossiers)[0], (typeof dossiers)[0]];
    const offline = new OfflineWorkspacePage(page);

    await signInAs({ email: RECEPTION, password: "Motcua@2026", roleVi: "", roleEn: "", agencyVi: "" });
    await offline.waitUntilReadyOffline();

    await context.setOffline(true);
    const plan: Array<[typeof d1, string, { note?: string; amount?: string; item?: string }]> = [
      [d1, "REQUEST_FEE", { amount: "500000" }],
      [d1, "CONFIRM_FEE", {}],
      [d1, "COMMENT", { note: `ghi chú 1 ${stamp}` }],
      [d1, "COMMENT", { note: `ghi chú 2 ${stamp}` }],
      [d2, "REQUEST_SUPPLEMENT", { item: "Bản sao giấy phép", note: `bổ sung ${stamp}` }],
      [d2, "RESUME", {}],
      [d2, "COMMENT", { note: `ghi chú 3 ${stamp}` }],
      [d3, "COMMENT", { note: `ghi chú 4 ${stamp}` }],
      [d3, "REQUEST_FEE", { amount: "3000000" }],
      [d3, "CONFIRM_FEE", {}],
    ];
    let current = "";
    let queued = 0;
    for (const [dossier, action, fill] of plan) {
      if (current !== dossier.id) {
        // A real navigation while offline: the service worker answers with the offline shell.
        await page.goto(`/officer/dossiers/${dossier.id}`);
        await expect(page.getByTestId("offline-dossier")).toBeVisible();
        await expect(page.getByTestId("sync-online")).toHaveText(/Mất kết nối/);
        current = dossier.id;
      }
      await offline.takeAction(action, fill);
      queued += 1;
      await expect(offline.status).toHaveAttribute("data-pending", String(queued));
    }
    // The preview follows the queue: d1 went AWAITING_FEE → PROCESSING and is at version 1 + 4.
    await page.goto(`/officer/dossiers/${d1.id}`);
    await expect(page.getByTestId("offline-dossier")).toHaveAttribute("data-version", "5");
    await expect(page.getByTestId("pending-event")).toHaveCount(4);

    // Counter intake offline: a reserved code and the due date printed on the slip.
    await page.goto("/officer/intake");
    await expect(page.getByTestId("offline-shell")).toBeVisible();
    const procedure = page.locator("#intake-procedure");
    await expect(procedure.locator("option")).not.toHaveCount(1);
    await procedure.selectOption({ index: 1 });
    await page.locator("#intake-name").fill(`Khách Tại Quầy ${stamp}`);
    for (const box of await page.locator("#intake-checklist input[type=checkbox]").all()) await box.check();
    await page.getByRole("button", { name: vi.officer.intake.submit }).click();
    await expect(page.getByTestId("receipt-slip")).toBeVisible();
    const slipCode = (await page.getByTestId("slip-code").textContent())!.trim();
    const slipDue = (await page.getByTestId("slip-due").textContent())!.trim();
    expect(slipCode).toMatch(new RegExp(`^${HANOI.replace(/\./g, "\\.")}-\\d{6}-\\d{4}$`));

    // A reload while offline: everything is still queued (IndexedDB), in order.
    await page.goto("/officer/outbox");
    await page.reload();
    await expect(offline.outboxEntries()).toHaveCount(11);
    await expect(page.locator('[data-testid="outbox-entry"][data-state="waiting"]')).toHaveCount(11);
    expect(await db.dossierEvent.count({ where: { dossierId: { in: dossiers.map((d) => d.id) }, action: { not: "INTAKE" } } })).toBe(0);

    // Back online: the outbox empties and every action is in the database exactly once.
    await context.setOffline(false);
    await expect(page.getByTestId("outbox-empty")).toBeVisible({ timeout: 60_000 });
    await expect(page.getByTestId("conflict")).toHaveCount(0);

    const events = await db.dossierEvent.findMany({
      where: { dossierId: { in: dossiers.map((d) => d.id) }, action: { not: "INTAKE" } },
      orderBy: [{ dossierId: "asc" }, { resultingVersion: "asc" }],
      select: { dossierId: true, action: true, actorId: true, deviceAt: true, serverAt: true, resultingVersion: true, idempotencyKey: true },
    });
    expect(events).toHaveLength(10);
    expect(new Set(events.map((e) => e.idempotencyKey)).size).toBe(10);
    for (const dossier of dossiers) {
      const expected = plan.filter(([d]) => d.id === dossier.id).map(([, action]) => action);
      const mine = events.filter((e) => e.dossierId === dossier.id);
      expect(mine.map((e) => e.action)).toEqual(expected);
      expect(mine.map((e) => e.resultingVersion)).toEqual(expected.map((_, i) => i + 2));
      for (const e of mine) {
        expect(e.actorId).toBe(d1.officerId);
        // Both times are kept: the device's (when the officer acted) and the server's (when it synced).
        expect(e.deviceAt).not.toBeNull();
        expect(e.deviceAt!.getTime()).toBeLessThanOrEqual(e.serverAt.getTime());
      }
    }
    const finalStates = await db.dossier.findMany({ where: { id: { in: dossiers.map((d) => d.id) } }, select: { id: true, status: true, version: true } });
    expect(Object.fromEntries(finalStates.map((d) => [d.id, [d.status, d.version]]))).toEqual({
      [d1.id]: ["PROCESSING", 5],
      [d2.id]: ["PROCESSING", 4],
      [d3.id]: ["PROCESSING", 4],
    });

    // The intake: one dossier, with the printed code and the printed due date.
    const intake = await db.dossier.findMany({ where: { code: slipCode }, select: { id: true, applicantName: true, dueAt: true, receivedAt: true } });
    expect(intake).toHaveLength(1);
    expect(intake[0]!.applicantName).toBe(`Khách Tại Quầy ${stamp}`);
    const due = new Intl.DateTimeFormat("en-GB", { timeZone: "Asia/Ho_Chi_Minh", day: "2-digit", month: "2-digit", year: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23" })
      .format(intake[0]!.dueAt!)
      .replace(",", "");
    expect(due).toBe(slipDue);
    const reservation = await db.dossierCodeReservation.findUniqueOrThrow({ where: { code: slipCode }, select: { dossierId: true } });
    expect(reservation.dossierId).toBe(intake[0]!.id);
  });
});
