// applyDossierAction: every officer command on an existing dossier.
// Order: idempotent replay → scope → version → workflow guard → command checks → ONE transaction
// (conditional update on the version, event, clock events, step instances, and the event's jobs).
// Side effects (notifications, national sync) are those jobs: they run after commit (server/jobs).
import { enqueueDossierEventJobs } from "../../../jobs/dossier-events";
import { Prisma, type Db, type DbTx, type DossierAction, type Role, type StepKind } from "../../../db";
import { AppError } from "../../../errors";
import { loadWorkingCalendar } from "../../calendar/queries";
import { dueDate, shiftDueForPause, workingTimeBetween, type WorkingCalendar } from "../../calendar/working-time";
import { actorIsAssignee, actorRolesOn, requireActionable, type DossierActor } from "../policy";
import { loadActor } from "../queries/dossier-actor";
import { ZActSchema, type TAct, type TActInput, type TActResult, type TDossierState } from "../schema";
import { WORKFLOW, can, type Transition, type WorkflowStep } from "../workflow";
import { dossierStateSelect, loadDossierState, staleVersionError } from "../queries/dossier-state";
import { effectiveActionTime } from "../action-time";

export type ApplyDossierActionInput = TActInput & { actorUserId: string };

export interface ApplyDossierActionOptions {
  /** An actor already loaded on this call (bulk commands); otherwise re-read here. */
  actor?: DossierActor;
  /** The server's now (tests); defaults to the real time. */
  now?: Date;
  /**
   * Further writes inside the command's transaction, after its event (the applicant's supplement
   * files and corrected fields, server/modules/applicant/commands/answer-supplement.ts). A throw rolls the command back.
   */
  alsoWrite?: (tx: DbTx, written: { dossierId: string; eventId: string; at: Date }) => Promise<void>;
}

const commandSelect = {
  ...dossierStateSelect,
  receivingAgencyId: true,
  handlingAgencyId: true,
  ownerId: true,
  submittedAt: true,
  receivedAt: true,
  procedureVersion: {
    select: {
      limitValue: true,
      limitUnit: true,
      sameDayCutoff: true,
      steps: {
        orderBy: { order: "asc" },
        select: { id: true, order: true, kind: true, role: true, allowanceValue: true, allowanceUnit: true },
      },
    },
  },
  handlingAgency: { select: { id: true, timeZone: true, workingHours: true } },
  steps: {
    where: { finishedAt: null },
    orderBy: { startedAt: "desc" },
    take: 1,
    select: { id: true, order: true, holderId: true, startedAt: true, dueAt: true },
  },
} as const satisfies Prisma.DossierSelect;

type CommandDossier = Prisma.DossierGetPayload<{ select: typeof commandSelect }>;
type ProcedureStepRow = CommandDossier["procedureVersion"]["steps"][number];

export async function applyDossierAction(
  db: Db,
  rawInput: ApplyDossierActionInput,
  options: ApplyDossierActionOptions = {},
): Promise<TActResult> {
  const { actorUserId, ...rest } = rawInput;
  const parsed = ZActSchema.safeParse(rest);
  if (!parsed.success) {
    throw new AppError("VALIDATION", {
      message: `applyDossierAction: ${parsed.error.message}`,
      details: { issues: parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })) },
    });
  }
  const input = parsed.data;

  // A replay of a command that already committed changes nothing, whatever happened since.
  const replay = await findReplay(db, input, actorUserId);
  if (replay) return replay;

  const actor = options.actor ?? (await loadActor(db, { userId: actorUserId }));
  const dossier = await db.dossier.findUnique({ where: { id: input.dossierId }, select: commandSelect });
  // The applicant acts on their own dossier (SUPPLEMENT, WITHDRAW, COMMENT) by ownership, not agency scope.
  const actorIsOwner = dossier !== null && dossier.ownerId !== null && dossier.ownerId === actor.userId;
  if (!actorIsOwner) requireActionable(actor, dossier, input.dossierId);
  const d = dossier as CommandDossier;

  // Stale first: a client acting on an old view must refresh, whatever the action would do now.
  if (d.version !== input.expectedVersion) throw staleVersionError(stateOf(d), input.expectedVersion);

  const openStep = d.steps[0] ?? null;
  const at = effectiveActionTime(
    options.now ?? new Date(),
    input.deviceAt,
    latest(d.submittedAt, d.receivedAt, d.pausedAt, openStep?.startedAt ?? null),
  );
  const procedureSteps = d.procedureVersion.steps;
  const actorRoles = actorRolesOn(actor, d);
  const verdict = can(input.action, {
    status: d.status,
    currentStepOrder: d.currentStepOrder,
    steps: procedureSteps,
    actorRoles,
    actorIsAssignee: actorIsAssignee(actor, d),
    actorIsOwner,
    now: at,
    dueAt: d.dueAt,
  });
  if (!verdict.ok) {
    const forbidden = verdict.reason === "WRONG_ROLE" || verdict.reason === "NOT_ASSIGNEE";
    throw new AppError(forbidden ? "FORBIDDEN" : "INVALID_TRANSITION", {
      message: `${input.action} refused on dossier ${d.id} (${d.status}, step ${d.currentStepOrder}): ${verdict.reason}`,
      details: { reason: verdict.reason, action: input.action, status: d.status, currentStepOrder: d.currentStepOrder },
    });
  }

  const plan = await planCommand(db, { actor, dossier: d, input, next: verdict.next, at, actorRoles, openStep });

  try {
    const alsoWrite = options.alsoWrite;
    return await db.$transaction((tx) => writeCommand(tx, { actor, dossier: d, input, next: verdict.next, at, plan, openStep, alsoWrite }), {
      isolationLevel: Prisma.TransactionIsolationLevel.ReadCommitted,
      maxWait: 10_000,
      timeout: 15_000,
    });
  } catch (error) {
    // Two copies of one command racing: the loser either waited on the row and found the version
    // moved (CONFLICT) or hit the unique idempotency key. Either way the winner's result is the answer.
    if (isUniqueViolation(error) || (error instanceof AppError && error.code === "CONFLICT")) {
      const winner = await findReplay(db, input, actorUserId);
      if (winner) return winner;
    }
    throw error;
  }
}

