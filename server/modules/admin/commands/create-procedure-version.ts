import type { Db } from "../../../db";
import { AppError } from "../../../errors";
import { fieldErrors, parseInput } from "../input";
import { requireSystemAdmin } from "../policy";
import { contentSnapshot, checkedContent, versionData } from "../procedure-version";
import { loadAdminActor } from "../queries/admin-actor";
import { versionSelect } from "../queries/procedures";
import { ZProcedureVersionCreateSchema, type TProcedureVersionCreate } from "../schema";
import { writeAudit } from "./write-audit";

/**
 * Publishes an edit as version + 1, valid from `content.validFrom`. The edit must start from the latest
 * version (else CONFLICT: someone published meanwhile) and open after it opened; the latest version's
 * window is closed at the new validFrom, so windows never overlap. Existing dossiers are untouched.
 */
export async function createProcedureVersion(
  db: Db,
  input: { actorUserId: string } & TProcedureVersionCreate,
): Promise<{ id: string; version: number }> {
  const { actorUserId, ...raw } = input;
  const values = parseInput(ZProcedureVersionCreateSchema, raw);
  const actor = await loadAdminActor(db, { userId: actorUserId });
  requireSystemAdmin(actor);
  const formSchema = checkedContent(values.content);
  return db.$transaction(async (tx) => {
    // One publisher at a time per procedure.
    const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "Procedure" WHERE id = ${values.procedureId} FOR UPDATE`;
    if (locked.length === 0) throw new AppError("NOT_FOUND", { message: `procedure ${values.procedureId}` });
    const latest = await tx.procedureVersion.findFirst({ where: { procedureId: values.procedureId }, orderBy: { version: "desc" }, select: versionSelect });
    if (!latest) throw new AppError("NOT_FOUND", { message: `procedure ${values.procedureId} has no version` });
    if (latest.id !== values.basedOnVersionId) {
      throw new AppError("CONFLICT", {
        message: `procedure ${values.procedureId}: version ${latest.version} was published after the edit started`,
        details: { latestVersionId: latest.id, latestVersion: latest.version },
      });
    }
    if (values.content.validFrom <= latest.validFrom) {
      throw fieldErrors({ validFrom: "BEFORE_PREVIOUS" }, `validFrom must be after version ${latest.version}'s (${latest.validFrom.toISOString()})`);
    }
    if (latest.validTo === null || latest.validTo > values.content.validFrom) {
      const closed = await tx.procedureVersion.update({ where: { id: latest.id }, data: { validTo: values.content.validFrom }, select: versionSelect });
      await writeAudit(tx, {
        actorUserId,
        entity: "ProcedureVersion",
        entityId: latest.id,
        action: "close",
        before: { version: latest.version, validFrom: latest.validFrom, validTo: latest.validTo },
        after: { version: closed.version, validFrom: closed.validFrom, validTo: closed.validTo },
      });
    }
    const created = await tx.procedureVersion.create({
      data: { procedureId: values.procedureId, version: latest.version + 1, status: "PUBLISHED", ...versionData(values.content, formSchema) },
      select: versionSelect,
    });
    await writeAudit(tx, {
      actorUserId,
      entity: "ProcedureVersion",
      entityId: created.id,
      action: "create",
      before: contentSnapshot(latest),
      after: contentSnapshot(created),
    });
    await tx.procedure.update({ where: { id: values.procedureId }, data: { updatedAt: new Date() } });
    return { id: created.id, version: created.version };
  });
}
