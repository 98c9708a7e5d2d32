import { Prisma, type Db } from "../../../db";
import { fieldErrors, parseInput } from "../input";
import { requireSystemAdmin } from "../policy";
import { contentSnapshot, checkedContent, versionData } from "../procedure-version";
import { loadAdminActor } from "../queries/admin-actor";
import { versionSelect, requireAgencies, requireSector } from "../queries/procedures";
import { ZProcedureCreateSchema, type TProcedureCreate } from "../schema";
import { writeAudit } from "./write-audit";

/** A new procedure with its version 1 (published), steps, components and offering agencies. */
export async function createProcedure(db: Db, input: { actorUserId: string } & TProcedureCreate): Promise<{ id: string; versionId: string }> {
  const { actorUserId, ...raw } = input;
  const values = parseInput(ZProcedureCreateSchema, raw);
  const actor = await loadAdminActor(db, { userId: actorUserId });
  requireSystemAdmin(actor);
  const formSchema = checkedContent(values.content);
  try {
    return await db.$transaction(async (tx) => {
      if (await tx.procedure.findUnique({ where: { code: values.code }, select: { id: true } })) {
        throw fieldErrors({ code: "CODE_TAKEN" }, `procedure code ${values.code} is taken`);
      }
      await requireSector(tx, { sectorId: values.sectorId });
      const agencyIds = await requireAgencies(tx, { agencyIds: values.agencyIds });
      const procedure = await tx.procedure.create({
        data: { code: values.code, sectorId: values.sectorId, level: values.level, agencies: { create: agencyIds.map((agencyId) => ({ agencyId })) } },
        select: { id: true },
      });
      const version = await tx.procedureVersion.create({
        data: { procedureId: procedure.id, version: 1, status: "PUBLISHED", ...versionData(values.content, formSchema) },
        select: versionSelect,
      });
      await writeAudit(tx, {
        actorUserId,
        entity: "Procedure",
        entityId: procedure.id,
        action: "create",
        before: null,
        after: { code: values.code, sectorId: values.sectorId, level: values.level, agencyIds, version: contentSnapshot(version) },
      });
      return { id: procedure.id, versionId: version.id };
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw fieldErrors({ code: "CODE_TAKEN" }, "procedure created concurrently");
    throw error;
  }
}