// ─── Replays ───────────────────────────────────────────────────────────────

async function findReplay(db: Db, input: TAct, actorUserId: string): Promise<TActResult | null> {
  const event = await db.dossierEvent.findUnique({
    where: { idempotencyKey: input.idempotencyKey },
    select: {
      id: true,
      dossierId: true,
      actorId: true,
      action: true,
      toStatus: true,
      toStepOrder: true,
      resultingVersion: true,
      serverAt: true,
    },
  });
  if (!event) return null;
  if (event.dossierId !== input.dossierId || event.action !== input.action || event.actorId !== actorUserId) {
    throw new AppError("CONFLICT", {
      message: `idempotency key ${input.idempotencyKey} was used for another command`,
      details: { reason: "KEY_REUSED" },
    });
  }
  const dossier = await loadDossierState(db, { dossierId: event.dossierId });
  if (!dossier) throw new AppError("NOT_FOUND", { message: `dossier ${event.dossierId} vanished` });
  const { dossierId: _d, actorId: _a, ...first } = event;
  return { event: first, dossier, replayed: true };
}

// ─── Planning: everything that needs reads, before the transaction ─────────

interface ClockWrite {
  kind: "START" | "PAUSE" | "RESUME" | "EXTEND" | "STOP";
  dueAt: Date | null;
  reason?: string | null;
}

interface OpenStepWrite {
  stepId: string;
  order: number;
  holderId: string | null;
  dueAt: Date;
}

interface CommandPlan {
  data: Prisma.DossierUncheckedUpdateManyInput;
  clock: ClockWrite | null;
  closeStep: boolean;
  openStep: OpenStepWrite | null;
  /** ASSIGN: the new holder of the open step. */
  holderOfOpenStep?: string | null;
  /** RESUME: the open step's due date moves with the pause. */
  dueOfOpenStep?: Date;
  note: string | null;
  payload: Prisma.InputJsonObject;
  actorRole: Role | null;
  resultAttachmentId?: string;
}

interface PlanArgs {
  actor: DossierActor;
  dossier: CommandDossier;
  input: TAct;
  next: Transition;
  at: Date;
  actorRoles: Role[];
  openStep: CommandDossier["steps"][number] | null;
}

