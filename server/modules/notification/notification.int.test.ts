// Notifications end to end inside one process tree: dossier commands against PostgreSQL, the job
// worker, and the local SMTP and SMS stand-ins as real servers.
import { spawn } from "node:child_process";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Worker } from "../../jobs/worker";
import { useTestDb } from "../../test/db";
import { createAgency, createUser, uniqueToken } from "../../test/factories";
import { requestPasswordReset } from "../auth/commands/request-password-reset";
import { checkPasswordResetToken, resetPassword } from "../auth/commands/reset-password";
import { hashPassword } from "../auth/password";
import { signInWithPassword } from "../auth/commands/sign-in-with-password";
import { retryFailedJob } from "../jobs/commands/retry-failed-job";
import { FAST_SEND_QUEUE, eventually, rejection, startSimulators, startTestWorker } from "../../test/notification-rig";
import { writeDeliveries } from "./commands/write-deliveries";
import { applyDossierAction } from "../dossier/commands/act";
import { T0, act, createDesk, intake, key } from "../../test/desk";
import { noticesFor } from "./audience";

const db = useTestDb({ max: 4 });
process.env.AUTH_SECRET ??= "notification-test-secret-0123456789abcdef";


const resetTokenIn = (text: string) => new URL(/https:\/\/motcua\.test\/reset-password\?token=\S+/.exec(text)![0]).searchParams.get("token")!;
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
    await eventually(async () => (await db.notificationDelivery.count({ where: { dossierId: created.id } })) === 1, 20_000, "the intake's notice");
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

describe("exactly once in effect", () => {
  /** One e-mail written as the dispatcher would, with its send job. */
  async function oneEmail(label: string) {
    const address = `${label}-${key()}@example.vn`.toLowerCase();
    await db.$transaction((tx) =>
      writeDeliveries(tx, [{ sourceKey: `test:${address}`, recipientKey: `email:${address}`, channel: "EMAIL", template: "dossier.received", locale: "vi", address, subject: `Thư thử ${label}`, body: "Nội dung" }]),
    );
    return db.notificationDelivery.findFirstOrThrow({ where: { address } });
  }
  const copiesOf = (deliveryId: string) => sims.smtp.messages().filter((m) => m.headers["x-motcua-delivery"] === deliveryId);

  it("a worker killed between the SMTP server taking the message and recording it: one message after the restart", async () => {
    await worker.stop();
    const delivery = await oneEmail("crash");
    // The stand-in keeps the message at once but answers only after 60 s: the worker is killed while it waits.
    sims.smtp.faults.set({ mode: "late", delayMs: 60_000, count: 1 });
    const duplicatesBefore = sims.smtp.stats().duplicates;
    const child = spawn(process.execPath, ["--import", "tsx", "server/test/notification-worker-process.ts"], {
      env: { ...process.env, DATABASE_URL: inject("databaseUrl"), TEST_SEND_QUEUE: JSON.stringify(FAST_SEND_QUEUE) },
      stdio: ["ignore", "pipe", "inherit"],
    });
    try {
      await eventually(async () => copiesOf(delivery.id).length === 1, 30_000, "the message at the SMTP stand-in");
    } finally {
      child.kill("SIGKILL");
    }
    await new Promise((r) => child.once("exit", r));
    expect(await db.notificationDelivery.findUniqueOrThrow({ where: { id: delivery.id }, select: { status: true, attempts: true } })).toEqual({ status: "PENDING", attempts: 0 });

    // A new worker: the dead one's job expires (pg-boss looks for expired jobs once a minute per
    // queue), is retried, and sent again with the same Message-ID.
    worker = await startTestWorker(db);
    const sent = await eventually(async () => {
      const row = await db.notificationDelivery.findUniqueOrThrow({ where: { id: delivery.id } });
      return row.status === "SENT" ? row : undefined;
    }, 150_000, "the delivery recorded as sent");
    // The retry reached the SMTP server and was recognised as a repeat (on a loaded machine a slow
    // retry can itself expire and run once more: still one message).
    expect(sent.attempts).toBeGreaterThanOrEqual(1);
    expect(sims.smtp.stats().duplicates).toBeGreaterThanOrEqual(duplicatesBefore + 1);
    expect(copiesOf(delivery.id)).toHaveLength(1);
    expect(sent.providerMessageId).toBe(copiesOf(delivery.id)[0]!.queueId);
  }, 240_000);

  it("SMTP down: retried, then dead-lettered and visible; once SMTP is back, a retry sends it once", async () => {
    sims.smtp.faults.set({ mode: "fail" });
    const delivery = await oneEmail("down");
    try {
      const dead = await eventually(async () => {
        const row = await db.notificationDelivery.findUniqueOrThrow({ where: { id: delivery.id } });
        return row.status === "DEAD" ? row : undefined;
      }, 30_000, "the delivery given up");
      // The first attempt and both retries, each refused.
      expect(dead.attempts).toBe(1 + FAST_SEND_QUEUE.retryLimit!);
      expect(dead.lastError).toMatch(/451|Temporary failure/);
      const letters = await eventually(async () => {
        const rows = await db.$queryRaw<Array<{ id: string }>>`SELECT id::text FROM pgboss.job WHERE name = 'dead/notification.send' AND data->>'deliveryId' = ${delivery.id}`;
        return rows.length > 0 ? rows : undefined;
      }, 10_000, "the dead letter");
      expect(letters).toHaveLength(1);
      expect(copiesOf(delivery.id)).toHaveLength(0);
    } finally {
      sims.smtp.faults.set({ mode: "ok" });
    }

    // A system administrator retries the dead letter from /admin/jobs.
    const ministry = await createAgency(db, { kind: "MINISTRY", provinceName: null });
    const admin = await createUser(db, { memberships: [{ agencyId: ministry.id, role: "SYSTEM_ADMIN" }] });
    const [letter] = await db.$queryRaw<Array<{ id: string }>>`SELECT id::text FROM pgboss.job WHERE name = 'dead/notification.send' AND data->>'deliveryId' = ${delivery.id}`;
    expect(await retryFailedJob(db, { actorUserId: admin.id, queue: "dead/notification.send", id: letter!.id })).toEqual({ outcome: "retried" });
    const sent = await eventually(async () => {
      const row = await db.notificationDelivery.findUniqueOrThrow({ where: { id: delivery.id } });
      return row.status === "SENT" ? row : undefined;
    }, 20_000, "the delivery sent after the retry");
    expect(sent.lastError).toBeNull();
    expect(copiesOf(delivery.id)).toHaveLength(1);
  });
});

