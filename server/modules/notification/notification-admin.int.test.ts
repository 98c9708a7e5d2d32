// Templates, the in-app list, channel choice and the officers' digest against PostgreSQL (no
// worker of its own: what is written, not what is sent).
import { describe, expect, it } from "vitest";
import { useTestDb } from "../../test/db";
import { rejection } from "../../test/notification-rig";
import { createAgency, createUser, uniqueToken } from "../../test/factories";
import { act, createDesk, intake } from "../../test/desk";
import { markNotificationRead } from "./commands/mark-notification-read";
import { updateNotificationChannels } from "./commands/update-notification-channels";
import { updateTemplate } from "./commands/update-template";
import { writeOfficerDigests } from "./commands/write-officer-digests";
import { countUnreadNotifications, getTemplate, listMyNotifications } from "./queries";

const db = useTestDb({ max: 4 });
// The e-mail channel counts as configured; nothing is sent here (no worker).
process.env.SMTP_URL ??= "smtp://127.0.0.1:9";


async function systemAdmin() {
  const ministry = await createAgency(db, { kind: "MINISTRY", provinceName: null });
  return createUser(db, { memberships: [{ agencyId: ministry.id, role: "SYSTEM_ADMIN" }] });
}

describe("templates", () => {
  it("an administrator's wording replaces the default; an unknown variable refuses to save with a field error; reset goes back", async () => {
    const admin = await systemAdmin();
    const saved = await updateTemplate(db, { actorUserId: admin.id, template: "dossier.refused", channel: "SMS", locale: "en", body: "{{code}} refused: {{reason}}" });
    expect(saved.wordings.find((w) => w.channel === "SMS" && w.locale === "en")).toMatchObject({ body: "{{code}} refused: {{reason}}", customised: true });
    const audit = await db.auditLog.findFirstOrThrow({ where: { entity: "NotificationTemplate", entityId: "dossier.refused/SMS/en" }, orderBy: { at: "desc" } });
    expect(audit).toMatchObject({ action: "update", actorId: admin.id });

    const unknown = await rejection(updateTemplate(db, { actorUserId: admin.id, template: "dossier.refused", channel: "EMAIL", locale: "vi", subject: "Hồ sơ {{code}}", body: "Lý do: {{lyDo}}" }));
    expect(unknown).toMatchObject({ code: "VALIDATION", fieldErrors: { body: "UNKNOWN_VARIABLE" } });
    const malformed = await rejection(updateTemplate(db, { actorUserId: admin.id, template: "dossier.refused", channel: "EMAIL", locale: "vi", subject: "Hồ sơ {{code}", body: "x" }));
    expect(malformed.fieldErrors).toEqual({ subject: "UNCLOSED_PLACEHOLDER" });
    expect((await getTemplate(db, { template: "dossier.refused" })).wordings.find((w) => w.channel === "EMAIL" && w.locale === "vi")!.customised).toBe(false);

    await updateTemplate(db, { actorUserId: admin.id, template: "dossier.refused", channel: "SMS", locale: "en", body: "", reset: true });
    expect((await getTemplate(db, { template: "dossier.refused" })).wordings.find((w) => w.channel === "SMS" && w.locale === "en")!.customised).toBe(false);
  });

  it("agency administrators read the templates but may not change them", async () => {
    const agency = await createAgency(db);
    const agencyAdmin = await createUser(db, { memberships: [{ agencyId: agency.id, role: "AGENCY_ADMIN" }] });
    expect((await rejection(updateTemplate(db, { actorUserId: agencyAdmin.id, template: "dossier.received", channel: "SMS", locale: "vi", body: "{{code}}" }))).code).toBe("FORBIDDEN");
  });
});