async function planCommand(db: Db, args: PlanArgs): Promise<CommandPlan> {
  const { dossier: d, input, next, at } = args;
  const steps = d.procedureVersion.steps;
  const stepByOrder = (order: number | null) => steps.find((s) => s.order === order) ?? null;
  const currentStep = stepByOrder(d.currentStepOrder);
  const data: Prisma.DossierUncheckedUpdateManyInput = { version: { increment: 1 }, status: next.toStatus };
  const extraPayload: Record<string, unknown> = {};
  let clock: ClockWrite | null = null;

  let calendar: WorkingCalendar | null = null;
  const cal = async () =>
    (calendar ??= await loadWorkingCalendar(db, { agency: d.handlingAgency, from: earliest(at, d.pausedAt, d.receivedAt) }));

  // ── who holds the dossier after the command
  let assigneeId: string | null = d.assigneeId;
  const targetStep = next.stepMove === "stay" ? currentStep : stepByOrder(next.toStepOrder);
  const p = input.payload as Record<string, unknown>;
  if (input.action === "ASSIGN") {
    assigneeId = await requireAssignable(db, d, currentStep!, String(p.assigneeId));
  } else if (next.stepMove === "next") {
    const named = typeof p.assigneeId === "string" ? p.assigneeId : undefined;
    assigneeId = named ? await requireAssignable(db, d, targetStep!, named) : null;
  } else if (next.stepMove === "previous") {
    // Sent back to whoever held that step before, when they still may.
    const previousHolder = await db.dossierStep.findFirst({
      where: { dossierId: d.id, order: next.toStepOrder!, holderId: { not: null } },
      orderBy: { startedAt: "desc" },
      select: { holderId: true },
    });
    assigneeId =
      previousHolder?.holderId && (await isAssignable(db, d, targetStep!, previousHolder.holderId)) ? previousHolder.holderId : null;
  } else if (next.stepMove === "none") {
    assigneeId = null;
  }
  if (assigneeId !== d.assigneeId) data.assigneeId = assigneeId;
  if (assigneeId !== null) extraPayload.assigneeId = assigneeId;

  // ── steps
  let openStep: OpenStepWrite | null = null;
  let closeStep = false;
  if (next.stepMove === "next" || next.stepMove === "previous") {
    const target = targetStep!;
    const stepDue = dueDate(await cal(), at, { value: target.allowanceValue, unit: target.allowanceUnit });
    closeStep = true;
    openStep = { stepId: target.id, order: target.order, holderId: assigneeId, dueAt: stepDue };
    data.currentStepOrder = target.order;
    data.stepDueAt = stepDue;
  } else if (next.stepMove === "none") {
    closeStep = true;
    data.currentStepOrder = null;
    data.stepDueAt = null;
  }

  // ── the clock
  let dueOfOpenStep: Date | undefined;
  switch (next.clock) {
    case "start": {
      const limit = { value: versionLimit(d).value, unit: versionLimit(d).unit };
      const due = dueDate(await cal(), at, limit, { sameDayCutoff: d.procedureVersion.sameDayCutoff });
      data.receivedAt = at;
      data.dueAt = due;
      data.originalDueAt = due;
      clock = { kind: "START", dueAt: due };
      break;
    }
    case "pause":
      data.pausedAt = at;
      clock = { kind: "PAUSE", dueAt: d.dueAt };
      break;
    case "resume": {
      if (d.pausedAt && d.dueAt) {
        const c = await cal();
        const due = shiftDueForPause(c, d.dueAt, d.pausedAt, at);
        extraPayload.pausedWorkingMs = workingTimeBetween(c, d.pausedAt, at);
        data.dueAt = due;
        if (d.stepDueAt) {
          dueOfOpenStep = shiftDueForPause(c, d.stepDueAt, d.pausedAt, at);
          data.stepDueAt = dueOfOpenStep;
        }
        clock = { kind: "RESUME", dueAt: due };
      }
      data.pausedAt = null;
      break;
    }
    case "extend": {
      const newDueAt = p.newDueAt as Date;
      if (!d.dueAt || newDueAt.getTime() <= d.dueAt.getTime()) {
        throw new AppError("VALIDATION", {
          message: `EXTEND: the new date must be after the due date in force (${d.dueAt?.toISOString() ?? "none"})`,
          details: { field: "payload.newDueAt", dueAt: d.dueAt },
        });
      }
      data.extendedDueAt = newDueAt;
      data.dueAt = newDueAt;
      extraPayload.previousDueAt = d.dueAt.toISOString();
      clock = { kind: "EXTEND", dueAt: newDueAt, reason: String(p.reason) };
      break;
    }
    case "stop":
      if (d.receivedAt) clock = { kind: "STOP", dueAt: d.dueAt, reason: typeof p.reason === "string" ? p.reason : null };
      data.pausedAt = null;
      break;
    case "none":
      break;
  }

  // ── what each action records on the dossier
  let resultAttachmentId: string | undefined;
  switch (input.action) {
    case "REFUSE":
    case "STOP":
    case "WITHDRAW":
      data.finishedAt = at;
      break;
    case "REQUEST_FEE":
      data.feeAmount = BigInt(input.payload.amount);
      break;
    case "CONFIRM_FEE":
      data.feePaidAt = at;
      break;
    case "ISSUE_RESULT": {
      data.finishedAt = at;
      data.resultNumber = input.payload.resultNumber;
      data.resultIssuedAt = at;
      if (input.payload.resultAttachmentId) {
        resultAttachmentId = await requireResultAttachment(db, d.id, args.actor.userId, input.payload.resultAttachmentId);
      }
      break;
    }
    case "RETURN_RESULT":
      data.returnedAt = at;
      data.resultDelivery = input.payload.method;
      if (input.payload.waybill) data.postalWaybill = input.payload.waybill;
      break;
    default:
      break;
  }

  const note = input.note ?? (typeof p.note === "string" ? p.note : typeof p.reason === "string" ? p.reason : null) ?? null;
  const plan: CommandPlan = {
    data,
    clock,
    closeStep,
    openStep,
    note,
    payload: toJson({ ...p, ...extraPayload }),
    actorRole: roleActingAs(input.action, d.status, currentStep, args.actorRoles),
  };
  if (input.action === "ASSIGN") plan.holderOfOpenStep = assigneeId;
  if (dueOfOpenStep) plan.dueOfOpenStep = dueOfOpenStep;
  if (resultAttachmentId) plan.resultAttachmentId = resultAttachmentId;
  return plan;
}

