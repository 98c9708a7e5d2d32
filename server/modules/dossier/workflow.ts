// The dossier workflow as a table: which action is allowed from which status, at which kind of
// step, by whom, and what follows (status, step movement, clock, standard form). `can` reads the
// table; `availableActions` asks `can` for every action, so the UI never disagrees with the server.
//
// Shape of a dossier's path (steps come from the procedure, in order):
//   RECEPTION → APPRAISAL (1+) → APPROVAL (1+) → ISSUANCE → RETURN
// - An online dossier is NEW at the RECEPTION step. RECEIVE (or INTAKE at the counter, which
//   creates the dossier) makes it RECEIVED at the first step after RECEPTION and starts the clock;
//   the first move after that makes it PROCESSING. ISSUE_RESULT makes it PROCESSED at RETURN.
// - "Step holder": has the role the procedure gives the current step; at personal steps
//   (APPRAISAL, APPROVAL) must also be the dossier's assignee. RECEPTION, ISSUANCE and RETURN are
//   pools: any officer with the role (the desk, the clerks' office) may act.

import type { DossierAction, DossierStatus, Role, StepKind } from "../../db/generated/enums";

export type StepMove = "stay" | "next" | "previous" | "first" | "none";
export type ClockEffect = "start" | "pause" | "resume" | "extend" | "stop" | "none";
/** Circular 03/2025/TT-VPCP Annex I: 01 receipt slip, 02 supplement request, 03 refusal, 04 apology/extension, 05 stop. */
export type StandardForm = "01" | "02" | "03" | "04" | "05";

/** STEP_HOLDER: see the header. OWNER: the applicant's own account. ANY_ROLE: any officer. */
export type ActorSpec = Role | "STEP_HOLDER" | "OWNER" | "ANY_ROLE";

export interface WorkflowRule {
  action: DossierAction;
  /** null: no dossier yet (SUBMIT, INTAKE create it, at the implicit first step). */
  from: readonly (DossierStatus | null)[];
  /** Kinds of the current step; "ANY" also matches a dossier that has no current step. */
  at: readonly StepKind[] | "ANY";
  /** When set, the previous step must be of one of these kinds. */
  previousAt?: readonly StepKind[];
  by: readonly ActorSpec[];
  /** "SAME": the status does not change. */
  to: DossierStatus | "SAME";
  step: StepMove;
  clock: ClockEffect;
  form?: StandardForm;
  /** The command must carry a reason or text. */
  requiresNote?: boolean;
  /** Only while the due date has not passed (an extension is proposed before it, DOMAIN). */
  beforeDue?: boolean;
}

const ACTIVE: readonly DossierStatus[] = ["RECEIVED", "PROCESSING"];
const CLOCK_STEPS: readonly StepKind[] = ["APPRAISAL", "APPROVAL", "ISSUANCE"];
const ALL_STATUSES: readonly DossierStatus[] = [
  "NEW",
  "RECEIVED",
  "REFUSED",
  "PROCESSING",
  "SUPPLEMENT_REQUESTED",
  "AWAITING_FEE",
  "WITHDRAWN",
  "STOPPED",
  "PROCESSED",
  "RETURNED",
];
const NOT_FINAL: readonly DossierStatus[] = [
  "NEW",
  "RECEIVED",
  "PROCESSING",
  "SUPPLEMENT_REQUESTED",
  "AWAITING_FEE",
  "PROCESSED",
];
const ALL_KINDS: readonly StepKind[] = ["RECEPTION", "APPRAISAL", "APPROVAL", "ISSUANCE", "RETURN"];

/** Steps held by one named person (the assignee), as opposed to pools. */
export const PERSONAL_STEP_KINDS: readonly StepKind[] = ["APPRAISAL", "APPROVAL"];

