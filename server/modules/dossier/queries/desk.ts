// Read-side helpers of the officers' desk: assignee pickers, counts, the intake procedure picker.
import type { Db } from "../../../db";
import { AppError } from "../../../errors";
import { holderAgencyIds } from "../commands/act";
import { loadActor } from "./dossier-actor";
import { requireAgencyInScope, requireReadable } from "../policy";
import type { TAssignee, TPickerProcedure, TStatusCounts } from "../schema";
import { DOSSIER_STATUSES, TERMINAL_STATUSES } from "../status";

/** Officers who may hold the dossier's current step (or `stepOrder`), with their open workload. */
export async function listAssignees(
  db: Db,
  input: { actorUserId: string; dossierId: string; stepOrder?: number },
): Promise<TAssignee[]> {
  const actor = await loadActor(db, { userId: input.actorUserId });
  const dossier = await db.dossier.findUnique({
    where: { id: input.dossierId },
    select: {
      receivingAgencyId: true,
      handlingAgencyId: true,
      assigneeId: true,
      currentStepOrder: true,
      procedureVersion: { select: { steps: { select: { order: true, kind: true, role: true } } } },
    },
  });
  requireReadable(actor, dossier, input.dossierId);
  const order = input.stepOrder ?? dossier.currentStepOrder;
  const step = dossier.procedureVersion.steps.find((s) => s.order === order);
  if (!step) return [];

  const users = await db.user.findMany({
    where: {
      active: true,
      kind: "OFFICER",
      memberships: {
        some: { role: step.role, active: true, agencyId: { in: holderAgencyIds(dossier, step.kind) }, agency: { active: true } },
      },
    },
    orderBy: { name: "asc" },
    select: { id: true, name: true },
    take: 500,
  });
  if (users.length === 0) return [];
  const load = await db.dossier.groupBy({
    by: ["assigneeId"],
    where: { assigneeId: { in: users.map((u) => u.id) }, status: { notIn: [...TERMINAL_STATUSES] } },
    _count: { _all: true },
  });
  const openOf = new Map(load.map((r) => [r.assigneeId, r._count._all]));
  return users.map((u) => ({ id: u.id, name: u.name, role: step.role, openCount: openOf.get(u.id) ?? 0 }));
}

/** Dossiers handled by one agency in scope, per status (training-mode dossiers left out). */
export async function countsByStatus(db: Db, input: { actorUserId: string; agencyId: string }): Promise<TStatusCounts> {
  const actor = await loadActor(db, { userId: input.actorUserId });
  requireAgencyInScope(actor, input.agencyId);
  const rows = await db.dossier.groupBy({
    by: ["status"],
    where: { handlingAgencyId: input.agencyId, isTest: false },
    _count: { _all: true },
  });
  const counts = DOSSIER_STATUSES.map((status) => ({
    status,
    count: rows.find((r) => r.status === status)?._count._all ?? 0,
  }));
  return { agencyId: input.agencyId, counts, total: counts.reduce((s, c) => s + c.count, 0) };
}

/**
 * Procedures the agency offers for counter intake: the current published version of each, with the
 * document checklist. Only its own desk officers ask.
 */
export async function procedurePicker(
  db: Db,
  input: { actorUserId: string; agencyId: string },
  options: { now?: Date } = {},
): Promise<TPickerProcedure[]> {
  const actor = await loadActor(db, { userId: input.actorUserId });
  if (!actor.memberships.some((m) => m.agencyId === input.agencyId)) {
    throw new AppError("NOT_FOUND", { message: `agency ${input.agencyId} is outside the scope of user ${actor.userId}` });
  }
  const now = options.now ?? new Date();
  const versions = await db.procedureVersion.findMany({
    where: {
      status: "PUBLISHED",
      validFrom: { lte: now },
      OR: [{ validTo: null }, { validTo: { gt: now } }],
      procedure: { active: true, agencies: { some: { agencyId: input.agencyId } } },
    },
    orderBy: [{ procedureId: "asc" }, { version: "desc" }],
    select: {
      id: true,
      procedureId: true,
      nameVi: true,
      nameEn: true,
      limitValue: true,
      limitUnit: true,
      channels: true,
      feeNoteVi: true,
      procedure: { select: { code: true, sector: { select: { nameVi: true, nameEn: true } } } },
      components: {
        orderBy: { order: "asc" },
        select: { id: true, order: true, nameVi: true, nameEn: true, required: true, copiesVi: true, copiesEn: true },
      },
    },
  });
  const seen = new Set<string>();
  const out: TPickerProcedure[] = [];
  for (const v of versions) {
    if (seen.has(v.procedureId)) continue; // the highest version of each procedure
    seen.add(v.procedureId);
    out.push({
      procedureId: v.procedureId,
      procedureCode: v.procedure.code,
      procedureVersionId: v.id,
      nameVi: v.nameVi,
      nameEn: v.nameEn,
      sectorNameVi: v.procedure.sector.nameVi,
      sectorNameEn: v.procedure.sector.nameEn,
      limitValue: v.limitValue,
      limitUnit: v.limitUnit,
      channels: v.channels,
      feeNoteVi: v.feeNoteVi,
      components: v.components,
    });
  }
  return out.sort((a, b) => a.procedureCode.localeCompare(b.procedureCode));
}