function versionLimit(d: CommandDossier) {
  return { value: d.procedureVersion.limitValue, unit: d.procedureVersion.limitUnit };
}

// ─── Assignment ────────────────────────────────────────────────────────────

/** Agencies whose officers may hold a step: the handling agency; the desk steps also the receiving one. */
export function holderAgencyIds(d: { receivingAgencyId: string; handlingAgencyId: string }, kind: StepKind): string[] {
  return kind === "RECEPTION" || kind === "RETURN" ? [...new Set([d.handlingAgencyId, d.receivingAgencyId])] : [d.handlingAgencyId];
}

async function isAssignable(db: Db, d: CommandDossier, step: ProcedureStepRow, userId: string): Promise<boolean> {
  const found = await db.membership.findFirst({
    where: {
      userId,
      role: step.role,
      active: true,
      agencyId: { in: holderAgencyIds(d, step.kind) },
      agency: { active: true },
      user: { active: true, kind: "OFFICER" },
    },
    select: { id: true },
  });
  return found !== null;
}

/**
 * The assignee must be an active officer holding the step's role at the handling agency. Anyone
 * else is NOT_FOUND, so the picker cannot be used to probe other agencies' staff.
 */
async function requireAssignable(db: Db, d: CommandDossier, step: ProcedureStepRow, userId: string): Promise<string> {
  if (!(await isAssignable(db, d, step, userId))) {
    throw new AppError("VALIDATION", {
      message: `user ${userId} cannot hold step ${step.order} (${step.role}) of dossier ${d.id}`,
      details: { field: "payload.assigneeId", reason: "NOT_ASSIGNABLE", stepOrder: step.order, role: step.role },
    });
  }
  return userId;
}

async function requireResultAttachment(db: Db, dossierId: string, actorUserId: string, attachmentId: string): Promise<string> {
  const attachment = await db.attachment.findUnique({
    where: { id: attachmentId },
    select: { id: true, dossierId: true, draftId: true, uploadedById: true },
  });
  const usable =
    attachment &&
    (attachment.dossierId === dossierId ||
      (attachment.dossierId === null && attachment.draftId === null && attachment.uploadedById === actorUserId));
  if (!usable) {
    throw new AppError("VALIDATION", {
      message: `attachment ${attachmentId} cannot be the result of dossier ${dossierId}`,
      details: { field: "payload.resultAttachmentId" },
    });
  }
  return attachmentId;
}

/** The role the actor acted in, for the event: the first role of the matching rule that they hold. */
function roleActingAs(action: DossierAction, status: TDossierState["status"], step: WorkflowStep | null, roles: Role[]): Role | null {
  const rule = WORKFLOW.find(
    (r) => r.action === action && r.from.includes(status) && (r.at === "ANY" || (step !== null && r.at.includes(step.kind))),
  );
  for (const spec of rule?.by ?? []) {
    if (spec === "STEP_HOLDER" && step && roles.includes(step.role)) return step.role;
    if (spec === "ANY_ROLE" && roles.length > 0) return roles[0]!;
    if (spec !== "STEP_HOLDER" && spec !== "ANY_ROLE" && spec !== "OWNER" && roles.includes(spec)) return spec;
  }
  return roles[0] ?? null;
}

// ─── The transaction ──────────────────────────────────────────────────────

interface WriteArgs {
  actor: DossierActor;
  dossier: CommandDossier;
  input: TAct;
  next: Transition;
  at: Date;
  plan: CommandPlan;
  openStep: CommandDossier["steps"][number] | null;
  alsoWrite?: ApplyDossierActionOptions["alsoWrite"];
}