// prettier-ignore
export const WORKFLOW: readonly WorkflowRule[] = [
  // action               from                                  at             by                                   to                      step        clock
  { action: "SUBMIT",     from: [null],                         at: "ANY",     by: ["OWNER"],                       to: "NEW",                  step: "first",    clock: "none" },
  { action: "INTAKE",     from: [null],                         at: "ANY",     by: ["STEP_HOLDER"],                 to: "RECEIVED",             step: "next",     clock: "start", form: "01" },
  { action: "RECEIVE",    from: ["NEW"],                        at: ["RECEPTION"], by: ["STEP_HOLDER"],             to: "RECEIVED",             step: "next",     clock: "start", form: "01" },
  { action: "REFUSE",     from: ["NEW", "SUPPLEMENT_REQUESTED"], at: ["RECEPTION"], by: ["STEP_HOLDER"],            to: "REFUSED",              step: "none",     clock: "none",  form: "03", requiresNote: true },
  { action: "ASSIGN",     from: NOT_FINAL,                      at: ALL_KINDS, by: ["LEADER", "RECEPTION_OFFICER"],  to: "SAME",                 step: "stay",     clock: "none" },
  { action: "FORWARD",    from: ACTIVE,                         at: ["APPRAISAL"], by: ["STEP_HOLDER"],             to: "PROCESSING",           step: "next",     clock: "none" },
  { action: "SEND_BACK",  from: ACTIVE,                         at: CLOCK_STEPS, previousAt: ["APPRAISAL", "APPROVAL"],
                                                                               by: ["STEP_HOLDER"],                 to: "PROCESSING",           step: "previous", clock: "none",  requiresNote: true },
  // At reception the dossier is incomplete and not yet received: nothing to pause.
  { action: "REQUEST_SUPPLEMENT", from: ["NEW"],                at: ["RECEPTION"], by: ["STEP_HOLDER"],             to: "SUPPLEMENT_REQUESTED", step: "stay",     clock: "none",  form: "02", requiresNote: true },
  { action: "REQUEST_SUPPLEMENT", from: ACTIVE,                 at: ["APPRAISAL"], by: ["STEP_HOLDER", "RECEPTION_OFFICER"], to: "SUPPLEMENT_REQUESTED", step: "stay", clock: "pause", form: "02", requiresNote: true },
  // The applicant answers online (SUPPLEMENT) or an officer records a supplement brought in (RESUME).
  { action: "SUPPLEMENT", from: ["SUPPLEMENT_REQUESTED"],       at: ["RECEPTION"], by: ["OWNER"],                   to: "NEW",                  step: "stay",     clock: "none" },
  { action: "SUPPLEMENT", from: ["SUPPLEMENT_REQUESTED"],       at: ["APPRAISAL"], by: ["OWNER"],                   to: "PROCESSING",           step: "stay",     clock: "resume" },
  { action: "RESUME",     from: ["SUPPLEMENT_REQUESTED"],       at: ["RECEPTION"], by: ["STEP_HOLDER"],             to: "NEW",                  step: "stay",     clock: "none" },
  { action: "RESUME",     from: ["SUPPLEMENT_REQUESTED"],       at: ["APPRAISAL"], by: ["STEP_HOLDER", "RECEPTION_OFFICER"], to: "PROCESSING",  step: "stay",     clock: "resume" },
  { action: "REQUEST_FEE", from: ACTIVE,                        at: ["APPRAISAL"], by: ["STEP_HOLDER", "RECEPTION_OFFICER"], to: "AWAITING_FEE", step: "stay",    clock: "pause" },
  { action: "CONFIRM_FEE", from: ["AWAITING_FEE"],              at: ["APPRAISAL"], by: ["STEP_HOLDER", "RECEPTION_OFFICER"], to: "PROCESSING",  step: "stay",     clock: "resume" },
  { action: "APPROVE",    from: ACTIVE,                         at: ["APPROVAL"], by: ["STEP_HOLDER"],              to: "PROCESSING",           step: "next",     clock: "none" },
  { action: "ISSUE_RESULT", from: ACTIVE,                       at: ["ISSUANCE"], by: ["STEP_HOLDER"],              to: "PROCESSED",            step: "next",     clock: "stop" },
  { action: "RETURN_RESULT", from: ["PROCESSED"],               at: ["RETURN"],   by: ["STEP_HOLDER", "POSTAL_STAFF"], to: "RETURNED",          step: "none",     clock: "none" },
  { action: "EXTEND",     from: ACTIVE,                         at: CLOCK_STEPS, by: ["LEADER"],                     to: "SAME",                 step: "stay",     clock: "extend", form: "04", requiresNote: true, beforeDue: true },
  { action: "STOP",       from: [...ACTIVE, "SUPPLEMENT_REQUESTED", "AWAITING_FEE"], at: CLOCK_STEPS, by: ["LEADER"], to: "STOPPED",          step: "none",     clock: "stop",  form: "05", requiresNote: true },
  // Withdrawal at the applicant's request, by the applicant or recorded by the desk.
  { action: "WITHDRAW",   from: ["NEW", "SUPPLEMENT_REQUESTED"], at: ["RECEPTION"], by: ["OWNER", "RECEPTION_OFFICER"], to: "WITHDRAWN",      step: "none",     clock: "none" },
  { action: "WITHDRAW",   from: [...ACTIVE, "SUPPLEMENT_REQUESTED", "AWAITING_FEE"], at: CLOCK_STEPS, by: ["OWNER", "RECEPTION_OFFICER"], to: "WITHDRAWN", step: "none", clock: "stop" },
  { action: "COMMENT",    from: ALL_STATUSES,                   at: "ANY",     by: ["ANY_ROLE", "OWNER"],           to: "SAME",                 step: "stay",     clock: "none",  requiresNote: true },
];

