// Stable identities of what the seed creates. The seed recognises its rows by these fixed ids and
// keys, not by codes, names or e-mail addresses: those are settings administrators may change, and
// the seed must not then create a second copy. Light on purpose: the start-up check imports it.

import { HOLIDAYS_VN } from "../../server/modules/calendar/holidays-vn";
import { citizens, officers, supportingOfficers } from "./accounts";
import { allAgencies } from "./agencies";
import { DEMO_DOSSIER_COUNT } from "./dossier-plan";
import { procedures } from "./procedures";

export const agencySeedIds = allAgencies.map((a) => a.id);

/** Fixed id of a seeded procedure (the code is catalogue data an administrator may correct). */
export function procedureSeedId(code: string): string {
  return `seed-procedure-${code}`;
}

const procedureSeedIds = procedures.map((p) => procedureSeedId(p.code));

/** Fixed id of a demo user: "tiepnhan.hanoi@motcua.test" → "seed-user-tiepnhan-hanoi". */
export function userSeedId(email: string): string {
  return `seed-user-${email.split("@")[0]!.replace(/[^a-z0-9]+/gi, "-").toLowerCase()}`;
}

/** Every user the seed makes: demo accounts and the password-less supporting officers. */
export const demoUserIds = [...officers, ...supportingOfficers, ...citizens].map((u) => userSeedId(u.email));

/** The idempotency key of the n-th event of demo dossier i (n = 0: its creation by createDossier). */
export function seedEventKey(index: number, n: number): string {
  return `seed:${index}:${n}`;
}

export const demoDossierCreationKeys = Array.from({ length: DEMO_DOSSIER_COUNT }, (_, i) => seedEventKey(i, 0));

/** Years of the nationwide holiday table. A year that already has entries is left to its administrators. */
export const HOLIDAY_YEARS = [...new Set(HOLIDAYS_VN.map((h) => Number(h.date.slice(0, 4))))].sort((a, b) => a - b);

/**
 * One round trip that says whether everything is seeded: $1 agency ids, $2 procedure ids,
 * $3 holiday years, $4 demo user ids, $5 demo dossier creation keys, $6 the id of the audit row
 * written once every demo dossier has its whole history.
 */
export const SEED_STATUS_SQL = `
  SELECT
    (SELECT count(*)::int FROM "Agency" WHERE "id" = ANY($1::text[])) AS "agencies",
    (SELECT count(*)::int FROM "ProcedureVersion" WHERE "version" = 1 AND "procedureId" = ANY($2::text[])) AS "procedures",
    (SELECT count(DISTINCT EXTRACT(YEAR FROM "date"))::int FROM "Holiday"
       WHERE "agencyId" IS NULL AND EXTRACT(YEAR FROM "date")::int = ANY($3::int[])) AS "holidayYears",
    (SELECT count(*)::int FROM "User" WHERE "id" = ANY($4::text[])) AS "users",
    (SELECT count(*)::int FROM "DossierEvent" WHERE "idempotencyKey" = ANY($5::text[])) AS "dossiers",
    (SELECT count(*)::int FROM "AuditLog" WHERE "id" = $6) AS "dossiersDone"`;

export interface SeedStatusRow {
  agencies: number;
  procedures: number;
  holidayYears: number;
  users: number;
  dossiers: number;
  dossiersDone: number;
}

/** The audit row recording that the demo dossiers are complete (their histories are written last). */
export const DEMO_DOSSIERS_AUDIT_ID = "seed-demo-dossiers";

export function seedStatusParams(): [string[], string[], number[], string[], string[], string] {
  return [agencySeedIds, procedureSeedIds, HOLIDAY_YEARS, demoUserIds, demoDossierCreationKeys, DEMO_DOSSIERS_AUDIT_ID];
}

export function isSeedComplete(row: SeedStatusRow | undefined, demo: boolean): boolean {
  if (!row) return false;
  const catalogue =
    row.agencies === agencySeedIds.length && row.procedures === procedureSeedIds.length && row.holidayYears === HOLIDAY_YEARS.length;
  return demo
    ? catalogue && row.users === demoUserIds.length && row.dossiers >= DEMO_DOSSIER_COUNT && row.dossiersDone === 1
    : catalogue;
}
