// The administration audit trail: one AuditLog row per change, written in the change's own
// transaction (no change without its record, no record of a change that rolled back).
import { Prisma, type Db, type DbTx } from "../../db";
import { AppError } from "../../errors";
import { loadAdminActor } from "./policy";
import type { TAuditEntry } from "./schema";

export type AuditEntity = "Agency" | "User" | "Membership" | "Holiday" | "Procedure" | "ProcedureVersion" | "Job" | "NotificationTemplate";

export interface AuditRecord {
  actorUserId: string;
  entity: AuditEntity;
  entityId: string;
  /** A verb: "update", "create", "deactivate", "grant", "import", ... */
  action: string;
  before: unknown;
  after: unknown;
}

/** Dates as ISO strings, BigInts as strings: the JSON column stores what the row said. */
function toJson(value: unknown): Prisma.InputJsonValue | typeof Prisma.DbNull {
  if (value === null || value === undefined) return Prisma.DbNull;
  return JSON.parse(JSON.stringify(value, (_key, v: unknown) => (typeof v === "bigint" ? v.toString() : v))) as Prisma.InputJsonValue;
}

export async function writeAudit(tx: DbTx, record: AuditRecord): Promise<void> {
  await tx.auditLog.create({
    data: {
      actorId: record.actorUserId,
      entity: record.entity,
      entityId: record.entityId,
      action: record.action,
      before: toJson(record.before),
      after: toJson(record.after),
    },
  });
}

/**
 * The audit trail, newest first, keyset-paged by id within equal times. A system administrator sees
 * every entry; an agency administrator sees the entries they or their agency's administrators wrote
 * and those about their agency.
 */
export async function listAuditLog(
  db: Db,
  input: { actorUserId: string; entity?: AuditEntity; entityId?: string; cursor?: string | null; limit?: number },
): Promise<{ items: TAuditEntry[]; nextCursor: string | null }> {
  const actor = await loadAdminActor(db, input.actorUserId);
  const limit = input.limit ?? 50;
  let scope: Prisma.AuditLogWhereInput = {};
  if (!actor.isSystemAdmin) {
    const agencyIds = [...actor.adminAgencyIds];
    scope = {
      OR: [
        { entity: "Agency", entityId: { in: agencyIds } },
        { actor: { memberships: { some: { agencyId: { in: agencyIds }, role: "AGENCY_ADMIN" } } } },
        // Memberships and calendar days record their agency in the row they save.
        ...agencyIds.flatMap((id) => [{ after: { path: ["agencyId"], equals: id } }, { before: { path: ["agencyId"], equals: id } }]),
      ],
    };
  }
  let cursorWhere: Prisma.AuditLogWhereInput = {};
  if (input.cursor) {
    const at = await db.auditLog.findUnique({ where: { id: input.cursor }, select: { at: true, id: true } });
    if (!at) throw new AppError("VALIDATION", { message: `unknown cursor ${input.cursor}` });
    cursorWhere = { OR: [{ at: { lt: at.at } }, { at: at.at, id: { lt: at.id } }] };
  }
  const rows = await db.auditLog.findMany({
    where: {
      AND: [scope, cursorWhere, input.entity ? { entity: input.entity } : {}, input.entityId ? { entityId: input.entityId } : {}],
    },
    orderBy: [{ at: "desc" }, { id: "desc" }],
    take: limit + 1,
    select: { id: true, at: true, actorId: true, actor: { select: { name: true } }, entity: true, entityId: true, action: true, before: true, after: true },
  });
  const page = rows.slice(0, limit);
  return {
    items: page.map((r) => ({
      id: r.id,
      at: r.at,
      actorId: r.actorId,
      actorName: r.actor?.name ?? null,
      entity: r.entity,
      entityId: r.entityId,
      action: r.action,
      before: r.before,
      after: r.after,
    })),
    nextCursor: rows.length > limit ? page[page.length - 1]!.id : null,
  };
}