async function writeCommand(tx: DbTx, args: WriteArgs): Promise<TActResult> {
  const { actor, dossier: d, input, next, at, plan, openStep } = args;

  // The version in the WHERE clause makes the check and the write one step: a concurrent command
  // that committed first leaves 0 rows here.
  const updated = await tx.dossier.updateMany({ where: { id: d.id, version: input.expectedVersion }, data: plan.data });
  if (updated.count === 0) {
    const current = await loadDossierState(tx, { dossierId: d.id });
    if (!current) throw new AppError("NOT_FOUND", { message: `dossier ${d.id} vanished` });
    throw staleVersionError(current, input.expectedVersion);
  }
  const resultingVersion = input.expectedVersion + 1;

  const event = await tx.dossierEvent.create({
    data: {
      dossierId: d.id,
      actorId: actor.userId,
      actorRole: plan.actorRole,
      action: input.action,
      fromStatus: d.status,
      toStatus: next.toStatus,
      fromStepOrder: d.currentStepOrder,
      toStepOrder: next.stepMove === "stay" ? d.currentStepOrder : next.toStepOrder,
      note: plan.note,
      payload: plan.payload,
      deviceAt: input.deviceAt ?? null,
      idempotencyKey: input.idempotencyKey,
      resultingVersion,
    },
    select: { id: true, action: true, toStatus: true, toStepOrder: true, resultingVersion: true, serverAt: true },
  });

  if (plan.clock) {
    await tx.dossierClockEvent.create({
      data: { dossierId: d.id, kind: plan.clock.kind, at, dueAt: plan.clock.dueAt, reason: plan.clock.reason ?? null, eventId: event.id },
      select: { id: true },
    });
  }

  if (openStep) {
    if (plan.closeStep) {
      await tx.dossierStep.update({
        where: { id: openStep.id },
        // A pool step (reception, issuance, return) is credited to whoever finished it.
        data: { finishedAt: at, outcome: input.action, ...(openStep.holderId ? {} : { holderId: actor.userId }) },
        select: { id: true },
      });
    } else if (plan.holderOfOpenStep !== undefined || plan.dueOfOpenStep) {
      await tx.dossierStep.update({
        where: { id: openStep.id },
        data: {
          ...(plan.holderOfOpenStep !== undefined ? { holderId: plan.holderOfOpenStep } : {}),
          ...(plan.dueOfOpenStep ? { dueAt: plan.dueOfOpenStep } : {}),
        },
        select: { id: true },
      });
    }
  }
  if (plan.openStep) {
    await tx.dossierStep.create({
      data: {
        dossierId: d.id,
        stepId: plan.openStep.stepId,
        order: plan.openStep.order,
        holderId: plan.openStep.holderId,
        startedAt: at,
        dueAt: plan.openStep.dueAt,
      },
      select: { id: true },
    });
  }

  if (plan.resultAttachmentId) {
    await tx.attachment.update({ where: { id: plan.resultAttachmentId }, data: { dossierId: d.id, kind: "RESULT" }, select: { id: true } });
  }
  if (args.alsoWrite) await args.alsoWrite(tx, { dossierId: d.id, eventId: event.id, at });
  await enqueueDossierEventJobs(tx, { eventId: event.id, dossierId: d.id });

  const state = await tx.dossier.findUniqueOrThrow({ where: { id: d.id }, select: dossierStateSelect });
  return { event, dossier: state, replayed: false };
}

// ─── Helpers ───────────────────────────────────────────────────────────────

function stateOf(d: CommandDossier): TDossierState {
  return {
    id: d.id,
    code: d.code,
    status: d.status,
    currentStepOrder: d.currentStepOrder,
    assigneeId: d.assigneeId,
    dueAt: d.dueAt,
    originalDueAt: d.originalDueAt,
    extendedDueAt: d.extendedDueAt,
    stepDueAt: d.stepDueAt,
    pausedAt: d.pausedAt,
    finishedAt: d.finishedAt,
    version: d.version,
    updatedAt: d.updatedAt,
  };
}

function latest(...dates: ReadonlyArray<Date | null>): Date | null {
  let out: Date | null = null;
  for (const d of dates) if (d && (!out || d > out)) out = d;
  return out;
}

function earliest(...dates: ReadonlyArray<Date | null>): Date {
  let out: Date | null = null;
  for (const d of dates) if (d && (!out || d < out)) out = d;
  return out!;
}

function toJson(value: Record<string, unknown>): Prisma.InputJsonObject {
  return JSON.parse(JSON.stringify(value)) as Prisma.InputJsonObject;
}

export function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}