export interface WorkflowStep {
  order: number;
  kind: StepKind;
  role: Role;
}

export interface WorkflowContext {
  /** null: the dossier does not exist yet. */
  status: DossierStatus | null;
  currentStepOrder: number | null;
  /** The procedure version's steps (any order; sorted here). */
  steps: readonly WorkflowStep[];
  actorRoles: readonly Role[];
  actorIsAssignee: boolean;
  actorIsOwner: boolean;
  now: Date;
  dueAt: Date | null;
}

export type DenyReason =
  | "INVALID_STEPS"
  | "WRONG_STATUS"
  | "WRONG_STEP"
  | "WRONG_ROLE"
  | "NOT_ASSIGNEE"
  | "NO_DUE_DATE"
  | "PAST_DUE";

export interface Transition {
  action: DossierAction;
  fromStatus: DossierStatus | null;
  toStatus: DossierStatus;
  fromStepOrder: number | null;
  toStepOrder: number | null;
  toStepKind: StepKind | null;
  /** The role that holds the step the dossier moves to (for choosing the next assignee). */
  toStepRole: Role | null;
  stepMove: StepMove;
  clock: ClockEffect;
  form: StandardForm | null;
  requiresNote: boolean;
}

export type CanResult = { ok: true; next: Transition } | { ok: false; reason: DenyReason };

const KIND_RANK: Record<StepKind, number> = { RECEPTION: 0, APPRAISAL: 1, APPROVAL: 2, ISSUANCE: 3, RETURN: 4 };

/** What is wrong with a procedure's steps for this workflow (empty when usable). */
export function stepProblems(steps: readonly WorkflowStep[]): string[] {
  const problems: string[] = [];
  if (steps.length === 0) return ["no steps"];
  const sorted = sortSteps(steps);
  const orders = sorted.map((s) => s.order);
  if (orders.some((o) => !Number.isInteger(o))) problems.push("step orders must be integers");
  if (new Set(orders).size !== orders.length) problems.push("step orders must be unique");
  const count = (k: StepKind) => sorted.filter((s) => s.kind === k).length;
  if (sorted[0]!.kind !== "RECEPTION") problems.push("the first step must be RECEPTION");
  if (sorted[sorted.length - 1]!.kind !== "RETURN") problems.push("the last step must be RETURN");
  for (const k of ["RECEPTION", "ISSUANCE", "RETURN"] as const) {
    if (count(k) !== 1) problems.push(`exactly one ${k} step is needed, found ${count(k)}`);
  }
  for (const k of ["APPRAISAL", "APPROVAL"] as const) {
    if (count(k) < 1) problems.push(`at least one ${k} step is needed`);
  }
  for (let i = 1; i < sorted.length; i++) {
    if (KIND_RANK[sorted[i]!.kind] < KIND_RANK[sorted[i - 1]!.kind]) {
      problems.push(`step ${sorted[i]!.order} (${sorted[i]!.kind}) comes after ${sorted[i - 1]!.kind}`);
    }
  }
  return problems;
}

function sortSteps(steps: readonly WorkflowStep[]): WorkflowStep[] {
  return [...steps].sort((a, b) => a.order - b.order);
}

function actorMatches(spec: ActorSpec, ctx: WorkflowContext, step: WorkflowStep | undefined): boolean {
  switch (spec) {
    case "OWNER":
      return ctx.actorIsOwner;
    case "ANY_ROLE":
      return ctx.actorRoles.length > 0;
    case "STEP_HOLDER":
      return (
        step !== undefined &&
        ctx.actorRoles.includes(step.role) &&
        (!PERSONAL_STEP_KINDS.includes(step.kind) || ctx.actorIsAssignee)
      );
    default:
      return ctx.actorRoles.includes(spec);
  }
}

