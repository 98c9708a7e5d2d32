// Demo dossiers, part 2: the history that led each dossier to its status — events, step instances
// (form 06), clock events and the dossier's final fields — with plausible working-time durations.
// Pure: the same plan, start and calendar give the same history, so a dossier whose creation
// committed before an interrupted run can be completed later with exactly the history planned.
//
// Every move follows the workflow table (server/modules/dossier/workflow.ts) and writes what the
// lifecycle command (commands/act.ts) writes for it: the same step instances and outcomes, the
// same holder and assignee rules, clock events and payload keys. The creation itself is
// createDossier's (its rows are marked `fromCreation` here and only completed by the seed).

import type { WorkingCalendar } from "../../server/modules/calendar/working-time";
import {
  addWorkingDays,
  addWorkingHours,
  advanceWorkingTime,
  nextWorkingInstant,
  isWorkingDay,
  shiftDueForPause,
  workingTimeBetween,
} from "../../server/modules/calendar/working-time";
import { addDays } from "../../server/modules/calendar/local-date";
import { fromLocal, toLocal } from "../../server/modules/calendar/time-zone";
import type { DossierPlan, TargetStatus } from "./dossier-plan";
import type { FeeRule, ProcedureSeed, RoleName, StepKindName } from "./procedures";
import { Random, seedOf } from "./random";

type Status = TargetStatus;
type Action =
  | "RECEIVE"
  | "REFUSE"
  | "ASSIGN"
  | "FORWARD"
  | "REQUEST_SUPPLEMENT"
  | "SUPPLEMENT"
  | "RESUME"
  | "REQUEST_FEE"
  | "CONFIRM_FEE"
  | "APPROVE"
  | "ISSUE_RESULT"
  | "RETURN_RESULT"
  | "EXTEND"
  | "STOP"
  | "WITHDRAW";
/** An officer role, or "OWNER": the applicant's own account acted. */
export type Actor = RoleName | "POSTAL_STAFF" | "OWNER";

interface TimelineStepDef {
  order: number;
  kind: StepKindName;
  role: RoleName;
  nameVi: string;
  allowanceHours: number;
}

export interface TimelineProcedure {
  code: string;
  limitDays: number;
  fee: FeeRule;
  steps: readonly TimelineStepDef[];
  /** Names of the document components, for supplement requests. */
  componentNames: readonly string[];
}

interface TimelineEvent {
  action: Action;
  fromStatus: Status;
  toStatus: Status;
  fromStepOrder: number | null;
  toStepOrder: number | null;
  at: Date;
  actor: Actor;
  note: string | null;
  /** Payload without assignee ids (they are users, resolved when written). */
  payload: Record<string, string | number | string[]>;
  /** The role of the person the event names as assignee (payload.assigneeId). */
  assigneeRole: RoleName | null;
}

interface TimelineStep {
  order: number;
  holderRole: Actor | null;
  startedAt: Date;
  dueAt: Date;
  finishedAt: Date | null;
  outcome: string | null;
  /** Created by createDossier: the seed completes it instead of inserting it. */
  fromCreation: boolean;
}

interface TimelineClockEvent {
  kind: "START" | "PAUSE" | "RESUME" | "EXTEND" | "STOP";
  at: Date;
  dueAt: Date;
  reason: string | null;
  /** Index into `events`. */
  eventIndex: number;
}

interface TimelineFinal {
  status: Status;
  currentStepOrder: number | null;
  assigneeRole: RoleName | null;
  receivedAt: Date | null;
  dueAt: Date | null;
  originalDueAt: Date | null;
  extendedDueAt: Date | null;
  stepDueAt: Date | null;
  pausedAt: Date | null;
  finishedAt: Date | null;
  returnedAt: Date | null;
  resultNumber: string | null;
  resultIssuedAt: Date | null;
  feeAmount: number | null;
  feePaidAt: Date | null;
  postalWaybill: string | null;
  resultDelivery: "AT_DESK" | "BY_POST";
}

export interface Timeline {
  submittedAt: Date;
  /** Desk and post: received at creation (INTAKE). */
  intakeReceivedAt: Date | null;
  creationAt: Date;
  /** Events after the creation event; event n here is the dossier's version n + 2. */
  events: TimelineEvent[];
  steps: TimelineStep[];
  /** Clock events after creation (an intake's START is createDossier's). */
  clock: TimelineClockEvent[];
  final: TimelineFinal;
  /** The latest instant in the history (must not be in the future). */
  lastAt: Date;
}

