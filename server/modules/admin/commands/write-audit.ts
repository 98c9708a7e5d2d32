// The administration audit trail: one AuditLog row per change, written in the change's own
// transaction (no change without its record, no record of a change that rolled back).
import { Prisma, type DbTx } from "../../../db";
import type { TRole } from "../schema";

export type AuditEntity = "Agency" | "User" | "Membership" | "Holiday" | "Procedure" | "ProcedureVersion" | "Job" | "NotificationTemplate";

interface AuditRecord {
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

/** What the audit keeps of an account: never the password hash. */
export function auditView(row: { id: string; kind: string; name: string; email: string | null; phone: string | null; active: boolean }) {
  return { id: row.id, kind: row.kind, name: row.name, email: row.email, phone: row.phone, active: row.active };
}

export function membershipView(m: { id: string; userId: string; agencyId: string; role: TRole; active: boolean }) {
  return { id: m.id, userId: m.userId, agencyId: m.agencyId, role: m.role, active: m.active };
}
