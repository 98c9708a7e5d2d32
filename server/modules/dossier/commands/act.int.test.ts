import { describe, expect, it } from "vitest";
import { AppError } from "../../../errors";
import { useTestDb } from "../../../test/db";
import { createUser, dossierInput } from "../../../test/factories";
import { createDossier } from "./create-dossier";
import { applyDossierAction } from "./act";
import { bulkAssign } from "./bulk-assign";
import { intakeDossier } from "./intake-dossier";
import { T0, act, createDesk, intake, key, type Desk } from "../../../test/desk";

const db = useTestDb({ max: 10 });

const HOUR = 3_600_000;
/** Local Hà Nội wall time → instant. */
const vn = (iso: string) => new Date(`${iso}+07:00`);

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected the command to be refused");
}

async function dossierRow(id: string) {
  return db.dossier.findUniqueOrThrow({
    where: { id },
    include: {
      events: { orderBy: { resultingVersion: "asc" } },
      clockEvents: { orderBy: [{ at: "asc" }, { createdAt: "asc" }] },
      steps: { orderBy: [{ startedAt: "asc" }, { finishedAt: "asc" }] },
    },
  });
}

async function intakeAssigned(desk: Desk, now = T0) {
  const created = await intake(db, desk, {}, now);
  await act(db, desk.leader.id, created.id, { action: "ASSIGN", payload: { assigneeId: desk.specialist.id } }, now);
  return created;
}