/** The timeline's view of a seeded procedure, from the seed data (the writer reads the database's). */
export function timelineProcedureOf(p: ProcedureSeed): TimelineProcedure {
  return {
    code: p.code,
    limitDays: p.limitDays,
    fee: p.fee,
    componentNames: p.components.map((c) => c.nameVi),
    steps: p.steps.map((s, i) => ({ order: i + 1, kind: s.kind, role: s.role, nameVi: s.nameVi, allowanceHours: s.allowanceHours })),
  };
}

const HOUR = 3_600_000;
const MINUTE = 60_000;
const DAY = 86_400_000;

const RESULT_PREFIX: Record<string, string> = {
  "1.004473": "GCN-SKHCN",
  "1.014393": "QĐ-SKHCN",
  "2.002249": "GCN-SKHCN",
  "1.005442": "XN-SKHCN",
  "2.002131": "XN-SKHCN",
  "1.009844": "GP-ATBXHN",
  "3.000453": "GCN-SKHCN",
  "LOCAL.KHCN.001": "GCN-DNKHCN",
};

const REFUSAL_REASONS = [
  "Hồ sơ không thuộc thẩm quyền giải quyết của cơ quan",
  "Thành phần hồ sơ không đúng quy định, đề nghị nộp lại theo hướng dẫn",
  "Tổ chức đề nghị không đủ điều kiện thực hiện thủ tục",
];
const SUPPLEMENT_NOTES = [
  "Đề nghị bổ sung bản sao có chứng thực các giấy tờ nêu trên",
  "Giấy tờ nêu trên chưa có chữ ký của người đại diện theo pháp luật và dấu của tổ chức",
  "Nội dung kê khai chưa thống nhất với tài liệu kèm theo, đề nghị giải trình và bổ sung",
];
const STOP_LATE_SUPPLEMENT = "Quá thời hạn bổ sung nhưng tổ chức, cá nhân không bổ sung hồ sơ (mẫu 05)";
const STOP_NOT_ELIGIBLE = "Tổ chức, cá nhân không đáp ứng điều kiện theo quy định, dừng xử lý hồ sơ (mẫu 05)";
const WITHDRAW_REASON = "Tổ chức, cá nhân có văn bản đề nghị rút hồ sơ";
const EXTEND_REASON = "Hồ sơ cần xác minh thêm; gửi thư xin lỗi và hẹn lại ngày trả kết quả (mẫu 04)";

/** A creation instant on the day of `candidate`: online any time of day; desk and post inside working periods of the working day on or before it. */
function snapStart(plan: DossierPlan, cal: WorkingCalendar, candidate: Date, rng: Random): Date {
  const local = toLocal(candidate, cal.timeZone);
  if (plan.channel === 2) {
    const minutes = rng.int(6 * 60, 23 * 60 - 1);
    return fromLocal(cal.timeZone, local.date, minutes * MINUTE + rng.int(0, 59) * 1000);
  }
  // The working day on or before the candidate, so that moving a start back never moves it forward.
  let day = local.date;
  for (let i = 0; i < 30 && !isWorkingDay(cal, day); i++) day = addDays(day, -1);
  const minutes = rng.chance(0.6) ? rng.int(7 * 60 + 10, 11 * 60 + 20) : rng.int(13 * 60 + 40, 16 * 60 + 50);
  return fromLocal(cal.timeZone, day, minutes * MINUTE + rng.int(0, 59) * 1000);
}

/** How many calendar days before "now" a dossier with this target typically started. */
function startAgeDays(plan: DossierPlan, limitDays: number, rng: Random): number {
  const span = limitDays * 1.4;
  switch (plan.target) {
    case "NEW":
      return rng.between(0.05, 2.5);
    case "RECEIVED":
      return rng.between(0.1, 3);
    case "REFUSED":
      return rng.between(1, 85);
    case "PROCESSING":
      return rng.between(0.5, 1.3 * span);
    case "SUPPLEMENT_REQUESTED":
    case "AWAITING_FEE":
      return rng.between(0.3, 1.0) * span + 1;
    case "PROCESSED":
      return rng.between(span, span + 15);
    default:
      return rng.between(span, Math.max(span + 5, 88));
  }
}

interface MoveOptions {
  to: Status | "SAME";
  step: "stay" | "next" | "none";
  actor: Actor;
  clock?: "start" | "pause" | "resume" | "extend" | "stop";
  note?: string | null;
  payload?: Record<string, string | number | string[]>;
  /** ASSIGN, and moves to a step held by a named person. */
  assigneeRole?: RoleName | null;
  /** EXTEND: the new due date. */
  newDueAt?: Date;
}

