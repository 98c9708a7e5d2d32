// What the officer sees of a dossier while actions wait in the outbox: the last state the server
// sent, with the pending actions applied by the same workflow table the server guards with. Only a
// preview: the server decides at sync, and a refusal comes back as a conflict.
import { actorRolesOn } from "~/server/modules/dossier/acting-roles";
import type { TActInput, TDossierDetail } from "~/server/modules/dossier/schema";
import { availableActions, can, type WorkflowContext } from "~/server/modules/dossier/workflow";
import { isPending } from "./outbox";
import type { CachedMe, OutboxEntry } from "./store";

type Role = TDossierDetail["procedure"]["steps"][number]["role"];

export interface PendingEvent {
  seq: number;
  action: TActInput["action"];
  deviceAt: Date;
  state: OutboxEntry["state"];
  /** The workflow already refuses it on the previewed state (it will come back as a conflict). */
  refusedLocally: boolean;
  note: string | null;
}

export interface OptimisticDossier {
  detail: TDossierDetail;
  pending: PendingEvent[];
}

/** The cached detail with the dossier's pending actions applied in order. */
export function applyPending(detail: TDossierDetail, entries: readonly OutboxEntry[], me: CachedMe | undefined, now = new Date()): OptimisticDossier {
  const pendingEntries = entries.filter((e) => e.kind === "act" && e.dossierId === detail.id && isPending(e));
  if (pendingEntries.length === 0 || !me) return { detail, pending: [] };

  let status = detail.status;
  let currentStepOrder = detail.currentStep?.order ?? null;
  let assigneeId = detail.assignee?.id ?? null;
  let version = detail.version;
  const steps = detail.procedure.steps.map((s) => ({ order: s.order, kind: s.kind, role: s.role }));
  // The cache keeps each membership's role as the server sent it (a Role, typed loosely in IndexedDB).
  const memberships = me.memberships as ReadonlyArray<{ agencyId: string; role: Role }>;
  const actorRoles = actorRolesOn({ memberships }, { receivingAgencyId: detail.receivingAgency.id, handlingAgencyId: detail.handlingAgency.id });
  const pending: PendingEvent[] = [];
  const context = (at: Date): WorkflowContext => ({
    status,
    currentStepOrder,
    steps,
    actorRoles,
    actorIsAssignee: assigneeId !== null && assigneeId === me.id,
    actorIsOwner: false,
    now: at,
    dueAt: detail.dueAt,
  });

  for (const entry of pendingEntries) {
    if (entry.kind !== "act") continue;
    const verdict = can(entry.action, context(entry.deviceAt));
    const payload = entry.payload as Record<string, unknown>;
    if (verdict.ok) {
      const next = verdict.next;
      status = next.toStatus;
      if (entry.action === "ASSIGN") assigneeId = typeof payload.assigneeId === "string" ? payload.assigneeId : assigneeId;
      else if (next.stepMove === "next") assigneeId = typeof payload.assigneeId === "string" ? payload.assigneeId : null;
      else if (next.stepMove === "previous" || next.stepMove === "none") assigneeId = null;
      if (next.stepMove !== "stay") currentStepOrder = next.toStepOrder;
    }
    version += 1;
    pending.push({
      seq: entry.seq!,
      action: entry.action,
      deviceAt: entry.deviceAt,
      state: entry.state,
      refusedLocally: !verdict.ok,
      note: entry.note ?? (typeof payload.note === "string" ? payload.note : typeof payload.reason === "string" ? payload.reason : null),
    });
  }

  const step = detail.procedure.steps.find((s) => s.order === currentStepOrder) ?? null;
  const assignee = assigneeId === null ? null : assigneeId === detail.assignee?.id ? detail.assignee : assigneeId === me.id ? { id: me.id, name: me.name } : { id: assigneeId, name: "" };
  const transitions = availableActions(context(now)).map((t) => ({
    action: t.action,
    toStatus: t.toStatus,
    toStepOrder: t.toStepOrder,
    toStepKind: t.toStepKind,
    toStepRole: t.toStepRole,
    form: t.form === null ? null : t.form,
    requiresNote: t.requiresNote,
  }));
  return {
    detail: {
      ...detail,
      status,
      version,
      currentStep: step ? { order: step.order, kind: step.kind, nameVi: step.nameVi, nameEn: step.nameEn, role: step.role } : null,
      assignee,
      // The officer acts on the previewed state; actions a dossier never offers officers stay out.
      availableActions: detail.canAct ? transitions.filter((t) => t.action !== "SUBMIT" && t.action !== "INTAKE" && t.action !== "SUPPLEMENT") : [],
    },
    pending,
  };
}