describe("the in-app list and the channel choice", () => {
  it("lists a person's notices newest first, counts the unread, marks one read when opened, hides others'", async () => {
    const [me, other] = [await createUser(db, { kind: "CITIZEN" }), await createUser(db, { kind: "CITIZEN" })];
    for (const [i, user] of [me, me, other].entries()) {
      await db.notificationDelivery.create({
        data: { sourceKey: `t:${uniqueToken()}`, recipientKey: `user:${user.id}`, channel: "IN_APP", template: "dossier.received", locale: "vi", userId: user.id, subject: `Tiêu đề ${i}`, body: "x", status: "SENT", createdAt: new Date(Date.now() + i * 1000) },
      });
    }
    const page = await listMyNotifications(db, { userId: me.id });
    expect(page.items.map((n) => n.title)).toEqual(["Tiêu đề 1", "Tiêu đề 0"]);
    expect(await countUnreadNotifications(db, { userId: me.id })).toBe(2);
    await markNotificationRead(db, { userId: me.id, id: page.items[0]!.id });
    await markNotificationRead(db, { userId: me.id, id: page.items[0]!.id });
    expect(await countUnreadNotifications(db, { userId: me.id })).toBe(1);
    const othersId = (await listMyNotifications(db, { userId: other.id })).items[0]!.id;
    expect((await rejection(markNotificationRead(db, { userId: me.id, id: othersId }))).code).toBe("NOT_FOUND");
  });

  it("saves the channels a person chose", async () => {
    const user = await createUser(db, { kind: "CITIZEN" });
    expect((await updateNotificationChannels(db, { userId: user.id, email: false, sms: true })).channels).toEqual(["SMS"]);
    expect((await updateNotificationChannels(db, { userId: user.id, email: false, sms: false })).channels).toEqual([]);
  });
});

describe("the officers' digest", () => {
  it("on a working day, lists each officer's overdue and due-soon dossiers once; nobody with nothing due is written to; not on a Sunday", async () => {
    const desk = await createDesk(db);
    const base = new Date("2026-03-10T03:00:00Z");
    const overdue = await intake(db, desk, {}, base);
    await act(db, desk.leader.id, overdue.id, { action: "ASSIGN", payload: { assigneeId: desk.specialist.id } }, base);
    const later = await intake(db, desk, {}, base);
    await act(db, desk.leader.id, later.id, { action: "ASSIGN", payload: { assigneeId: desk.specialist2.id } }, base);
    // Thursday 12 March 07:00 Hà Nội: the first dossier's appraisal step (16 working hours from Tuesday 10:00) is due at 10:00.
    const thursday = new Date("2026-03-12T00:00:00Z");
    await db.dossier.update({ where: { id: overdue.id }, data: { stepDueAt: new Date("2026-03-11T10:00:00Z") } });
    await db.dossier.update({ where: { id: later.id }, data: { stepDueAt: new Date("2026-04-30T10:00:00Z"), dueAt: new Date("2026-04-30T10:00:00Z") } });

    await writeOfficerDigests(db, { now: thursday });
    await writeOfficerDigests(db, { now: thursday });
    const rows = await db.notificationDelivery.findMany({ where: { template: "officer.digest", userId: { in: [desk.specialist.id, desk.specialist2.id] } }, orderBy: { channel: "asc" } });
    expect(rows.map((r) => [r.userId, r.channel, r.sourceKey])).toEqual([
      [desk.specialist.id, "EMAIL", "digest:2026-03-12"],
      [desk.specialist.id, "IN_APP", "digest:2026-03-12"],
    ]);
    expect(rows[0]!.subject).toMatch(/^Hồ sơ cần xử lý ngày 12\/03\/2026: 1 quá hạn, 0 sắp đến hạn$/);
    expect(rows[0]!.body).toContain(`[Quá hạn] ${overdue.code}`);

    const sunday = new Date("2026-03-15T00:00:00Z");
    await writeOfficerDigests(db, { now: sunday });
    expect(await db.notificationDelivery.count({ where: { template: "officer.digest", sourceKey: "digest:2026-03-15", userId: desk.specialist.id } })).toBe(0);
  });
});