export function simulateTimeline(plan: DossierPlan, procedure: TimelineProcedure, cal: WorkingCalendar, start: Date): Timeline {
  const rng = new Random(seedOf(`timing:${plan.index}`));
  const steps = [...procedure.steps].sort((a, b) => a.order - b.order);
  const stepAt = (order: number) => {
    const s = steps.find((x) => x.order === order);
    if (!s) throw new Error(`${procedure.code} has no step ${order}`);
    return s;
  };
  const issuance = steps.find((s) => s.kind === "ISSUANCE");
  const appraisals = steps.filter((s) => s.kind === "APPRAISAL");
  if (!issuance || appraisals.length === 0 || steps[0]?.kind !== "RECEPTION") throw new Error(`${procedure.code}: incomplete workflow`);
  const firstAppraisal = appraisals[0]!;
  const lastAppraisal = appraisals[appraisals.length - 1]!;

  const online = plan.channel === 2;
  const submittedAt = online ? start : plan.channel === 3 ? new Date(start.getTime() - rng.int(1, 3) * DAY - rng.int(1, 6) * HOUR) : start;
  const events: TimelineEvent[] = [];
  const stepRows: TimelineStep[] = [];
  const clock: TimelineClockEvent[] = [];
  const f: TimelineFinal = {
    status: online ? "NEW" : "RECEIVED",
    currentStepOrder: null,
    assigneeRole: null,
    receivedAt: null,
    dueAt: null,
    originalDueAt: null,
    extendedDueAt: null,
    stepDueAt: null,
    pausedAt: null,
    finishedAt: null,
    returnedAt: null,
    resultNumber: null,
    resultIssuedAt: null,
    feeAmount: null,
    feePaidAt: null,
    postalWaybill: null,
    resultDelivery: plan.resultDelivery === "BY_POST" ? "BY_POST" : "AT_DESK",
  };
  let lastAt = start;
  let clockRunning = false;
  let extended = false;
  const wantsExtension = rng.chance(0.6);

  const after = (t: Date, hours: number) => advanceWorkingTime(cal, nextWorkingInstant(cal, t), Math.round(hours * HOUR));
  const openRow = () => stepRows.find((r) => r.finishedAt === null) ?? null;
  const openStep = (def: TimelineStepDef, at: Date, holder: Actor | null, fromCreation = false): TimelineStep => {
    const row: TimelineStep = { order: def.order, holderRole: holder, startedAt: at, dueAt: addWorkingHours(cal, at, def.allowanceHours), finishedAt: null, outcome: null, fromCreation };
    stepRows.push(row);
    f.currentStepOrder = def.order;
    f.stepDueAt = row.dueAt;
    return row;
  };

  /** One command, as act.ts applies it. */
  const move = (action: Action, at: Date, o: MoveOptions): void => {
    if (at.getTime() <= lastAt.getTime()) at = new Date(lastAt.getTime() + MINUTE);
    if (action !== "EXTEND") maybeExtend(at);
    const fromStatus = f.status;
    const fromStep = f.currentStepOrder;
    const payload: Record<string, string | number | string[]> = { ...(o.payload ?? {}) };
    const current = openRow();

    // Who holds the dossier afterwards.
    if (action === "ASSIGN") {
      f.assigneeRole = o.assigneeRole ?? null;
      if (current) current.holderRole = f.assigneeRole;
    } else if (o.step === "next") {
      f.assigneeRole = o.assigneeRole ?? null;
    } else if (o.step === "none") {
      f.assigneeRole = null;
    }
    // Steps: a pool step is credited to whoever finished it.
    if ((o.step === "next" || o.step === "none") && current) {
      current.finishedAt = at;
      current.outcome = action;
      if (current.holderRole === null && o.actor !== "OWNER") current.holderRole = o.actor;
    }
    if (o.step === "next") openStep(stepAt(fromStep! + 1), at, f.assigneeRole);
    if (o.step === "none") {
      f.currentStepOrder = null;
      f.stepDueAt = null;
    }
    // The clock.
    let clockEvent: Omit<TimelineClockEvent, "eventIndex"> | null = null;
    switch (o.clock) {
      case "start":
        f.receivedAt = at;
        f.dueAt = addWorkingDays(cal, at, procedure.limitDays);
        f.originalDueAt = f.dueAt;
        clockRunning = true;
        clockEvent = { kind: "START", at, dueAt: f.dueAt, reason: null };
        break;
      case "pause":
        f.pausedAt = at;
        clockRunning = false;
        clockEvent = { kind: "PAUSE", at, dueAt: f.dueAt!, reason: null };
        break;
      case "resume": {
        payload.pausedWorkingMs = workingTimeBetween(cal, f.pausedAt!, at);
        f.dueAt = shiftDueForPause(cal, f.dueAt!, f.pausedAt!, at);
        if (f.stepDueAt) {
          f.stepDueAt = shiftDueForPause(cal, f.stepDueAt, f.pausedAt!, at);
          if (current) current.dueAt = f.stepDueAt;
        }
        f.pausedAt = null;
        clockRunning = true;
        clockEvent = { kind: "RESUME", at, dueAt: f.dueAt, reason: null };
        break;
      }
      case "extend":
        payload.previousDueAt = f.dueAt!.toISOString();
        f.extendedDueAt = o.newDueAt!;
        f.dueAt = o.newDueAt!;
        clockEvent = { kind: "EXTEND", at, dueAt: f.dueAt, reason: typeof payload.reason === "string" ? payload.reason : null };
        break;
      case "stop":
        if (f.receivedAt) clockEvent = { kind: "STOP", at, dueAt: f.dueAt!, reason: typeof payload.reason === "string" ? payload.reason : null };
        f.pausedAt = null;
        clockRunning = false;
        break;
      default:
        break;
    }
    if (o.to !== "SAME") f.status = o.to;
    events.push({
      action,
      fromStatus,
      toStatus: f.status,
      fromStepOrder: fromStep,
      toStepOrder: o.step === "stay" ? fromStep : f.currentStepOrder,
      at,
      actor: o.actor,
      note: o.note ?? (typeof payload.note === "string" ? payload.note : typeof payload.reason === "string" ? payload.reason : null),
      payload,
      assigneeRole: action === "ASSIGN" || o.step === "next" ? f.assigneeRole : null,
    });
    if (clockEvent) clock.push({ ...clockEvent, eventIndex: events.length - 1 });
    lastAt = at;
  };

  /** Form 04: when the next move would be late, the leader proposes a new date while there is still time. */
  const maybeExtend = (nextAt: Date): void => {
    if (extended || !wantsExtension || !clockRunning || !f.dueAt || nextAt.getTime() <= f.dueAt.getTime()) return;
    const kind = f.currentStepOrder === null ? null : stepAt(f.currentStepOrder).kind;
    if (!["RECEIVED", "PROCESSING"].includes(f.status) || !kind || !["APPRAISAL", "APPROVAL", "ISSUANCE"].includes(kind)) return;
    const letterAt = new Date(Math.max(lastAt.getTime() + 10 * MINUTE, f.dueAt.getTime() - 6 * HOUR));
    if (letterAt.getTime() >= f.dueAt.getTime() || letterAt.getTime() >= nextAt.getTime()) return;
    extended = true;
    const newDueAt = addWorkingDays(cal, f.dueAt, rng.int(3, 7));
    move("EXTEND", letterAt, { to: "SAME", step: "stay", actor: "LEADER", clock: "extend", newDueAt, payload: { newDueAt: newDueAt.toISOString(), reason: EXTEND_REASON } });
  };

  const done = (): Timeline => ({
    submittedAt,
    intakeReceivedAt: online ? null : start,
    creationAt: start,
    events,
    steps: stepRows,
    clock,
    final: { ...f },
    lastAt,
  });

  // ── Creation (createDossier) ──
  if (online) {
    openStep(steps[0]!, submittedAt, null, true);
  } else {
    // Intake: reception is done on the spot; the dossier waits at the next step, unassigned.
    stepRows.push({ order: steps[0]!.order, holderRole: "RECEPTION_OFFICER", startedAt: start, dueAt: start, finishedAt: start, outcome: "INTAKE", fromCreation: true });
    openStep(stepAt(steps[0]!.order + 1), start, null, true);
    f.receivedAt = start;
    f.dueAt = addWorkingDays(cal, start, procedure.limitDays);
    f.originalDueAt = f.dueAt;
    clockRunning = true;
  }
  const owner = plan.ownerEmail !== null;

  if (online) {
    if (plan.target === "NEW") return done();
    const decidedAt = after(submittedAt, rng.between(0.3, 3.5));
    if (plan.target === "REFUSED") {
      const reason = rng.pick(REFUSAL_REASONS);
      move("REFUSE", decidedAt, { to: "REFUSED", step: "none", actor: "RECEPTION_OFFICER", payload: { reason } });
      f.finishedAt = decidedAt;
      return done();
    }
    move("RECEIVE", decidedAt, { to: "RECEIVED", step: "next", actor: "RECEPTION_OFFICER", clock: "start" });
  }

  // The leader (or the desk) assigns the specialist.
  const assignAt = after(f.receivedAt!, rng.between(0.2, 3));
  if (plan.target === "RECEIVED") {
    if (rng.chance(0.5)) move("ASSIGN", assignAt, { to: "SAME", step: "stay", actor: rng.chance(0.7) ? "LEADER" : "RECEPTION_OFFICER", assigneeRole: "SPECIALIST" });
    return done();
  }
  const withdraw = (at: Date): Timeline => {
    move("WITHDRAW", at, { to: "WITHDRAWN", step: "none", actor: owner ? "OWNER" : "RECEPTION_OFFICER", clock: "stop", payload: { reason: WITHDRAW_REASON } });
    f.finishedAt = lastAt;
    return done();
  };
  if (plan.target === "WITHDRAWN" && rng.chance(0.3)) return withdraw(assignAt);
  move("ASSIGN", assignAt, { to: "SAME", step: "stay", actor: rng.chance(0.7) ? "LEADER" : "RECEPTION_OFFICER", assigneeRole: "SPECIALIST" });
  let t = lastAt;

  // Where a PROCESSING dossier is now: mostly with a specialist.
  const candidates = steps.filter((s) => s.order >= firstAppraisal.order && s.order <= issuance.order);
  const stopAt =
    plan.target === "PROCESSING" ? rng.pick(candidates.flatMap((s) => Array<TimelineStepDef>(s.kind === "APPRAISAL" ? 3 : s.kind === "APPROVAL" ? 2 : 1).fill(s))) : null;
  // At the first appraisal a dossier is still RECEIVED until something moves it: a supplement cycle.
  const supplementCycle = rng.chance(0.15) || stopAt?.order === firstAppraisal.order;

  for (const def of candidates) {
    if (stopAt && stopAt.order === def.order && def.order !== firstAppraisal.order) return done();
    const late = rng.chance(0.12);
    const duration = def.allowanceHours * (late ? rng.between(1.1, 1.8) : rng.between(0.25, 0.95));
    const [seg1, seg2, seg3] = [0.4, 0.3, 0.3].map((share) => duration * share) as [number, number, number];

    t = after(t, seg1);
    if (def.order === firstAppraisal.order) {
      if (plan.target === "WITHDRAWN") return withdraw(t);
      if (plan.target === "STOPPED" && rng.chance(0.5)) {
        move("STOP", t, { to: "STOPPED", step: "none", actor: "LEADER", clock: "stop", payload: { reason: STOP_NOT_ELIGIBLE } });
        f.finishedAt = lastAt;
        return done();
      }
      if (plan.target === "SUPPLEMENT_REQUESTED" || plan.target === "STOPPED" || supplementCycle) {
        const items = pickItems(rng, procedure.componentNames);
        move("REQUEST_SUPPLEMENT", t, { to: "SUPPLEMENT_REQUESTED", step: "stay", actor: def.role, clock: "pause", payload: { items, note: rng.pick(SUPPLEMENT_NOTES) } });
        if (plan.target === "SUPPLEMENT_REQUESTED") return done();
        if (plan.target === "STOPPED") {
          move("STOP", after(lastAt, rng.between(8, 15) * 8), { to: "STOPPED", step: "none", actor: "LEADER", clock: "stop", payload: { reason: STOP_LATE_SUPPLEMENT } });
          f.finishedAt = lastAt;
          return done();
        }
        // Online, the applicant answers at any hour; otherwise the desk records what was brought in.
        const answeredAt = new Date(after(lastAt, rng.between(1, 6) * 8).getTime() + (owner ? rng.int(0, 5) * HOUR : 0));
        if (owner) move("SUPPLEMENT", answeredAt, { to: "PROCESSING", step: "stay", actor: "OWNER", clock: "resume" });
        else move("RESUME", answeredAt, { to: "PROCESSING", step: "stay", actor: "RECEPTION_OFFICER", clock: "resume" });
        t = lastAt;
        if (stopAt?.order === def.order) return done();
      }
    }

    t = after(t, seg2);
    if (def.order === lastAppraisal.order && procedure.fee.kind !== "none") {
      const amount = feeFor(procedure.fee, plan, rng);
      move("REQUEST_FEE", t, { to: "AWAITING_FEE", step: "stay", actor: def.role, clock: "pause", payload: { amount } });
      f.feeAmount = amount;
      if (plan.target === "AWAITING_FEE") return done();
      move("CONFIRM_FEE", after(lastAt, rng.between(0.5, 3) * 8), { to: "PROCESSING", step: "stay", actor: "RECEPTION_OFFICER", clock: "resume" });
      f.feePaidAt = lastAt;
      t = lastAt;
    }

    t = after(t, seg3);
    const next = stepAt(def.order + 1);
    if (def.kind === "APPRAISAL") {
      // Named: the same specialist for a further appraisal, the leader for approval.
      move("FORWARD", t, { to: "PROCESSING", step: "next", actor: def.role, assigneeRole: next.kind === "APPRAISAL" || next.kind === "APPROVAL" ? next.role : null });
    } else if (def.kind === "APPROVAL") {
      move("APPROVE", t, { to: "PROCESSING", step: "next", actor: def.role, assigneeRole: rng.chance(0.5) ? next.role : null });
    } else {
      const resultNumber = `${rng.int(12, 980)}/${RESULT_PREFIX[procedure.code] ?? "KQ"}`;
      move("ISSUE_RESULT", t, { to: "PROCESSED", step: "next", actor: def.role, clock: "stop", payload: { resultNumber } });
      f.finishedAt = lastAt;
      f.resultNumber = resultNumber;
      f.resultIssuedAt = lastAt;
    }
  }

  // ── Result ready (at the RETURN step, a desk pool) → returned ──
  if (plan.target === "PROCESSED") return done();
  const byPost = f.resultDelivery === "BY_POST";
  const returnedAt = after(lastAt, byPost ? rng.between(2, 12) : rng.between(0.5, 20));
  const waybill = byPost ? `EL${rng.digits(9)}VN` : null;
  move("RETURN_RESULT", returnedAt, {
    to: "RETURNED",
    step: "none",
    actor: byPost ? "POSTAL_STAFF" : "RECEPTION_OFFICER",
    payload: waybill ? { method: "BY_POST", waybill } : { method: "AT_DESK" },
    note: byPost ? `Chuyển trả kết quả qua dịch vụ bưu chính công ích, số vận đơn ${waybill}` : "Trả kết quả tại Bộ phận Một cửa",
  });
  f.returnedAt = lastAt;
  f.postalWaybill = waybill;
  return done();
}

