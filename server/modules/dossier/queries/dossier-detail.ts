// One dossier for an officer: what was filed, where it stands, how it got there, what may follow.
import type { Db, Prisma } from "../../../db";
import { actorIsAssignee, actorRolesOn, canActOnDossier, requireReadable } from "../policy";
import { loadActor } from "./dossier-actor";
import type { TDossierDetail } from "../schema";
import { availableActions } from "../workflow";
import { deadlineFlags } from "../deadline-flags";
import { dueSoonThreshold } from "./worklist";

const agencyRef = { select: { id: true, code: true, nameVi: true, nameEn: true } } as const;

const detailSelect = {
  id: true,
  code: true,
  status: true,
  channel: true,
  version: true,
  isTest: true,
  receivingAgencyId: true,
  handlingAgencyId: true,
  ownerId: true,
  applicantType: true,
  applicantName: true,
  applicantIdNumber: true,
  applicantDateOfBirth: true,
  applicantPhone: true,
  applicantEmail: true,
  applicantAddress: true,
  organisationName: true,
  taxCode: true,
  formData: true,
  currentStepOrder: true,
  assignee: { select: { id: true, name: true } },
  assigneeId: true,
  submittedAt: true,
  receivedAt: true,
  dueAt: true,
  originalDueAt: true,
  extendedDueAt: true,
  stepDueAt: true,
  pausedAt: true,
  finishedAt: true,
  returnedAt: true,
  resultDelivery: true,
  deliveryAddress: true,
  postalWaybill: true,
  resultNumber: true,
  resultIssuedAt: true,
  feeAmount: true,
  feePaidAt: true,
  receivingAgency: agencyRef,
  handlingAgency: agencyRef,
  procedure: { select: { id: true, code: true } },
  procedureVersion: {
    select: {
      id: true,
      version: true,
      nameVi: true,
      nameEn: true,
      limitValue: true,
      limitUnit: true,
      resultNameVi: true,
      resultNameEn: true,
      formSchema: true,
      steps: {
        orderBy: { order: "asc" },
        select: { id: true, order: true, kind: true, nameVi: true, nameEn: true, role: true, allowanceValue: true, allowanceUnit: true },
      },
      components: {
        orderBy: { order: "asc" },
        select: { id: true, order: true, nameVi: true, nameEn: true, required: true, copiesVi: true, copiesEn: true },
      },
    },
  },
  attachments: {
    orderBy: { createdAt: "asc" },
    select: { id: true, kind: true, fileName: true, mimeType: true, sizeBytes: true, documentComponentId: true, createdAt: true },
  },
  events: {
    orderBy: [{ serverAt: "asc" }, { resultingVersion: "asc" }],
    select: {
      id: true,
      action: true,
      actorId: true,
      actor: { select: { name: true } },
      actorRole: true,
      fromStatus: true,
      toStatus: true,
      fromStepOrder: true,
      toStepOrder: true,
      note: true,
      payload: true,
      serverAt: true,
      deviceAt: true,
      resultingVersion: true,
    },
  },
  steps: {
    orderBy: [{ startedAt: "asc" }, { finishedAt: { sort: "asc", nulls: "last" } }],
    select: {
      id: true,
      order: true,
      holderId: true,
      holder: { select: { name: true } },
      startedAt: true,
      dueAt: true,
      finishedAt: true,
      outcome: true,
      step: { select: { kind: true, nameVi: true, nameEn: true } },
    },
  },
  clockEvents: { orderBy: [{ at: "asc" }, { createdAt: "asc" }], select: { id: true, kind: true, at: true, dueAt: true, reason: true } },
} as const satisfies Prisma.DossierSelect;

