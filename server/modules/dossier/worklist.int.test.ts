import { describe, expect, it } from "vitest";
import { useTestDb } from "../../test/db";
import { createAgency, createUser, dossierInput } from "../../test/factories";
import { intakeDossier } from "./commands/intake-dossier";
import { T0, act, createDesk, intake, key } from "../../test/desk";
import { createDossier } from "./commands/create-dossier";
import type { TWorklistInput, TWorklistItem } from "./schema";
import { listWorklist } from "./queries/worklist";

const db = useTestDb({ max: 6 });
const HOUR = 3_600_000;
const vn = (iso: string) => new Date(`${iso}+07:00`);

async function allPages(input: TWorklistInput & { actorUserId: string }, now?: Date) {
  const seen: TWorklistItem[] = [];
  let cursor: string | undefined;
  for (let guard = 0; guard < 100; guard++) {
    const page = await listWorklist(db, { ...input, ...(cursor ? { cursor } : {}) }, now ? { now } : {});
    expect(page.items.length).toBeLessThanOrEqual(input.limit ?? 25);
    seen.push(...page.items);
    if (!page.nextCursor) return seen;
    cursor = page.nextCursor;
  }
  throw new Error("pagination did not end");
}

describe("worklists", () => {
  it("finds 'Nguyễn Văn A' by 'nguyen van a', by ID number and by exact code, within scope", async () => {
    const desk = await createDesk(db);
    const a = await intake(db, desk, { applicantName: "Nguyễn Văn A", applicantIdNumber: "079123456789" });
    const dung = await intake(db, desk, { applicantName: "Đặng Thị Dung" });
    await intake(db, desk, { applicantName: "Trần Văn Bình" });
    const base = { actorUserId: desk.specialist.id, view: "all" as const, agencyId: desk.agency.id };

    expect((await listWorklist(db, { ...base, q: "nguyen van a" })).items.map((i) => i.id)).toEqual([a.id]);
    expect((await listWorklist(db, { ...base, q: "  NGUYỄN   văn A " })).items.map((i) => i.id)).toEqual([a.id]);
    expect((await listWorklist(db, { ...base, q: "dang thi" })).items.map((i) => i.id)).toEqual([dung.id]);
    expect((await listWorklist(db, { ...base, q: "3456789" })).items.map((i) => i.id)).toEqual([a.id]);
    expect((await listWorklist(db, { ...base, q: a.code.toLowerCase() })).items.map((i) => i.id)).toEqual([a.id]);
    // LIKE metacharacters are literal.
    expect((await listWorklist(db, { ...base, q: "%" })).items).toEqual([]);
    expect((await listWorklist(db, { ...base, q: "van" })).items).toHaveLength(2);

    const item = (await listWorklist(db, { ...base, q: "nguyen van a" })).items[0]!;
    expect(item).toMatchObject({
      code: a.code,
      applicantName: "Nguyễn Văn A",
      status: "RECEIVED",
      currentStepOrder: 2,
      currentStepKind: "APPRAISAL",
      currentStepNameVi: "Bước 2",
      procedureNameVi: desk.version.nameVi,
      procedureCode: desk.procedure.code,
      assigneeName: null,
      version: 1,
    });
  });

  it("returns every row exactly once across pages, in order, with null due dates last", async () => {
    const desk = await createDesk(db);
    const ids: string[] = [];
    // 23 dossiers over 6 reception times: many share a due date, so the id breaks ties.
    for (let i = 0; i < 23; i++) ids.push((await intake(db, desk, {}, new Date(T0.getTime() + (i % 6) * 24 * HOUR))).id);
    // Three without a due date (data from elsewhere): they must come last, and be paged too.
    await db.dossier.updateMany({ where: { id: { in: ids.slice(0, 3) } }, data: { dueAt: null } });

    const items = await allPages({ actorUserId: desk.leader.id, view: "queue", agencyId: desk.agency.id, limit: 4 }, T0);
    expect(items.map((i) => i.id).sort()).toEqual([...ids].sort());
    expect(new Set(items.map((i) => i.id)).size).toBe(ids.length);
    const key = (i: TWorklistItem) => [i.dueAt ? i.dueAt.getTime() : Number.POSITIVE_INFINITY, i.id] as const;
    for (let n = 1; n < items.length; n++) {
      const [pd, pid] = key(items[n - 1]!);
      const [d, id] = key(items[n]!);
      expect(pd < d || (pd === d && pid < id)).toBe(true);
    }
    expect(items.slice(-3).every((i) => i.dueAt === null)).toBe(true);

    // Newest first on "all", oldest first on the reception queue.
    const all = await allPages({ actorUserId: desk.leader.id, view: "all", agencyId: desk.agency.id, limit: 5 });
    expect(all.map((i) => i.id).sort()).toEqual([...ids].sort());
    for (let n = 1; n < all.length; n++) expect(all[n - 1]!.submittedAt >= all[n]!.submittedAt).toBe(true);

    const online = [];
    for (let i = 0; i < 7; i++) {
      online.push(
        await createDossier(
          db,
          dossierInput({ procedureVersionId: desk.version.id, agencyId: desk.agency.id }, { channel: 2, status: "NEW", submittedAt: new Date(T0.getTime() + (i % 3) * HOUR) }),
        ),
      );
    }
    const reception = await allPages({ actorUserId: desk.reception.id, view: "reception", limit: 3 });
    expect(reception.map((i) => i.id).sort()).toEqual(online.map((o) => o.id).sort());
    for (let n = 1; n < reception.length; n++) expect(reception[n - 1]!.submittedAt <= reception[n]!.submittedAt).toBe(true);

    // A cursor belongs to its view.
    const first = await listWorklist(db, { actorUserId: desk.leader.id, view: "queue", agencyId: desk.agency.id, limit: 2 });
    await expect(listWorklist(db, { actorUserId: desk.leader.id, view: "all", cursor: first.nextCursor! })).rejects.toMatchObject({ code: "VALIDATION" });
  });

  it("flags overdue and due-soon dossiers and lists them in their views; mine and supplement views", async () => {
    const desk = await createDesk(db);
    // Received Tuesday 10 March: due Tuesday 17 March 17:00.
    const d1 = await intake(db, desk);
    // Received Friday 13 March 10:00: due Friday 20 March 17:00.
    const d2 = await intake(db, desk, {}, vn("2026-03-13T10:00:00"));
    const d3 = await intake(db, desk);
    await act(db, desk.leader.id, d3.id, { action: "ASSIGN", payload: { assigneeId: desk.specialist.id } }, T0);
    await act(db, desk.specialist.id, d3.id, { action: "REQUEST_SUPPLEMENT", payload: { items: ["x"], note: "y" } }, T0);

    // Monday 16 March 09:00: d1 is due within 2 working days, d2 is not, d3 is paused.
    const monday = vn("2026-03-16T09:00:00");
    const base = { actorUserId: desk.leader.id, agencyId: desk.agency.id };
    const soon = await listWorklist(db, { ...base, view: "dueSoon" }, { now: monday });
    expect(soon.items.map((i) => i.id)).toEqual([d1.id]);
    expect(soon.items[0]).toMatchObject({ dueSoon: true, overdue: false });
    expect(soon.dueSoonBefore).toEqual(vn("2026-03-18T09:00:00"));
    expect((await listWorklist(db, { ...base, view: "overdue" }, { now: monday })).items).toEqual([]);

    // Wednesday 18 March: d1 is overdue (its step too); the paused d3 is not.
    const wednesday = vn("2026-03-18T09:00:00");
    const overdue = await listWorklist(db, { ...base, view: "overdue" }, { now: wednesday });
    expect(overdue.items.map((i) => i.id)).toEqual([d1.id]);
    expect(overdue.items[0]).toMatchObject({ overdue: true, dueSoon: false, stepOverdue: true });
    const queue = await listWorklist(db, { ...base, view: "queue" }, { now: wednesday });
    expect(queue.items.find((i) => i.id === d3.id)).toMatchObject({ overdue: false, status: "SUPPLEMENT_REQUESTED" });
    // d2 (due Friday 17:00) is beyond Wednesday 09:00 + 16 working hours (Friday 09:00)…
    expect(queue.items.find((i) => i.id === d2.id)).toMatchObject({ overdue: false, dueSoon: false });
    // …but due soon from Thursday 09:00 (window to Monday 09:00, across the weekend).
    const thursday = await listWorklist(db, { ...base, view: "dueSoon" }, { now: vn("2026-03-19T09:00:00") });
    expect(thursday.items.map((i) => i.id)).toEqual([d2.id]);
    expect(thursday.dueSoonBefore).toEqual(vn("2026-03-23T09:00:00"));

    const mine = await listWorklist(db, { actorUserId: desk.specialist.id, view: "mine" });
    expect(mine.items.map((i) => i.id)).toEqual([d3.id]);
    expect(mine.items[0]).toMatchObject({ assigneeName: desk.specialist.name });
    expect((await listWorklist(db, { ...base, view: "supplement" })).items.map((i) => i.id)).toEqual([d3.id]);

    // Filters: status, procedure, reception dates, step kind.
    expect((await listWorklist(db, { ...base, view: "all", status: "SUPPLEMENT_REQUESTED" })).items.map((i) => i.id)).toEqual([d3.id]);
    expect((await listWorklist(db, { ...base, view: "all", receivedFrom: vn("2026-03-13T00:00:00") })).items.map((i) => i.id)).toEqual([d2.id]);
    expect((await listWorklist(db, { ...base, view: "all", receivedTo: vn("2026-03-11T00:00:00") })).items.map((i) => i.id).sort()).toEqual([d1.id, d3.id].sort());
    expect((await listWorklist(db, { ...base, view: "all", procedureId: "nope" })).items).toEqual([]);
    expect((await listWorklist(db, { ...base, view: "all", stepKind: "APPRAISAL" })).items).toHaveLength(3);
    expect((await listWorklist(db, { ...base, view: "all", stepKind: "APPROVAL" })).items).toHaveLength(0);
  });

  it("shows a dossier received at one agency and handled at another to both, each in its own views", async () => {
    // A commune desk receives for the provincial department (reception regardless of boundary).
    const department = await createDesk(db);
    const commune = await createAgency(db, { kind: "COMMUNE" });
    await db.procedureAgency.create({ data: { procedureId: department.procedure.id, agencyId: commune.id } });
    const communeDesk = await createUser(db, { memberships: [{ agencyId: commune.id, role: "RECEPTION_OFFICER" }] });
    const communeLeader = await createUser(db, { memberships: [{ agencyId: commune.id, role: "LEADER" }] });
    const filed = [];
    for (let i = 0; i < 5; i++) {
      filed.push(
        await intakeDossier(
          db,
          {
            actorUserId: communeDesk.id,
            agencyId: commune.id,
            handlingAgencyId: department.agency.id,
            procedureVersionId: department.version.id,
            channel: 1,
            applicantName: `Hoàng Văn Em ${i}`,
            checklist: department.components.filter((c) => c.required).map((c) => c.id),
            idempotencyKey: key("commune"),
          },
          { now: new Date(T0.getTime() + i * HOUR) },
        ),
      );
    }
    const own = await intake(db, department);
    const ids = filed.map((f) => f.id);

    // The commune sees what it received, page by page, newest first; nothing else.
    const communeAll = await allPages({ actorUserId: communeDesk.id, view: "all", limit: 2 });
    expect(communeAll.map((i) => i.id)).toEqual([...ids].reverse());
    expect((await listWorklist(db, { actorUserId: communeDesk.id, view: "queue" })).items).toEqual([]);
    // The department sees them in its queue and in "all", with its own.
    const queue = await allPages({ actorUserId: department.leader.id, view: "queue", limit: 2 });
    expect(queue.map((i) => i.id).sort()).toEqual([...ids, own.id].sort());
    const all = await allPages({ actorUserId: department.leader.id, view: "all", limit: 4 });
    expect(all.map((i) => i.id).sort()).toEqual([...ids, own.id].sort());

    // The commune desk may act as the desk (record a withdrawal); the commune's leader may not process it.
    const first = filed[0]!;
    await act(db, department.leader.id, first.id, { action: "ASSIGN", payload: { assigneeId: department.specialist.id } }, T0);
    await expect(act(db, communeLeader.id, first.id, { action: "STOP", payload: { reason: "x" } }, T0)).rejects.toMatchObject({ code: "FORBIDDEN" });
    const withdrawn = await act(db, communeDesk.id, first.id, { action: "WITHDRAW", payload: { reason: "Công dân xin rút" } }, T0);
    expect(withdrawn.dossier.status).toBe("WITHDRAWN");
  });
});
