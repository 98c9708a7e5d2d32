// Notifications end to end inside one process tree: dossier commands against PostgreSQL, the job
// worker, and the local SMTP and SMS stand-ins as real servers.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Worker } from "../../jobs/worker";
import { useTestDb } from "../../test/db";
import { eventually, startSimulators, startTestWorker } from "../../test/notification-rig";
import { applyDossierAction } from "../dossier/commands/act";
import { T0, act, createDesk, intake, key } from "../dossier/commands/test-fixtures";
import { noticesFor } from "./audience";

const db = useTestDb({ max: 4 });
let sims: Awaited<ReturnType<typeof startSimulators>>;
let worker: Worker;

beforeAll(async () => {
  sims = await startSimulators();
  worker = await startTestWorker(db);
});
afterAll(async () => {
  await worker?.stop();
  await sims?.close();
});

const mailsFor = (code: string) => sims.smtp.messages().filter((m) => m.subject.includes(code) || m.text.includes(code));
const smsFor = (code: string) => sims.sms.messages().filter((m) => m.message.includes(code));

describe("notifications of dossier events", () => {
  it("tells a walk-in applicant by e-mail and SMS at the contact given at the counter, once each, with the provider's ids", async () => {
    const desk = await createDesk(db);
    const email = `walkin-${key()}@example.vn`.toLowerCase();
    const created = await intake(db, desk, { applicantEmail: email, applicantPhone: "0912345678" }, new Date());

    const mail = await eventually(async () => mailsFor(created.code)[0], 20_000, "the receipt e-mail");
    expect(mail.to).toEqual([email]);
    expect(mail.subject).toBe(`Hồ sơ ${created.code} đã được tiếp nhận`);
    expect(mail.text).toContain(`https://motcua.test/track/${created.code}`);
    expect(mail.html).toContain(created.code);
    // The code as a QR image, inline.
    expect(mail.attachments.some((a) => a.contentType === "image/png" && a.cid)).toBe(true);
    const sms = await eventually(async () => smsFor(created.code)[0], 20_000, "the receipt SMS");
    expect(sms.phone).toBe("84912345678");
    expect(sms.message).toMatch(/^Ho so .* da duoc tiep nhan, hen tra ket qua \d\d:\d\d \d\d\/\d\d\/\d{4}\. Tra cuu: https:\/\/motcua\.test\/track\//);
    expect(sms.segments).toBe(1);

    const deliveries = await eventually(async () => {
      const rows = await db.notificationDelivery.findMany({ where: { dossierId: created.id }, orderBy: { channel: "asc" } });
      return rows.length === 2 && rows.every((r) => r.status === "SENT") ? rows : undefined;
    });
    expect(deliveries.map((d) => [d.channel, d.recipientKey, d.template])).toEqual([
      ["EMAIL", `email:${email}`, "dossier.received"],
      ["SMS", "phone:0912345678", "dossier.received"],
    ]);
    expect(deliveries.find((d) => d.channel === "EMAIL")!.providerMessageId).toBe(mail.queueId);
    expect(deliveries.find((d) => d.channel === "SMS")!.providerMessageId).toBe(sms.messageId);
    // The Message-ID is the delivery's own id: what makes a retried send recognisable.
    expect(mail.messageId.startsWith(deliveries.find((d) => d.channel === "EMAIL")!.id)).toBe(true);
  });

  it("tells an account holder in the app and as chosen in the profile; an officer when a dossier is assigned to them", async () => {
    const desk = await createDesk(db);
    const owner = await db.user.create({
      data: { name: "Phạm Minh Châu", email: `owner-${key()}@example.vn`.toLowerCase(), phone: null, notificationChannels: ["EMAIL"] },
      select: { id: true, email: true },
    });
    const created = await intake(db, desk, { applicantPhone: "0987000111" }, new Date());
    await db.dossier.update({ where: { id: created.id }, data: { ownerId: owner.id } });
    await act(db, desk.leader.id, created.id, { action: "ASSIGN", payload: { assigneeId: desk.specialist.id } });
    await act(db, desk.specialist.id, created.id, { action: "REQUEST_SUPPLEMENT", payload: { items: ["Biên bản nghiệm thu có chữ ký"], note: "Nộp bản chụp." } });

    const rows = await eventually(async () => {
      const r = await db.notificationDelivery.findMany({ where: { dossierId: created.id }, orderBy: [{ template: "asc" }, { channel: "asc" }] });
      return r.length >= 4 && r.every((x) => x.status === "SENT") ? r : undefined;
    });
    expect(rows.map((r) => [r.template, r.channel, r.recipientKey])).toEqual([
      // the intake happened before the owner was linked: the counter's phone only
      ["dossier.received", "SMS", "phone:0987000111"],
      ["dossier.supplementRequested", "EMAIL", `user:${owner.id}`],
      ["dossier.supplementRequested", "IN_APP", `user:${owner.id}`],
      ["officer.assigned", "EMAIL", `user:${desk.specialist.id}`],
      ["officer.assigned", "IN_APP", `user:${desk.specialist.id}`],
    ]);
    const inApp = rows.find((r) => r.template === "dossier.supplementRequested" && r.channel === "IN_APP")!;
    expect(inApp).toMatchObject({ userId: owner.id, link: `https://motcua.test/me/dossiers/${created.code}`, readAt: null });
    expect(inApp.body).toContain("Biên bản nghiệm thu có chữ ký");
    const mail = mailsFor(created.code).find((m) => m.to.includes(owner.email!))!;
    expect(mail.text).toContain(`https://motcua.test/me/dossiers/${created.code}`);
    expect(mail.text).toMatch(/Vui lòng bổ sung trước \d\d\/\d\d\/\d{4}/);
  });

  it("a rolled-back command leaves no job and no delivery", async () => {
    const desk = await createDesk(db);
    const created = await intake(db, desk, { applicantEmail: `rb-${key()}@example.vn`.toLowerCase() }, new Date());
    await eventually(async () => (await db.notificationDelivery.count({ where: { dossierId: created.id, status: "SENT" } })) === 1);
    const before = await db.dossier.findUniqueOrThrow({ where: { id: created.id }, select: { version: true } });
    await expect(
      applyDossierAction(
        db,
        { actorUserId: desk.leader.id, dossierId: created.id, expectedVersion: before.version, idempotencyKey: key("rb"), action: "EXTEND", payload: { newDueAt: new Date(Date.now() + 30 * 86_400_000), reason: "x" } },
        { alsoWrite: async () => { throw new Error("rolled back on purpose"); } },
      ),
    ).rejects.toThrow("rolled back on purpose");
    // Nothing of the EXTEND exists: no event, no job for it, and (after the worker had time) no delivery.
    expect(await db.dossierEvent.count({ where: { dossierId: created.id, action: "EXTEND" } })).toBe(0);
    const jobs = await db.$queryRaw<Array<{ n: bigint }>>`SELECT count(*) AS n FROM pgboss.job WHERE name = 'notification.dossier-event' AND data->>'dossierId' = ${created.id}`;
    expect(Number(jobs[0]!.n)).toBe(1); // the intake's
    await new Promise((r) => setTimeout(r, 1500));
    expect(await db.notificationDelivery.findMany({ where: { dossierId: created.id }, select: { template: true } })).toEqual([{ template: "dossier.received" }]);
  });

  it("the dispatcher is idempotent: running it again for an event writes nothing new", async () => {
    const { notifyDossierEvent } = await import("./commands/notify-dossier-event");
    const desk = await createDesk(db);
    const created = await intake(db, desk, { applicantEmail: `idem-${key()}@example.vn`.toLowerCase(), applicantPhone: "0912000222" }, new Date());
    await eventually(async () => (await db.notificationDelivery.count({ where: { dossierId: created.id } })) === 2);
    const event = await db.dossierEvent.findFirstOrThrow({ where: { dossierId: created.id }, select: { id: true } });
    expect(await notifyDossierEvent(db, { eventId: event.id })).toEqual({ written: 0 });
    expect(await db.notificationDelivery.count({ where: { dossierId: created.id } })).toBe(2);
  });

  it("reads the event table for what it says", () => {
    expect(noticesFor({ action: "RECEIVE", toStatus: "RECEIVED", payload: {}, actorId: null })).toEqual([{ to: "applicant", template: "dossier.received" }]);
    expect(T0).toBeInstanceOf(Date);
  });
});