function pickItems(rng: Random, names: readonly string[]): string[] {
  const pool = names.length > 0 ? names : ["Tờ khai"];
  const first = rng.pick(pool);
  const second = rng.chance(0.4) ? rng.pick(pool) : first;
  return [...new Set([first, second])];
}

function feeFor(fee: FeeRule, plan: DossierPlan, rng: Random): number {
  switch (fee.kind) {
    case "none":
      return 0;
    case "fixed":
      return fee.amount;
    case "percent":
      return Math.min(fee.max, Math.max(fee.min, Math.round((plan.contractValue ?? 0) * fee.rate)));
    case "schedule":
      // Set by the officer from the published schedule; demo amounts.
      return rng.pick([1_500_000, 2_000_000, 3_000_000, 4_500_000]);
  }
}

/** A start for the plan whose whole history lies before `now` (older starts for longer histories). */
export function fitTimeline(plan: DossierPlan, proc: TimelineProcedure, cal: WorkingCalendar, now: Date): Timeline {
  const rng = new Random(seedOf(`start:${plan.index}`));
  const latestAllowed = now.getTime() - 5 * MINUTE;
  let start = snapStart(plan, cal, new Date(now.getTime() - startAgeDays(plan, proc.limitDays, rng) * DAY), rng);
  for (let attempt = 0; attempt < 25; attempt++) {
    if (start.getTime() <= latestAllowed) {
      const timeline = simulateTimeline(plan, proc, cal, start);
      const overshoot = timeline.lastAt.getTime() - latestAllowed;
      if (overshoot <= 0) return timeline;
      start = new Date(start.getTime() - overshoot - rng.between(0.2, 2) * DAY);
    } else {
      start = new Date(start.getTime() - DAY);
    }
    start = snapStart(plan, cal, start, rng);
  }
  throw new Error(`Demo dossier ${plan.index}: no start puts its history in the past`);
}