function stepAfterMove(sorted: readonly WorkflowStep[], index: number, move: StepMove): WorkflowStep | null {
  switch (move) {
    case "stay":
      return sorted[index] ?? null;
    case "next":
      return sorted[index + 1] ?? null;
    case "previous":
      return sorted[index - 1] ?? null;
    case "first":
      return sorted[0] ?? null;
    case "none":
      return null;
  }
}

/** Whether `action` is allowed in this context, and if so what it leads to. */
export function can(action: DossierAction, ctx: WorkflowContext): CanResult {
  if (stepProblems(ctx.steps).length > 0) return { ok: false, reason: "INVALID_STEPS" };
  const sorted = sortSteps(ctx.steps);

  const forAction = WORKFLOW.filter((r) => r.action === action);
  const forStatus = forAction.filter((r) => r.from.includes(ctx.status));
  if (forStatus.length === 0) return { ok: false, reason: "WRONG_STATUS" };

  // A dossier that does not exist yet stands at the first step (RECEPTION).
  const index = ctx.status === null ? 0 : sorted.findIndex((s) => s.order === ctx.currentStepOrder);
  const step = index >= 0 ? sorted[index] : undefined;
  const previous = index > 0 ? sorted[index - 1] : undefined;
  const matching = forStatus.filter(
    (r) =>
      (r.at === "ANY" || (step !== undefined && r.at.includes(step.kind))) &&
      (!r.previousAt || (previous !== undefined && r.previousAt.includes(previous.kind))),
  );
  if (matching.length === 0) return { ok: false, reason: "WRONG_STEP" };
  if (matching.length > 1) throw new Error(`Workflow table is ambiguous for ${action} from ${ctx.status}`);
  const rule = matching[0]!;

  if (!rule.by.some((spec) => actorMatches(spec, ctx, step))) {
    const holdsStepRoleButNotAssigned =
      rule.by.includes("STEP_HOLDER") && step !== undefined && ctx.actorRoles.includes(step.role);
    return { ok: false, reason: holdsStepRoleButNotAssigned ? "NOT_ASSIGNEE" : "WRONG_ROLE" };
  }

  if (rule.beforeDue) {
    if (!ctx.dueAt) return { ok: false, reason: "NO_DUE_DATE" };
    if (ctx.now.getTime() >= ctx.dueAt.getTime()) return { ok: false, reason: "PAST_DUE" };
  }

  const target = stepAfterMove(sorted, index, rule.step);
  if (rule.step !== "none" && rule.step !== "stay" && !target) {
    // Cannot happen with valid steps; guard rather than move a dossier off the end.
    return { ok: false, reason: "WRONG_STEP" };
  }
  const toStatus = rule.to === "SAME" ? ctx.status : rule.to;
  if (toStatus === null) throw new Error(`Workflow rule for ${action} keeps a status that does not exist`);
  return {
    ok: true,
    next: {
      action,
      fromStatus: ctx.status,
      toStatus,
      fromStepOrder: ctx.status === null ? null : ctx.currentStepOrder,
      toStepOrder: rule.step === "stay" ? ctx.currentStepOrder : (target?.order ?? null),
      toStepKind: rule.step === "stay" ? (step?.kind ?? null) : (target?.kind ?? null),
      toStepRole: rule.step === "stay" ? (step?.role ?? null) : (target?.role ?? null),
      stepMove: rule.step,
      clock: rule.clock,
      form: rule.form ?? null,
      requiresNote: rule.requiresNote ?? false,
    },
  };
}

export const DOSSIER_ACTIONS: readonly DossierAction[] = [
  "SUBMIT",
  "INTAKE",
  "RECEIVE",
  "REFUSE",
  "ASSIGN",
  "FORWARD",
  "SEND_BACK",
  "REQUEST_SUPPLEMENT",
  "SUPPLEMENT",
  "RESUME",
  "REQUEST_FEE",
  "CONFIRM_FEE",
  "APPROVE",
  "ISSUE_RESULT",
  "RETURN_RESULT",
  "EXTEND",
  "STOP",
  "WITHDRAW",
  "COMMENT",
];

/** The actions this actor may take now, with where each leads: what the UI shows. */
export function availableActions(ctx: WorkflowContext): Transition[] {
  const out: Transition[] = [];
  for (const action of DOSSIER_ACTIONS) {
    const r = can(action, ctx);
    if (r.ok) out.push(r.next);
  }
  return out;
}
