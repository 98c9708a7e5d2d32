import type { Db } from "../../../db";
import { AppError } from "../../../errors";
import { parseInput } from "../input";
import { requireSystemAdmin } from "../policy";
import { loadAdminActor } from "../queries/admin-actor";
import { requireAgencies, requireSector, getAdminProcedure } from "../queries/procedures";
import { ZProcedureSettingsSchema, type TAdminProcedure, type TProcedureSettings } from "../schema";
import { writeAudit } from "./write-audit";

/** Sector, level, whether it is offered at all, and by which agencies (not versioned: they are not content). */
export async function updateProcedureSettings(db: Db, input: { actorUserId: string } & TProcedureSettings): Promise<TAdminProcedure> {
  const { actorUserId, ...raw } = input;
  const values = parseInput(ZProcedureSettingsSchema, raw);
  const actor = await loadAdminActor(db, { userId: actorUserId });
  requireSystemAdmin(actor);
  await db.$transaction(async (tx) => {
    const before = await tx.procedure.findUnique({
      where: { id: values.procedureId },
      select: { id: true, code: true, sectorId: true, level: true, active: true, agencies: { select: { agencyId: true } } },
    });
    if (!before) throw new AppError("NOT_FOUND", { message: `procedure ${values.procedureId}` });
    await requireSector(tx, { sectorId: values.sectorId });
    const agencyIds = await requireAgencies(tx, { agencyIds: values.agencyIds });
    await tx.procedure.update({ where: { id: before.id }, data: { sectorId: values.sectorId, level: values.level, active: values.active } });
    await tx.procedureAgency.deleteMany({ where: { procedureId: before.id, agencyId: { notIn: agencyIds } } });
    await tx.procedureAgency.createMany({ data: agencyIds.map((agencyId) => ({ procedureId: before.id, agencyId })), skipDuplicates: true });
    const beforeAgencies = before.agencies.map((a) => a.agencyId).sort();
    await writeAudit(tx, {
      actorUserId,
      entity: "Procedure",
      entityId: before.id,
      action: "update",
      before: { code: before.code, sectorId: before.sectorId, level: before.level, active: before.active, agencyIds: beforeAgencies },
      after: { code: before.code, sectorId: values.sectorId, level: values.level, active: values.active, agencyIds: [...agencyIds].sort() },
    });
  });
  return getAdminProcedure(db, { actorUserId, procedureId: values.procedureId });
}