describe("the officers' dossier lifecycle", () => {
  it("drives a counter intake through assignment, supplement, approval, issue and return, refusing every wrong actor", async () => {
    const desk = await createDesk(db);
    const created = await intake(db, desk);
    expect(created).toMatchObject({ status: "RECEIVED", version: 1, replayed: false });
    // 5 working days from Tuesday 10 March 10:00: day 1 is Wednesday, due Tuesday 17 March 17:00.
    const originalDue = vn("2026-03-17T17:00:00");
    expect(created.dueAt).toEqual(originalDue);
    let row = await dossierRow(created.id);
    expect(row).toMatchObject({ currentStepOrder: 2, assigneeId: null, receivedAt: T0, originalDueAt: originalDue, channel: 1 });
    // Reception closed at once (held by the desk officer), appraisal open with its 16-hour allowance.
    expect(row.steps.map((s) => [s.order, s.holderId, s.finishedAt])).toEqual([
      [1, desk.reception.id, T0],
      [2, null, null],
    ]);
    expect(row.steps[1]!.dueAt).toEqual(vn("2026-03-12T10:00:00"));
    expect(row.stepDueAt).toEqual(vn("2026-03-12T10:00:00"));

    // Appraisal is personal: nobody acts before a leader assigns it.
    expect((await rejection(act(db, desk.specialist.id, created.id, { action: "FORWARD" }, T0))).details).toMatchObject({ reason: "NOT_ASSIGNEE" });
    expect((await rejection(act(db, desk.specialist.id, created.id, { action: "ASSIGN", payload: { assigneeId: desk.specialist.id } }, T0))).code).toBe("FORBIDDEN");
    // The assignee must hold the step's role.
    const wrongAssignee = await rejection(act(db, desk.leader.id, created.id, { action: "ASSIGN", payload: { assigneeId: desk.clerk.id } }, T0));
    expect(wrongAssignee).toMatchObject({ code: "VALIDATION", details: { reason: "NOT_ASSIGNABLE" } });

    const assigned = await act(db, desk.leader.id, created.id, { action: "ASSIGN", payload: { assigneeId: desk.specialist.id } }, T0);
    expect(assigned.dossier).toMatchObject({ assigneeId: desk.specialist.id, version: 2, status: "RECEIVED" });
    expect(assigned.event).toMatchObject({ action: "ASSIGN", resultingVersion: 2 });
    expect((await rejection(act(db, desk.specialist2.id, created.id, { action: "FORWARD" }, T0))).code).toBe("FORBIDDEN");

    // Supplement: Wednesday 09:00 to Thursday 14:00 is 11 working hours on hold.
    const pausedAt = vn("2026-03-11T09:00:00");
    const resumedAt = vn("2026-03-12T14:00:00");
    const paused = await act(
      db,
      desk.specialist.id,
      created.id,
      { action: "REQUEST_SUPPLEMENT", payload: { items: ["Bản sao quyết định giao nhiệm vụ"], note: "Thiếu quyết định" } },
      pausedAt,
    );
    expect(paused.dossier).toMatchObject({ status: "SUPPLEMENT_REQUESTED", pausedAt, dueAt: originalDue });
    expect((await rejection(act(db, desk.specialist.id, created.id, { action: "FORWARD" }, pausedAt))).code).toBe("INVALID_TRANSITION");

    const resumed = await act(db, desk.specialist.id, created.id, { action: "RESUME" }, resumedAt);
    // Due Tuesday 17:00 + 11 working hours = Wednesday (8 h) + Thursday 07:00-10:00 (3 h).
    const shiftedDue = vn("2026-03-19T10:00:00");
    expect(resumed.dossier).toMatchObject({ status: "PROCESSING", pausedAt: null, dueAt: shiftedDue, originalDueAt: originalDue });
    expect(resumed.dossier.stepDueAt).toEqual(vn("2026-03-13T15:00:00")); // step due Thu 10:00 + 11 h
    const resumeEvent = await db.dossierEvent.findUniqueOrThrow({ where: { id: resumed.event.id } });
    expect(resumeEvent.payload).toMatchObject({ pausedWorkingMs: 11 * HOUR });

    // Forward to the leader for approval, who sends it back to the specialist, who forwards again.
    const t3 = vn("2026-03-13T08:00:00");
    const forwarded = await act(db, desk.specialist.id, created.id, { action: "FORWARD", payload: { assigneeId: desk.leader.id } }, t3);
    expect(forwarded.dossier).toMatchObject({ currentStepOrder: 3, assigneeId: desk.leader.id, status: "PROCESSING" });
    // 8 working hours: Friday 08:00-17:00 gives 7, Monday 07:00-08:00 the last.
    expect(forwarded.dossier.stepDueAt).toEqual(vn("2026-03-16T08:00:00"));
    expect((await rejection(act(db, desk.leader.id, created.id, { action: "SEND_BACK", payload: {} }, t3))).code).toBe("VALIDATION");
    // Distinct instants: step rows that share start and finish times have no defined order on the sheet.
    const minute = 60_000;
    const sentBack = await act(db, desk.leader.id, created.id, { action: "SEND_BACK", payload: { note: "Bổ sung nhận xét" } }, new Date(t3.getTime() + minute));
    expect(sentBack.dossier).toMatchObject({ currentStepOrder: 2, assigneeId: desk.specialist.id });
    await act(db, desk.specialist.id, created.id, { action: "FORWARD", payload: { assigneeId: desk.leader.id } }, new Date(t3.getTime() + 2 * minute));
    expect((await rejection(act(db, desk.specialist.id, created.id, { action: "APPROVE" }, t3))).code).toBe("FORBIDDEN");
    const approved = await act(db, desk.leader.id, created.id, { action: "APPROVE" }, new Date(t3.getTime() + 3 * minute));
    expect(approved.dossier).toMatchObject({ currentStepOrder: 4, assigneeId: null, status: "PROCESSING" });

    // Issuance is the clerks' pool; return is the desk's.
    const t4 = vn("2026-03-16T09:00:00");
    expect((await rejection(act(db, desk.reception.id, created.id, { action: "ISSUE_RESULT", payload: { resultNumber: "12/GCN" } }, t4))).code).toBe(
      "FORBIDDEN",
    );
    const issued = await act(db, desk.clerk.id, created.id, { action: "ISSUE_RESULT", payload: { resultNumber: "12/GCN-SKHCN" } }, t4);
    expect(issued.dossier).toMatchObject({ status: "PROCESSED", currentStepOrder: 5, finishedAt: t4 });
    expect((await rejection(act(db, desk.clerk.id, created.id, { action: "RETURN_RESULT", payload: { method: "AT_DESK" } }, t4))).code).toBe("FORBIDDEN");
    expect((await rejection(act(db, desk.reception.id, created.id, { action: "RETURN_RESULT", payload: { method: "BY_POST" } }, t4))).code).toBe(
      "VALIDATION",
    );
    const returned = await act(db, desk.reception.id, created.id, { action: "RETURN_RESULT", payload: { method: "BY_POST", waybill: "EB123456789VN" } }, t4);
    expect(returned.dossier).toMatchObject({ status: "RETURNED", currentStepOrder: null, assigneeId: null });
    expect((await rejection(act(db, desk.reception.id, created.id, { action: "RETURN_RESULT", payload: { method: "AT_DESK" } }, t4))).code).toBe(
      "INVALID_TRANSITION",
    );

    row = await dossierRow(created.id);
    expect(row).toMatchObject({ status: "RETURNED", resultNumber: "12/GCN-SKHCN", resultIssuedAt: t4, returnedAt: t4, postalWaybill: "EB123456789VN", resultDelivery: "BY_POST" });
    expect(row.events.map((e) => e.action)).toEqual([
      "INTAKE", "ASSIGN", "REQUEST_SUPPLEMENT", "RESUME", "FORWARD", "SEND_BACK", "FORWARD", "APPROVE", "ISSUE_RESULT", "RETURN_RESULT",
    ]);
    // One event per version, no gaps: refused commands left no trace.
    expect(row.events.map((e) => e.resultingVersion)).toEqual(row.events.map((_, i) => i + 1));
    expect(row.version).toBe(row.events.length);
    expect(row.events.find((e) => e.action === "APPROVE")).toMatchObject({ actorRole: "LEADER", fromStepOrder: 3, toStepOrder: 4, actorId: desk.leader.id });
    expect(row.clockEvents.map((c) => [c.kind, c.dueAt])).toEqual([
      ["START", originalDue],
      ["PAUSE", originalDue],
      ["RESUME", shiftedDue],
      ["STOP", shiftedDue],
    ]);
    // The control sheet: every step instance closed, in order, with its holder.
    expect(row.steps.map((s) => [s.order, s.holderId, s.outcome])).toEqual([
      [1, desk.reception.id, "INTAKE"],
      [2, desk.specialist.id, "FORWARD"],
      [3, desk.leader.id, "SEND_BACK"],
      [2, desk.specialist.id, "FORWARD"],
      [3, desk.leader.id, "APPROVE"],
      [4, desk.clerk.id, "ISSUE_RESULT"],
      [5, desk.reception.id, "RETURN_RESULT"],
    ]);
    expect(row.steps.every((s) => s.finishedAt !== null)).toBe(true);
  });

  it("receives an online submission (clock starts then), asks for a supplement at reception without pausing, and refuses another", async () => {
    const desk = await createDesk(db);
    const citizen = await createUser(db);
    const submittedAt = vn("2026-03-09T20:00:00");
    const online = await createDossier(
      db,
      dossierInput({ procedureVersionId: desk.version.id, agencyId: desk.agency.id }, { channel: 2, status: "NEW", ownerId: citizen.id, submittedAt }),
    );
    let row = await dossierRow(online.id);
    expect(row).toMatchObject({ status: "NEW", currentStepOrder: 1, dueAt: null });

    expect((await rejection(act(db, desk.specialist.id, online.id, { action: "RECEIVE" }, T0))).code).toBe("FORBIDDEN");
    const asked = await act(db, desk.reception.id, online.id, { action: "REQUEST_SUPPLEMENT", payload: { items: ["Đơn có chữ ký"], note: "Đơn chưa ký" } }, T0);
    expect(asked.dossier).toMatchObject({ status: "SUPPLEMENT_REQUESTED", pausedAt: null, dueAt: null });
    const back = await act(db, desk.reception.id, online.id, { action: "RESUME" }, T0);
    expect(back.dossier.status).toBe("NEW");

    const received = await act(db, desk.reception.id, online.id, { action: "RECEIVE" }, T0);
    expect(received.dossier).toMatchObject({ status: "RECEIVED", currentStepOrder: 2, dueAt: vn("2026-03-17T17:00:00"), code: online.code });
    row = await dossierRow(online.id);
    expect(row.receivedAt).toEqual(T0);
    expect(row.originalDueAt).toEqual(vn("2026-03-17T17:00:00"));
    expect(row.clockEvents.map((c) => c.kind)).toEqual(["START"]);
    expect(row.steps.map((s) => [s.order, s.holderId, s.finishedAt])).toEqual([
      [1, desk.reception.id, T0],
      [2, null, null],
    ]);

    const other = await createDossier(
      db,
      dossierInput({ procedureVersionId: desk.version.id, agencyId: desk.agency.id }, { channel: 2, status: "NEW", submittedAt }),
    );
    expect((await rejection(act(db, desk.reception.id, other.id, { action: "REFUSE", payload: {} }, T0))).code).toBe("VALIDATION");
    const refused = await act(db, desk.reception.id, other.id, { action: "REFUSE", payload: { reason: "Không thuộc thẩm quyền" } }, T0);
    expect(refused.dossier).toMatchObject({ status: "REFUSED", finishedAt: T0, currentStepOrder: null });
    const refusal = await db.dossierEvent.findUniqueOrThrow({ where: { id: refused.event.id } });
    expect(refusal).toMatchObject({ note: "Không thuộc thẩm quyền", actorRole: "RECEPTION_OFFICER", fromStatus: "NEW", toStatus: "REFUSED" });
    expect((await rejection(act(db, desk.reception.id, other.id, { action: "RECEIVE" }, T0))).code).toBe("INVALID_TRANSITION");
  });

  it("stops processing (leader only, form 05) and records withdrawals at the applicant's request", async () => {
    const desk = await createDesk(db);
    const a = await intakeAssigned(desk);
    expect((await rejection(act(db, desk.specialist.id, a.id, { action: "STOP", payload: { reason: "x" } }, T0))).code).toBe("FORBIDDEN");
    const stopped = await act(db, desk.leader.id, a.id, { action: "STOP", payload: { reason: "Hồ sơ giả mạo" } }, vn("2026-03-11T10:00:00"));
    expect(stopped.dossier).toMatchObject({ status: "STOPPED", assigneeId: null, currentStepOrder: null, finishedAt: vn("2026-03-11T10:00:00") });
    const stoppedRow = await dossierRow(a.id);
    expect(stoppedRow.clockEvents.at(-1)).toMatchObject({ kind: "STOP", reason: "Hồ sơ giả mạo" });
    expect(stoppedRow.steps.every((s) => s.finishedAt)).toBe(true);
    expect((await rejection(act(db, desk.specialist.id, a.id, { action: "FORWARD" }, T0))).code).toBe("INVALID_TRANSITION");
    expect((await rejection(act(db, desk.leader.id, a.id, { action: "STOP", payload: { reason: "again" } }, T0))).code).toBe("INVALID_TRANSITION");

    // Withdrawal while the clock is paused for a supplement: the clock stops.
    const b = await intakeAssigned(desk);
    await act(db, desk.specialist.id, b.id, { action: "REQUEST_SUPPLEMENT", payload: { items: ["x"], note: "y" } }, T0);
    expect((await rejection(act(db, desk.specialist.id, b.id, { action: "WITHDRAW", payload: { reason: "r" } }, T0))).code).toBe("FORBIDDEN");
    const withdrawn = await act(db, desk.reception.id, b.id, { action: "WITHDRAW", payload: { reason: "Công dân xin rút" } }, T0);
    expect(withdrawn.dossier).toMatchObject({ status: "WITHDRAWN", pausedAt: null });
    expect((await dossierRow(b.id)).clockEvents.map((c) => c.kind)).toEqual(["START", "PAUSE", "STOP"]);

    // Before reception nothing was started, so nothing stops.
    const online = await createDossier(db, dossierInput({ procedureVersionId: desk.version.id, agencyId: desk.agency.id }, { channel: 2, status: "NEW" }));
    const early = await act(db, desk.reception.id, online.id, { action: "WITHDRAW", payload: { reason: "Nộp nhầm" } }, T0);
    expect(early.dossier.status).toBe("WITHDRAWN");
    expect((await dossierRow(online.id)).clockEvents).toHaveLength(0);
  });

  it("extends with an apology letter (form 04): new due date recorded, the original kept; only before the due date", async () => {
    const desk = await createDesk(db);
    const d = await intakeAssigned(desk);
    const original = vn("2026-03-17T17:00:00");
    const newDueAt = vn("2026-03-20T17:00:00");
    const t = vn("2026-03-16T09:00:00");
    expect((await rejection(act(db, desk.specialist.id, d.id, { action: "EXTEND", payload: { newDueAt, reason: "r" } }, t))).code).toBe("FORBIDDEN");
    expect((await rejection(act(db, desk.leader.id, d.id, { action: "EXTEND", payload: { newDueAt: vn("2026-03-17T10:00:00"), reason: "r" } }, t))).code).toBe(
      "VALIDATION",
    );
    const extended = await act(db, desk.leader.id, d.id, { action: "EXTEND", payload: { newDueAt, reason: "Cần xác minh thực địa" } }, t);
    expect(extended.dossier).toMatchObject({ dueAt: newDueAt, extendedDueAt: newDueAt, originalDueAt: original, status: "RECEIVED" });
    const row = await dossierRow(d.id);
    expect(row.clockEvents.at(-1)).toMatchObject({ kind: "EXTEND", dueAt: newDueAt, reason: "Cần xác minh thực địa", at: t });

    // Too late: the due date has passed.
    const late = await intakeAssigned(desk);
    const afterDue = vn("2026-03-18T08:00:00");
    const refused = await rejection(act(db, desk.leader.id, late.id, { action: "EXTEND", payload: { newDueAt: vn("2026-03-25T17:00:00"), reason: "r" } }, afterDue));
    expect(refused).toMatchObject({ code: "INVALID_TRANSITION", details: { reason: "PAST_DUE" } });
  });

  it("waits for the fee with the clock paused and resumes on payment", async () => {
    const desk = await createDesk(db);
    const d = await intakeAssigned(desk);
    const asked = await act(db, desk.specialist.id, d.id, { action: "REQUEST_FEE", payload: { amount: 500_000 } }, vn("2026-03-11T07:00:00"));
    expect(asked.dossier).toMatchObject({ status: "AWAITING_FEE", pausedAt: vn("2026-03-11T07:00:00") });
    const paid = await act(db, desk.reception.id, d.id, { action: "CONFIRM_FEE" }, vn("2026-03-12T07:00:00"));
    // One full working day on hold: due moves one working day.
    expect(paid.dossier).toMatchObject({ status: "PROCESSING", pausedAt: null, dueAt: vn("2026-03-18T17:00:00") });
    const row = await dossierRow(d.id);
    expect(row).toMatchObject({ feeAmount: 500_000n, feePaidAt: vn("2026-03-12T07:00:00") });
  });

  it("trusts the device time within the skew allowance only, and stores it either way", async () => {
    const desk = await createDesk(db);
    const d = await intakeAssigned(desk);
    const deviceAt = new Date(T0.getTime() + 2 * HOUR);
    const now = new Date(T0.getTime() + 5 * HOUR);
    const paused = await act(db, desk.specialist.id, d.id, { action: "REQUEST_SUPPLEMENT", payload: { items: ["x"], note: "y" }, deviceAt }, now);
    expect(paused.dossier.pausedAt).toEqual(deviceAt);

    const e = await intakeAssigned(desk);
    const wayBack = new Date(T0.getTime() - 5 * 24 * HOUR);
    const pausedE = await act(db, desk.specialist.id, e.id, { action: "REQUEST_SUPPLEMENT", payload: { items: ["x"], note: "y" }, deviceAt: wayBack }, now);
    expect(pausedE.dossier.pausedAt).toEqual(now);
    const event = await db.dossierEvent.findUniqueOrThrow({ where: { id: pausedE.event.id } });
    expect(event.deviceAt).toEqual(wayBack);

    // Intake: one hour ago on the device counts; a device clock 10 minutes ahead does not.
    const byDevice = await intake(db, desk, { deviceAt: new Date(T0.getTime() - HOUR) });
    expect((await db.dossier.findUniqueOrThrow({ where: { id: byDevice.id } })).receivedAt).toEqual(new Date(T0.getTime() - HOUR));
    const ahead = await intake(db, desk, { deviceAt: new Date(T0.getTime() + 10 * 60_000) });
    expect((await db.dossier.findUniqueOrThrow({ where: { id: ahead.id } })).receivedAt).toEqual(T0);
  });
});