describe("forgotten password", () => {
  async function localAccount() {
    const email = `reset-${uniqueToken().toLowerCase()}@example.vn`;
    return db.user.create({ data: { name: "Tô Hoài Nam", email, passwordHash: await hashPassword("Cu@matkhau2026"), sessionVersion: 3 }, select: { id: true, email: true } });
  }
  const client = () => `10.200.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250) + 1}`;

  it("the same answer for an unknown address; a link whose token is stored only hashed, used once, which ends every session", async () => {
    const unknown = `nobody-${uniqueToken().toLowerCase()}@example.vn`;
    expect(await requestPasswordReset(db, { email: unknown, clientKey: client() })).toEqual({ accepted: true });
    const user = await localAccount();
    expect(await requestPasswordReset(db, { email: user.email!.toUpperCase(), clientKey: client() })).toEqual({ accepted: true });

    const token = await db.passwordResetToken.findFirstOrThrow({ where: { userId: user.id } });
    const mail = await eventually(async () => sims.smtp.messages().find((m) => m.to.includes(user.email!)), 20_000, "the reset e-mail");
    const raw = resetTokenIn(mail.text);
    expect(raw.length).toBeGreaterThanOrEqual(40);
    expect(token.tokenHash).not.toBe(raw);
    // Neither the token row nor the delivery (once sent, its sealed link dropped) holds the token.
    const delivery = await eventually(async () => {
      const row = await db.notificationDelivery.findFirstOrThrow({ where: { sourceKey: `password-reset:${token.id}` } });
      return row.status === "SENT" ? row : undefined;
    });
    expect(delivery.body).toContain("{{link}}");
    expect(delivery.data).toEqual({ linkLabel: "Đặt mật khẩu mới" });
    expect(JSON.stringify(delivery)).not.toContain(raw);
    expect(sims.smtp.messages().some((m) => m.to.includes(unknown))).toBe(false);

    expect(await checkPasswordResetToken(db, { token: raw })).toMatchObject({ valid: true });
    const weak = await rejection(resetPassword(db, { token: raw, password: "short1" }));
    expect(weak.fieldErrors).toEqual({ password: "TOO_SHORT" });
    await resetPassword(db, { token: raw, password: "Moi@matkhau2027" });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { sessionVersion: true } })).sessionVersion).toBe(4);
    expect((await signInWithPassword(db, { identifier: user.email!, password: "Moi@matkhau2027" })).ok).toBe(true);
    expect((await rejection(resetPassword(db, { token: raw, password: "Lan@thuhai2027" }))).fieldErrors).toEqual({ token: "RESET_LINK_INVALID" });
    expect(await checkPasswordResetToken(db, { token: raw })).toMatchObject({ valid: false });
  });

  it("an expired link is refused; a new request replaces the open one; requests are rate-limited per address", async () => {
    const user = await localAccount();
    const ip = client();
    const t0 = new Date();
    await requestPasswordReset(db, { email: user.email!, clientKey: ip }, { now: t0 });
    await requestPasswordReset(db, { email: user.email!, clientKey: ip }, { now: t0 });
    const tokens = await db.passwordResetToken.findMany({ where: { userId: user.id }, orderBy: { createdAt: "asc" } });
    expect(tokens.map((t) => t.usedAt !== null)).toEqual([true, false]);
    await requestPasswordReset(db, { email: user.email!, clientKey: ip }, { now: t0 });
    const limited = await rejection(requestPasswordReset(db, { email: user.email!, clientKey: client() }, { now: t0 }));
    expect(limited.code).toBe("RATE_LIMITED");

    const expiredAt = new Date(t0.getTime() + 31 * 60_000);
    const mails = await eventually(async () => {
      const found = sims.smtp.messages().filter((m) => m.to.includes(user.email!));
      return found.length === 3 ? found : undefined;
    }, 20_000, "three reset e-mails");
    // The newest link (messages come newest first).
    const raw = resetTokenIn(mails[0]!.text);
    expect(await checkPasswordResetToken(db, { token: raw }, { now: expiredAt })).toMatchObject({ valid: false });
    expect((await rejection(resetPassword(db, { token: raw, password: "Moi@matkhau2027" }, { now: expiredAt }))).fieldErrors).toEqual({ token: "RESET_LINK_INVALID" });
  });
});