export async function getDossierDetail(
  db: Db,
  input: { actorUserId: string; dossierId: string },
  options: { now?: Date } = {},
): Promise<TDossierDetail> {
  const actor = await loadActor(db, { userId: input.actorUserId });
  const d = await db.dossier.findUnique({ where: { id: input.dossierId }, select: detailSelect });
  requireReadable(actor, d, input.dossierId);
  const now = options.now ?? new Date();
  const dueSoonBefore = await dueSoonThreshold(db, { actor, agencyId: d.handlingAgencyId }, { now });
  const flags = deadlineFlags(d, now, dueSoonBefore);
  const steps = d.procedureVersion.steps;
  const current = steps.find((s) => s.order === d.currentStepOrder) ?? null;

  const canAct = canActOnDossier(actor, d);
  const actions = canAct
    ? availableActions({
        status: d.status,
        currentStepOrder: d.currentStepOrder,
        steps,
        actorRoles: actorRolesOn(actor, d),
        actorIsAssignee: actorIsAssignee(actor, d),
        actorIsOwner: false,
        now,
        dueAt: d.dueAt,
      }).filter((t) => t.action !== "SUBMIT" && t.action !== "INTAKE" && t.action !== "SUPPLEMENT")
    : [];

  return {
    id: d.id,
    code: d.code,
    status: d.status,
    channel: d.channel,
    version: d.version,
    isTest: d.isTest,
    procedure: {
      id: d.procedure.id,
      code: d.procedure.code,
      versionId: d.procedureVersion.id,
      version: d.procedureVersion.version,
      nameVi: d.procedureVersion.nameVi,
      nameEn: d.procedureVersion.nameEn,
      limitValue: d.procedureVersion.limitValue,
      limitUnit: d.procedureVersion.limitUnit,
      resultNameVi: d.procedureVersion.resultNameVi,
      resultNameEn: d.procedureVersion.resultNameEn,
      formSchema: d.procedureVersion.formSchema as TDossierDetail["procedure"]["formSchema"],
      steps,
      components: d.procedureVersion.components,
    },
    receivingAgency: d.receivingAgency,
    handlingAgency: d.handlingAgency,
    applicant: {
      type: d.applicantType,
      name: d.applicantName,
      idNumber: d.applicantIdNumber,
      dateOfBirth: d.applicantDateOfBirth,
      phone: d.applicantPhone,
      email: d.applicantEmail,
      address: d.applicantAddress,
      organisationName: d.organisationName,
      taxCode: d.taxCode,
    },
    formData: (d.formData ?? {}) as TDossierDetail["formData"],
    currentStep: current ? { order: current.order, kind: current.kind, nameVi: current.nameVi, nameEn: current.nameEn, role: current.role } : null,
    assignee: d.assignee,
    submittedAt: d.submittedAt,
    receivedAt: d.receivedAt,
    dueAt: d.dueAt,
    originalDueAt: d.originalDueAt,
    extendedDueAt: d.extendedDueAt,
    stepDueAt: d.stepDueAt,
    pausedAt: d.pausedAt,
    finishedAt: d.finishedAt,
    returnedAt: d.returnedAt,
    resultDelivery: d.resultDelivery,
    deliveryAddress: d.deliveryAddress,
    postalWaybill: d.postalWaybill,
    resultNumber: d.resultNumber,
    resultIssuedAt: d.resultIssuedAt,
    feeAmount: d.feeAmount,
    feePaidAt: d.feePaidAt,
    overdue: flags.overdue,
    dueSoon: flags.dueSoon,
    attachments: d.attachments,
    events: d.events.map(({ actor: a, ...e }) => ({ ...e, actorName: a?.name ?? null, payload: e.payload as TDossierDetail["events"][number]["payload"] })),
    steps: d.steps.map((s) => ({
      id: s.id,
      order: s.order,
      kind: s.step.kind,
      nameVi: s.step.nameVi,
      nameEn: s.step.nameEn,
      holderId: s.holderId,
      holderName: s.holder?.name ?? null,
      startedAt: s.startedAt,
      dueAt: s.dueAt,
      finishedAt: s.finishedAt,
      outcome: s.outcome,
      onTime: s.finishedAt ? s.finishedAt.getTime() <= s.dueAt.getTime() : null,
    })),
    clockEvents: d.clockEvents,
    availableActions: actions.map((t) => ({
      action: t.action,
      toStatus: t.toStatus,
      toStepOrder: t.toStepOrder,
      toStepKind: t.toStepKind,
      toStepRole: t.toStepRole,
      form: t.form,
      requiresNote: t.requiresNote,
    })),
    canAct,
  };
}