describe("idempotency and optimistic concurrency", () => {
  it("replays the same key: one event, the first result, nothing changed", async () => {
    const desk = await createDesk(db);
    const d = await intake(db, desk);
    const k = key("assign");
    const command = { actorUserId: desk.leader.id, dossierId: d.id, expectedVersion: 1, idempotencyKey: k, action: "ASSIGN", payload: { assigneeId: desk.specialist.id } } as const;
    const first = await applyDossierAction(db, command, { now: T0 });
    const second = await applyDossierAction(db, command, { now: T0 });
    expect(first.replayed).toBe(false);
    expect(second.replayed).toBe(true);
    expect(second.event).toEqual(first.event);
    expect(second.dossier.version).toBe(2);
    expect(await db.dossierEvent.count({ where: { dossierId: d.id } })).toBe(2);

    // The same key for another command is a conflict, not a silent replay.
    const reused = await rejection(applyDossierAction(db, { ...command, action: "COMMENT", payload: { note: "x" } } as never, { now: T0 }));
    expect(reused).toMatchObject({ code: "CONFLICT", details: { reason: "KEY_REUSED" } });
    // Another officer cannot replay someone else's key to read its result.
    const stolen = await rejection(applyDossierAction(db, { ...command, actorUserId: desk.reception.id }, { now: T0 }));
    expect(stolen.code).toBe("CONFLICT");

    // An intake replay returns the dossier created the first time.
    const intakeKey = key("intake");
    const i1 = await intake(db, desk, { idempotencyKey: intakeKey });
    const i2 = await intake(db, desk, { idempotencyKey: intakeKey });
    expect(i2).toMatchObject({ id: i1.id, code: i1.code, replayed: true });
  });

  it("applies concurrent replays of one command exactly once", async () => {
    const desk = await createDesk(db);
    const d = await intakeAssigned(desk);
    const k = key("supp");
    const command = {
      actorUserId: desk.specialist.id,
      dossierId: d.id,
      expectedVersion: 2,
      idempotencyKey: k,
      action: "REQUEST_SUPPLEMENT" as const,
      payload: { items: ["Giấy phép"], note: "Thiếu" },
    };
    const results = await Promise.all(Array.from({ length: 6 }, () => applyDossierAction(db, command, { now: T0 })));
    expect(new Set(results.map((r) => r.event.id)).size).toBe(1);
    expect(results.filter((r) => !r.replayed)).toHaveLength(1);
    expect(await db.dossierEvent.count({ where: { idempotencyKey: k } })).toBe(1);
    const row = await dossierRow(d.id);
    expect(row.version).toBe(3);
    expect(row.clockEvents.filter((c) => c.kind === "PAUSE")).toHaveLength(1);
  });

  it("refuses a stale version with CONFLICT carrying the current state; of two racing commands one wins", async () => {
    const desk = await createDesk(db);
    const d = await intakeAssigned(desk);
    const stale = await rejection(
      applyDossierAction(db, { actorUserId: desk.specialist.id, dossierId: d.id, expectedVersion: 1, idempotencyKey: key(), action: "FORWARD", payload: {} }),
    );
    expect(stale.code).toBe("CONFLICT");
    expect(stale.details).toMatchObject({ reason: "STALE_VERSION", expectedVersion: 1, current: { id: d.id, version: 2, status: "RECEIVED", assigneeId: desk.specialist.id } });

    const race = await Promise.allSettled(
      ["a", "b", "c"].map((n) =>
        applyDossierAction(db, { actorUserId: desk.specialist.id, dossierId: d.id, expectedVersion: 2, idempotencyKey: key(n), action: "COMMENT", payload: { note: n } }),
      ),
    );
    const ok = race.filter((r) => r.status === "fulfilled");
    const failed = race.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(ok).toHaveLength(1);
    expect(failed).toHaveLength(2);
    for (const f of failed) expect(f.reason).toMatchObject({ code: "CONFLICT", details: { current: { version: 3 } } });
    expect((await dossierRow(d.id)).events).toHaveLength(3);
  });
});

describe("bulk assignment and counter intake checks", () => {
  it("assigns many dossiers, reporting per-dossier failures without throwing, and replays per dossier", async () => {
    const desk = await createDesk(db);
    const other = await createDesk(db, { provinceName: "Huế" });
    const [a, b, c] = [await intake(db, desk), await intake(db, desk), await intake(db, desk)];
    const foreign = await intake(db, other);
    await act(db, desk.leader.id, c.id, { action: "COMMENT", payload: { note: "moves the version" } }, T0);
    const k = key("bulk");
    const input = {
      actorUserId: desk.leader.id,
      idempotencyKey: k,
      assigneeId: desk.specialist2.id,
      items: [a, b, c, foreign].map((x) => ({ dossierId: x.id, expectedVersion: 1 })),
    };
    const { results } = await bulkAssign(db, input);
    expect(results.map((r) => [r.dossierId, r.ok, r.ok ? null : r.error.code])).toEqual([
      [a.id, true, null],
      [b.id, true, null],
      [c.id, false, "CONFLICT"],
      [foreign.id, false, "NOT_FOUND"],
    ]);
    expect(await db.dossier.count({ where: { id: { in: [a.id, b.id] }, assigneeId: desk.specialist2.id } })).toBe(2);
    expect((await db.dossier.findUniqueOrThrow({ where: { id: foreign.id } })).assigneeId).toBeNull();
    expect(await db.dossierEvent.findUnique({ where: { idempotencyKey: `${k}:${a.id}` } })).not.toBeNull();

    const again = await bulkAssign(db, input);
    expect(again.results.filter((r) => r.ok).every((r) => r.ok && r.result.replayed)).toBe(true);
    expect(await db.dossierEvent.count({ where: { dossierId: a.id } })).toBe(2);
  });

  it("refuses an intake with required documents unticked (naming them), by a non-desk officer, or for a procedure the agency does not offer", async () => {
    const desk = await createDesk(db);
    const other = await createDesk(db);
    const missing = await rejection(intake(db, desk, { checklist: [desk.components[0]!.id] }));
    expect(missing.code).toBe("VALIDATION");
    expect(missing.details).toMatchObject({ reason: "MISSING_COMPONENTS", missing: [{ id: desk.components[1]!.id, nameVi: "Báo cáo kết quả" }] });
    expect(missing.message).toContain("Báo cáo kết quả");

    const unknown = await rejection(intake(db, desk, { checklist: [...desk.components.map((c) => c.id), other.components[0]!.id] }));
    expect(unknown.details).toMatchObject({ reason: "UNKNOWN_COMPONENTS" });

    expect((await rejection(intakeDossier(db, { actorUserId: desk.specialist.id, agencyId: desk.agency.id, procedureVersionId: desk.version.id, channel: 1, applicantName: "X", checklist: desk.components.map((c) => c.id), idempotencyKey: key() }))).code).toBe("FORBIDDEN");

    const notOffered = await rejection(intake(db, desk, { procedureVersionId: other.version.id, checklist: other.components.map((c) => c.id) }));
    expect(notOffered).toMatchObject({ code: "VALIDATION", details: { reason: "NOT_OFFERED" } });

    // By procedure code, by post, with the result returned by post.
    const byCode = await intake(db, desk, {
      procedureVersionId: undefined,
      procedureCode: desk.procedure.code,
      channel: 3,
      resultDelivery: "BY_POST",
      deliveryAddress: "12 Tràng Tiền, Hà Nội",
    });
    const row = await db.dossier.findUniqueOrThrow({ where: { id: byCode.id } });
    expect(row).toMatchObject({ channel: 3, resultDelivery: "BY_POST", deliveryAddress: "12 Tràng Tiền, Hà Nội", procedureVersionId: desk.version.id });
    expect(row.formData).toMatchObject({ intakeChecklist: expect.arrayContaining(desk.components.filter((c) => c.required).map((c) => c.id)) });
    expect(await db.dossier.count({ where: { receivingAgencyId: desk.agency.id } })).toBe(1);
  });
});
