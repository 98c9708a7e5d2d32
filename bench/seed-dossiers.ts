// Bulk loader for the officer benchmarks: fills Dossier (with consistent code counters, an abridged
// event history, open step instances and clock starts) to a target size with a realistic spread,
// in SQL (`INSERT ... SELECT generate_series`), not through Prisma one row at a time.
//
//   DATABASE_URL=postgresql://postgres@127.0.0.1:5432/motcua_bench_x npx tsx bench/seed-dossiers.ts 1000000
//
// grows a migrated database (name motcua_bench_*) to 1,000,000 dossiers; run it again with a larger
// target to grow it further. The reference data (agencies, procedures, holidays, demo accounts) comes
// from the demo seed's own functions; the demo seed's 300 dossiers are not created.
//
// The spread (deterministic: row i is a function of i and the size of the load it belongs to):
// - 35 agencies, Hà Nội and TP. Hồ Chí Minh much busier, the ministry with its one procedure;
// - the seeded procedures, weighted; channels with a growing online share;
// - submission days over ~3 years up to yesterday, volume rising towards now, heap in day order;
//   counter intake only on working days and hours, online at any time;
// - status from the dossier's age against its procedure's limit (so open dossiers are recent, plus
//   a small stuck tail of old supplement requests and overdue files); most are RETURNED;
// - assignees among each agency's specialists (appraisal) and leaders (approval), from a staff of
//   bench officers sized to the agency, plus the demo officers;
// - searchText made exactly as createDossier makes it (names normalised by normalizeSearchText);
// - codes `<agency>-YYMMDD-NNNN` numbered per agency and Vietnam day after DossierCodeCounter,
//   which is moved past them (a later load continues the day's numbering, so codes stay unique).
//
// Simplifications (none touches what the worklist and look-ups read): due dates skip weekends but
// not holidays; the history is abridged to the creation event, the reception and the last move;
// step instances and clock starts exist for open dossiers only; dossiers predating the procedures'
// version 1 (valid from July 2025) still point at it; no citizen accounts own the online dossiers.
import { pathToFileURL } from "node:url";
import pg from "pg";
import { createDb, type Db } from "../server/db";
import { normalizeSearchText } from "../server/modules/dossier/search-text";
import { allAgencies, provinceFullNameVi } from "../prisma/seed/agencies";
import { seedAgencies, seedHolidays, seedProcedures, seedSectors } from "../prisma/seed/catalogue";
import { planContext, planDossier } from "../prisma/seed/dossier-plan";
import { procedureSeedId } from "../prisma/seed/ids";
import { procedures } from "../prisma/seed/procedures";
import { citizenIdNumber, personName, Random, seedOf, type Gender } from "../prisma/seed/random";
import { seedUsers } from "../prisma/seed/users";

/** Relative dossier volume per agency key (province name, or MINISTRY). The two big cities dominate. */
export const AGENCY_WEIGHTS: Record<string, number> = {
  "Hà Nội": 18,
  "TP. Hồ Chí Minh": 16,
  MINISTRY: 4,
  "Hải Phòng": 3.2,
  "Đà Nẵng": 3,
  "Cần Thơ": 2.4,
  "Đồng Nai": 2.6,
  "Bắc Ninh": 2.6,
  "Quảng Ninh": 2.2,
  "Thanh Hóa": 2.2,
  "Nghệ An": 2.2,
  "Hưng Yên": 1.8,
  "Khánh Hòa": 1.8,
  "Lâm Đồng": 1.6,
  "Tây Ninh": 1.6,
  "Thái Nguyên": 1.6,
  "Phú Thọ": 1.6,
  "Ninh Bình": 1.5,
  "Đắk Lắk": 1.4,
  "Gia Lai": 1.3,
  "An Giang": 1.4,
  "Vĩnh Long": 1.3,
  "Đồng Tháp": 1.3,
  "Huế": 1.3,
  "Quảng Ngãi": 1.2,
  "Hà Tĩnh": 1.1,
  "Quảng Trị": 1.0,
  "Cà Mau": 1.0,
  "Lào Cai": 0.9,
  "Tuyên Quang": 0.8,
  "Sơn La": 0.8,
  "Lạng Sơn": 0.7,
  "Cao Bằng": 0.5,
  "Điện Biên": 0.5,
  "Lai Châu": 0.4,
};

/** Department procedures by volume (the ministry handles its one ministry-level procedure). */
const DEPARTMENT_PROCEDURE_WEIGHTS: Record<string, number> = {
  "2.002131": 30, // X-ray device declarations: the bulk of a department's files
  "1.004473": 12,
  "2.002249": 14,
  "1.005442": 10,
  "3.000453": 14,
  "1.014393": 5,
  "LOCAL.KHCN.001": 6,
};

/** Bench staff per agency: specialists and leaders hold the personal steps, so they are sized to volume. */
function staffFor(weight: number): Record<"SPECIALIST" | "LEADER" | "RECEPTION_OFFICER" | "RECORDS_CLERK", number> {
  return {
    SPECIALIST: Math.max(2, Math.ceil(weight / 1.5)),
    LEADER: Math.max(1, Math.ceil(weight / 6)),
    RECEPTION_OFFICER: Math.max(1, Math.ceil(weight / 4)),
    RECORDS_CLERK: Math.max(1, Math.ceil(weight / 9)),
  };
}

const STAFF_ROLES = ["SPECIALIST", "LEADER", "RECEPTION_OFFICER", "RECORDS_CLERK"] as const;
const SLOTS = 1000;
const NAME_POOL = 4096;
const FORMS_PER_PROCEDURE = 16;
/** Days of history, ending yesterday (Vietnam time). */
export const WINDOW_DAYS = 3 * 365;
/** Rows generated per statement (a transaction each): bounded memory, visible progress. */
const CHUNK = 100_000;

const STREETS = ["Lê Lợi", "Trần Hưng Đạo", "Nguyễn Huệ", "Hai Bà Trưng", "Lý Thường Kiệt", "Quang Trung", "Nguyễn Trãi", "Hùng Vương", "Trần Phú", "Lê Duẩn", "Điện Biên Phủ", "Bà Triệu"];
const COMPANY_WORDS = ["Công nghệ Sao Việt", "Thiết bị Y tế Minh An", "Kỹ thuật Đông Dương", "Phần mềm Hồng Hà", "Cơ khí Thành Công", "Nha khoa Nụ Cười", "Đo lường Việt Tín", "Viễn thông Bắc Nam"];

/** The bench officers' ids: predictable, and never confused with the demo seed's `seed-user-*`. */
export function benchOfficerId(agencyId: string, role: string, n: number): string {
  return `bench-user-${agencyId.replace(/^seed-agency-/, "")}-${role.toLowerCase()}-${n}`;
}

/** Agencies, procedures, holidays and demo accounts through the demo seed's functions; then bench staff. */
export async function seedBenchReference(db: Db): Promise<void> {
  await seedAgencies(db);
  await seedSectors(db);
  await seedProcedures(db);
  await seedHolidays(db);
  await seedUsers(db);
  const users: { id: string; name: string; agencyId: string; role: string }[] = [];
  const rng = new Random(seedOf("bench-staff"));
  for (const agency of allAgencies) {
    const staff = staffFor(agencyWeight(agency.provinceName));
    for (const role of STAFF_ROLES) {
      for (let n = 1; n <= staff[role]; n++) {
        users.push({ id: benchOfficerId(agency.id, role, n), name: personName(rng, rng.chance(0.5) ? "male" : "female"), agencyId: agency.id, role });
      }
    }
  }
  const json = JSON.stringify(users);
  // Password-less officers (cannot sign in): they exist to hold steps, like the seed's supporting officers.
  await db.$executeRaw`
    INSERT INTO "User" ("id", "kind", "name", "email", "active", "updatedAt")
    SELECT u.id, 'OFFICER', u.name, u.id || '@bench.motcua.test', true, now()
    FROM jsonb_to_recordset(${json}::jsonb) AS u(id text, name text)
    ON CONFLICT ("id") DO NOTHING`;
  await db.$executeRaw`
    INSERT INTO "Membership" ("id", "userId", "agencyId", "role", "active")
    SELECT 'bench-m-' || u.id, u.id, u."agencyId", u.role::"Role", true
    FROM jsonb_to_recordset(${json}::jsonb) AS u(id text, "agencyId" text, role text)
    ON CONFLICT ("userId", "agencyId", "role") DO NOTHING`;
}

function agencyWeight(provinceName: string | null): number {
  const w = AGENCY_WEIGHTS[provinceName ?? "MINISTRY"];
  if (w === undefined) throw new Error(`No bench weight for ${provinceName ?? "the ministry"}`);
  return w;
}

/** Spreads weights over SLOTS slots, so SQL picks by an equality join on floor(u * SLOTS). */
function slots<T>(entries: readonly (readonly [T, number])[]): T[] {
  const total = entries.reduce((s, [, w]) => s + w, 0);
  const out: T[] = [];
  let acc = 0;
  for (const [value, w] of entries) {
    acc += w;
    const end = Math.round((acc / total) * SLOTS);
    while (out.length < end) out.push(value);
  }
  return out;
}

/** Reference tables the generator joins (temporary: this session only). */
export async function createReferenceTables(client: pg.ClientBase): Promise<void> {
  const agencyRows = await client.query<{ id: string; code: string; kind: string; provinceName: string | null }>(
    `SELECT id, code, kind::text, "provinceName" FROM "Agency" WHERE id = ANY($1::text[]) ORDER BY id`,
    [allAgencies.map((a) => a.id)],
  );
  if (agencyRows.rows.length !== allAgencies.length) throw new Error("seed the reference data first (seedBenchReference)");
  const idRng = new Random(seedOf("bench-id-prefix"));
  const agencies = agencyRows.rows.map((a, aidx) => ({
    aidx,
    id: a.id,
    code: a.code,
    isMinistry: a.kind === "MINISTRY",
    provinceFull: provinceFullNameVi(a.provinceName ?? "Hà Nội"),
    // The 3-digit CCCD province code of people registered there (the ministry's come from Hà Nội mostly).
    idPrefix: citizenIdNumber(idRng, a.provinceName ?? "Hà Nội", "male", 1980).slice(0, 3),
    weight: agencyWeight(a.provinceName),
  }));

  const versions = await client.query<{
    pidx: number;
    code: string;
    procedureId: string;
    versionId: string;
    limitValue: number;
    fee: { kind: string; amount?: number; min?: number };
    steps: { order: number; kind: string; id: string }[];
  }>(
    `SELECT (row_number() OVER (ORDER BY p.code))::int - 1 AS pidx, p.code, p.id AS "procedureId", v.id AS "versionId", v."limitValue", v.fee,
            (SELECT json_agg(json_build_object('order', s."order", 'kind', s.kind, 'id', s.id) ORDER BY s."order") FROM "ProcedureStep" s WHERE s."procedureVersionId" = v.id) AS steps
     FROM "Procedure" p JOIN "ProcedureVersion" v ON v."procedureId" = p.id AND v.version = 1
     WHERE p.id = ANY($1::text[])`,
    [procedures.map((p) => procedureSeedId(p.code))],
  );
  if (versions.rows.length !== procedures.length) throw new Error("seeded procedures are missing");

  // Form data and addresses: the demo seed's own dossier plans, grouped by procedure.
  const plans = new Map<string, object[]>();
  const ctx = planContext();
  for (let i = 0; i < 4000 && [...plans.values()].reduce((n, l) => n + l.length, 0) < procedures.length * FORMS_PER_PROCEDURE; i++) {
    const plan = planDossier(i, ctx);
    const list = plans.get(plan.procedureCode) ?? [];
    if (list.length < FORMS_PER_PROCEDURE) list.push(plan.formData);
    plans.set(plan.procedureCode, list);
  }

  const procs = versions.rows.map((v) => {
    const first = (kind: string) => {
      const step = v.steps.find((s) => s.kind === kind);
      if (!step) throw new Error(`${v.code} has no ${kind} step`);
      return step.order;
    };
    const forms = plans.get(v.code) ?? [];
    if (forms.length === 0) throw new Error(`no form data sample for ${v.code}`);
    const fee = v.fee.kind === "fixed" ? (v.fee.amount ?? 0) : v.fee.kind === "percent" ? (v.fee.min ?? 0) : v.fee.kind === "schedule" ? 1_500_000 : 0;
    return {
      pidx: v.pidx,
      code: v.code,
      procedureId: v.procedureId,
      versionId: v.versionId,
      limitDays: v.limitValue,
      fee,
      stepAppraisal: first("APPRAISAL"),
      stepApproval: first("APPROVAL"),
      stepIssuance: first("ISSUANCE"),
      stepReturn: first("RETURN"),
      forms,
      steps: v.steps,
    };
  });
  const pidxOf = new Map(procs.map((p) => [p.code, p.pidx]));
  const ministryProcedures = procedures.filter((p) => p.level === "MINISTRY").map((p) => [pidxOf.get(p.code)!, 1] as const);
  const departmentProcedures = Object.entries(DEPARTMENT_PROCEDURE_WEIGHTS).map(([code, w]) => {
    const pidx = pidxOf.get(code);
    if (pidx === undefined) throw new Error(`no seeded procedure ${code}`);
    return [pidx, w] as const;
  });

  // Staff pools: every active officer holding the role at the agency (bench staff and demo officers).
  const staff = await client.query<{ agencyId: string; role: string; userId: string }>(
    `SELECT m."agencyId", m.role::text, m."userId" FROM "Membership" m JOIN "User" u ON u.id = m."userId"
     WHERE m.active AND u.active AND u.kind = 'OFFICER' AND m.role::text = ANY($1::text[]) AND m."agencyId" = ANY($2::text[])
     ORDER BY m."agencyId", m.role, m."userId"`,
    [[...STAFF_ROLES], agencies.map((a) => a.id)],
  );
  const aidxOf = new Map(agencies.map((a) => [a.id, a.aidx]));
  const officerRows: { aidx: number; role: string; k: number; userId: string }[] = [];
  const poolSize = new Map<string, number>();
  for (const s of staff.rows) {
    const key = `${s.agencyId}|${s.role}`;
    const k = poolSize.get(key) ?? 0;
    officerRows.push({ aidx: aidxOf.get(s.agencyId)!, role: s.role, k, userId: s.userId });
    poolSize.set(key, k + 1);
  }
  const pool = (agencyId: string, role: string) => {
    const n = poolSize.get(`${agencyId}|${role}`) ?? 0;
    if (n === 0) throw new Error(`no ${role} at ${agencyId}`);
    return n;
  };

  const nameRng = new Random(seedOf("bench-names"));
  const names = Array.from({ length: NAME_POOL }, (_, k) => {
    const gender: Gender = nameRng.chance(0.5) ? "male" : "female";
    const name = personName(nameRng, gender);
    return { k, name, norm: normalizeSearchText(name), female: gender === "female" };
  });

  const statements = `
    DROP TABLE IF EXISTS bench_agency, bench_agency_slot, bench_proc, bench_proc_step, bench_proc_slot, bench_officer, bench_name, bench_form;
    CREATE TEMP TABLE bench_agency (aidx int PRIMARY KEY, id text, code text, is_ministry bool, province_full text, id_prefix text,
      n_spec int, n_lead int, n_recep int, n_clerk int);
    CREATE TEMP TABLE bench_agency_slot (slot int PRIMARY KEY, aidx int);
    CREATE TEMP TABLE bench_proc (pidx int PRIMARY KEY, procedure_id text, version_id text, limit_days int, fee bigint,
      step_appraisal int, step_approval int, step_issuance int, step_return int, n_forms int);
    CREATE TEMP TABLE bench_proc_step (pidx int, ord int, id text, PRIMARY KEY (pidx, ord));
    CREATE TEMP TABLE bench_proc_slot (is_ministry bool, slot int, pidx int, PRIMARY KEY (is_ministry, slot));
    CREATE TEMP TABLE bench_officer (aidx int, role text, k int, user_id text, PRIMARY KEY (aidx, role, k));
    CREATE TEMP TABLE bench_name (k int PRIMARY KEY, name text, norm text, female bool);
    CREATE TEMP TABLE bench_form (pidx int, k int, form jsonb, PRIMARY KEY (pidx, k));
    CREATE OR REPLACE FUNCTION pg_temp.bench_u(i bigint, k int) RETURNS float8 LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
      $f$ SELECT ((hashint8extended(i, k) >> 11) & 9007199254740991)::float8 / 9007199254740992.0 $f$;
    -- n working days after a weekday d (weekends skipped; holidays are not modelled here).
    CREATE OR REPLACE FUNCTION pg_temp.bench_add_wd(d date, n int) RETURNS date LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
      $f$ SELECT d + (n / 5) * 7 + (n % 5) + CASE WHEN extract(isodow FROM d)::int + (n % 5) > 5 THEN 2 ELSE 0 END $f$;`;
  await client.query(statements);

  const insert = async (table: string, columns: string, rows: unknown[]) => {
    await client.query(`INSERT INTO ${table} SELECT * FROM json_populate_recordset(NULL::${table}, $1::json)`, [
      JSON.stringify(rows.map((r) => Object.fromEntries(columns.split(",").map((c, idx) => [c.trim(), (r as unknown[])[idx]])))),
    ]);
  };
  await insert(
    "bench_agency",
    "aidx, id, code, is_ministry, province_full, id_prefix, n_spec, n_lead, n_recep, n_clerk",
    agencies.map((a) => [a.aidx, a.id, a.code, a.isMinistry, a.provinceFull, a.idPrefix, pool(a.id, "SPECIALIST"), pool(a.id, "LEADER"), pool(a.id, "RECEPTION_OFFICER"), pool(a.id, "RECORDS_CLERK")]),
  );
  await insert("bench_agency_slot", "slot, aidx", slots(agencies.map((a) => [a.aidx, a.weight] as const)).map((aidx, slot) => [slot, aidx]));
  await insert(
    "bench_proc",
    "pidx, procedure_id, version_id, limit_days, fee, step_appraisal, step_approval, step_issuance, step_return, n_forms",
    procs.map((p) => [p.pidx, p.procedureId, p.versionId, p.limitDays, p.fee, p.stepAppraisal, p.stepApproval, p.stepIssuance, p.stepReturn, p.forms.length]),
  );
  await insert("bench_proc_step", "pidx, ord, id", procs.flatMap((p) => p.steps.map((s) => [p.pidx, s.order, s.id])));
  await insert("bench_proc_slot", "is_ministry, slot, pidx", [
    ...slots(ministryProcedures).map((pidx, slot) => [true, slot, pidx]),
    ...slots(departmentProcedures).map((pidx, slot) => [false, slot, pidx]),
  ]);
  await insert("bench_officer", "aidx, role, k, user_id", officerRows.map((o) => [o.aidx, o.role, o.k, o.userId]));
  await insert("bench_name", "k, name, norm, female", names.map((n) => [n.k, n.name, n.norm, n.female]));
  await insert("bench_form", "pidx, k, form", procs.flatMap((p) => p.forms.map((f, k) => [p.pidx, k, f])));
  await client.query("ANALYZE bench_agency, bench_agency_slot, bench_proc, bench_proc_step, bench_proc_slot, bench_officer, bench_name, bench_form");
}

/**
 * One chunk of generated dossiers into the temp table bench_batch: j in [jFrom, jTo] of a load of
 * `loadSize` rows whose global indexes start after `offset`.
 * $1 offset, $2 load size, $3 jFrom, $4 jTo, $5 now, $6 window days.
 */
export const GENERATE_SQL = `
INSERT INTO bench_batch
WITH s AS MATERIALIZED (
  -- independent uniform draws per row (materialised stages keep the planner from inlining the chain)
  SELECT g.i,
         -- position in the window; volume density rises linearly towards now (0.5x .. 1.5x average)
         -0.5 + sqrt(0.25 + 2 * ((g.j + pg_temp.bench_u(g.i, 1)) / $2::float8)) AS xw,
         pg_temp.bench_u(g.i, 2) AS u2,
         pg_temp.bench_u(g.i, 3) AS u3,
         pg_temp.bench_u(g.i, 4) AS u4,
         pg_temp.bench_u(g.i, 5) AS u5,
         pg_temp.bench_u(g.i, 6) AS u6,
         pg_temp.bench_u(g.i, 7) AS u7,
         pg_temp.bench_u(g.i, 8) AS u8,
         pg_temp.bench_u(g.i, 9) AS u9,
         pg_temp.bench_u(g.i, 10) AS u10,
         pg_temp.bench_u(g.i, 11) AS u11,
         pg_temp.bench_u(g.i, 12) AS u12,
         pg_temp.bench_u(g.i, 13) AS u13,
         pg_temp.bench_u(g.i, 14) AS u14,
         pg_temp.bench_u(g.i, 15) AS u15,
         pg_temp.bench_u(g.i, 16) AS u16,
         pg_temp.bench_u(g.i, 17) AS u17,
         pg_temp.bench_u(g.i, 18) AS u18,
         pg_temp.bench_u(g.i, 19) AS u19,
         pg_temp.bench_u(g.i, 20) AS u20,
         pg_temp.bench_u(g.i, 21) AS u21,
         pg_temp.bench_u(g.i, 22) AS u22,
         pg_temp.bench_u(g.i, 23) AS u23,
         pg_temp.bench_u(g.i, 24) AS u24,
         pg_temp.bench_u(g.i, 25) AS u25,
         pg_temp.bench_u(g.i, 26) AS u26,
         pg_temp.bench_u(g.i, 27) AS u27,
         pg_temp.bench_u(g.i, 28) AS u28,
         pg_temp.bench_u(g.i, 30) AS u30,
         pg_temp.bench_u(g.i, 31) AS u31,
         pg_temp.bench_u(g.i, 32) AS u32
  FROM (SELECT j, $1::bigint + j + 1 AS i FROM generate_series($3::bigint, $4::bigint) AS j) g
), a AS (
  SELECT s.*, ag.*, pr.*,
         s.u2 AS u_ch,
         ((($5::timestamptz AT TIME ZONE 'Asia/Ho_Chi_Minh')::date - $6::int) + least($6::int - 1, floor(s.xw * $6::int)::int)) AS day0
  FROM s
  JOIN bench_agency_slot sl ON sl.slot = floor(s.u3 * ${SLOTS})::int
  JOIN bench_agency ag ON ag.aidx = sl.aidx
  JOIN bench_proc_slot ps ON ps.is_ministry = ag.is_ministry AND ps.slot = floor(s.u4 * ${SLOTS})::int
  JOIN bench_proc pr ON pr.pidx = ps.pidx
), c AS (
  SELECT a.*,
         CASE WHEN a.u_ch < 0.30 + 0.40 * a.xw THEN 2 WHEN a.u_ch < 0.38 + 0.40 * a.xw THEN 3 ELSE 1 END AS ch
  FROM a
), t AS (
  SELECT c.*,
         -- counter intake on working days (a weekend draw moves back to Friday) and hours; online any time
         CASE WHEN c.ch = 2
              THEN (c.day0 + interval '6 hours' + c.u5 * interval '17 hours')
              ELSE ((c.day0 - greatest(0, extract(isodow FROM c.day0)::int - 5)) + interval '7 hours'
                    + CASE WHEN c.u5 * 8 < 4.5 THEN c.u5 * interval '8 hours'
                           ELSE c.u5 * interval '8 hours' + interval '2 hours' END)
         END AS sub_local
  FROM c
), r AS MATERIALIZED (
  SELECT t.*,
         (t.sub_local AT TIME ZONE 'Asia/Ho_Chi_Minh') AS submitted_at,
         -- online: picked up after a delay (mostly within the day), never on a weekend
         CASE WHEN t.ch = 2 THEN
           (t.sub_local + (0.05 + 1.5 * t.u6 ^ 2) * interval '1 day'
              + CASE WHEN extract(isodow FROM t.sub_local + (0.05 + 1.5 * t.u6 ^ 2) * interval '1 day') >= 6
                     THEN (8 - extract(isodow FROM t.sub_local + (0.05 + 1.5 * t.u6 ^ 2) * interval '1 day'))::int * interval '1 day'
                     ELSE interval '0' END)
         ELSE t.sub_local END AS recv_local
  FROM t
), o AS MATERIALIZED (
  SELECT r.*,
         (r.recv_local AT TIME ZONE 'Asia/Ho_Chi_Minh') AS recv_at,
         ((pg_temp.bench_add_wd(r.recv_local::date, r.limit_days) + time '17:00') AT TIME ZONE 'Asia/Ho_Chi_Minh') AS due,
         -- processing takes 35%..115% of the limit in calendar terms (a minority late)
         (r.recv_local AT TIME ZONE 'Asia/Ho_Chi_Minh') + r.limit_days * 1.4 * (0.35 + 0.8 * r.u7) * interval '1 day' AS done_at,
         (0.2 + 6 * r.u8 ^ 2) * interval '1 day' AS ret_delay,
         r.u9 AS u_pre, r.u10 AS u_mid, r.u11 AS u_end
  FROM r
), st AS MATERIALIZED (
  SELECT o.*,
         (o.ch = 2 AND (o.recv_at > $5::timestamptz OR o.u_pre < 0.04)) AS pre,
         least(1.0, extract(epoch FROM ($5::timestamptz - o.recv_at)) / nullif(extract(epoch FROM (o.done_at - o.recv_at)), 0)) AS p,
         CASE
           WHEN o.ch = 2 AND o.recv_at > $5::timestamptz THEN 'NEW'
           WHEN o.ch = 2 AND o.u_pre < 0.03 THEN 'REFUSED'
           WHEN o.ch = 2 AND o.u_pre < 0.04 THEN 'WITHDRAWN'
           WHEN $5::timestamptz < o.done_at THEN
             CASE WHEN extract(epoch FROM ($5::timestamptz - o.recv_at)) < 0.2 * extract(epoch FROM (o.done_at - o.recv_at)) THEN 'RECEIVED'
                  WHEN o.u_mid < 0.12 THEN 'SUPPLEMENT_REQUESTED'
                  WHEN o.fee > 0 AND o.u_mid < 0.22 THEN 'AWAITING_FEE'
                  ELSE 'PROCESSING' END
           -- a stuck tail: overdue files of the last months, supplement requests the applicant never answered
           WHEN o.u_end < 0.003 AND $5::timestamptz - o.submitted_at < interval '120 days' THEN 'PROCESSING'
           WHEN o.u_end < 0.006 THEN 'SUPPLEMENT_REQUESTED'
           WHEN o.u_end < 0.026 THEN 'STOPPED'
           WHEN o.u_end < 0.036 THEN 'WITHDRAWN'
           WHEN $5::timestamptz < o.done_at + o.ret_delay OR o.u_end > 0.996 THEN 'PROCESSED'
           ELSE 'RETURNED'
         END AS status
  FROM o
), k AS (
  SELECT st.*,
         CASE
           WHEN st.status = 'NEW' THEN 1
           WHEN st.status IN ('RECEIVED', 'SUPPLEMENT_REQUESTED', 'AWAITING_FEE') THEN st.step_appraisal
           WHEN st.status = 'PROCESSING' AND st.done_at <= $5::timestamptz THEN st.step_appraisal
           WHEN st.status = 'PROCESSING' THEN CASE WHEN st.p < 0.6 THEN st.step_appraisal WHEN st.p < 0.85 THEN st.step_approval ELSE st.step_issuance END
           WHEN st.status = 'PROCESSED' THEN st.step_return
         END AS step_order
  FROM st
), w AS (
  SELECT k.*,
         CASE WHEN k.step_order = k.step_appraisal AND (k.status <> 'RECEIVED' OR k.u12 < 0.4) THEN 'SPECIALIST'
              WHEN k.step_order = k.step_approval THEN 'LEADER' END AS holder_role,
         CASE k.status
           WHEN 'REFUSED' THEN 'RECEPTION_OFFICER' WHEN 'WITHDRAWN' THEN 'RECEPTION_OFFICER' WHEN 'RETURNED' THEN 'RECEPTION_OFFICER'
           WHEN 'RECEIVED' THEN 'LEADER' WHEN 'STOPPED' THEN 'LEADER' WHEN 'PROCESSED' THEN 'RECORDS_CLERK'
           WHEN 'PROCESSING' THEN CASE WHEN k.step_order = k.step_approval THEN 'SPECIALIST' ELSE 'LEADER' END
           ELSE 'SPECIALIST' END AS last_role,
         CASE WHEN k.status IN ('NEW', 'REFUSED') OR (k.status = 'WITHDRAWN' AND k.pre) THEN NULL ELSE k.recv_at END AS received_at,
         CASE WHEN k.status IN ('REFUSED') OR (k.status = 'WITHDRAWN' AND k.pre) THEN k.recv_at
              WHEN k.status IN ('STOPPED', 'WITHDRAWN', 'PROCESSED', 'RETURNED') THEN k.done_at END AS finished_at,
         CASE WHEN k.ch = 2 THEN k.submitted_at ELSE k.recv_at END AS code_at
  FROM k
), x AS MATERIALIZED (
  SELECT w.*,
         CASE WHEN w.received_at IS NULL THEN NULL ELSE w.due END AS due_at,
         CASE WHEN w.status IN ('SUPPLEMENT_REQUESTED', 'AWAITING_FEE')
              THEN w.recv_at + (least($5::timestamptz, w.done_at) - w.recv_at) * (0.3 + 0.5 * w.u13) END AS paused_at,
         CASE WHEN w.status = 'RETURNED' THEN w.done_at + w.ret_delay END AS returned_at,
         CASE WHEN w.ch = 3 THEN 'BY_POST'
              WHEN w.u14 < CASE WHEN w.ch = 2 THEN 0.45 ELSE 0.15 END THEN 'BY_POST' ELSE 'AT_DESK' END AS delivery,
         to_char(w.code_at AT TIME ZONE 'Asia/Ho_Chi_Minh', 'YYMMDD') AS code_day,
         (w.ch = 2 AND NOT w.pre) AS has_receive,
         floor(w.u15 * ${NAME_POOL})::int AS name_k,
         1960 + floor(w.u16 * 45)::int AS birth_year,
         w.u17 AS u_type
  FROM w
), y AS (
  SELECT x.*,
         x.status NOT IN ('REFUSED', 'WITHDRAWN', 'STOPPED', 'RETURNED') AS open,
         CASE WHEN x.status = 'NEW' OR (x.status = 'RECEIVED' AND x.holder_role IS NULL) THEN NULL
              WHEN x.status = 'WITHDRAWN' AND x.pre THEN 'WITHDRAW'
              ELSE CASE x.status
                WHEN 'REFUSED' THEN 'REFUSE' WHEN 'WITHDRAWN' THEN 'WITHDRAW' WHEN 'RECEIVED' THEN 'ASSIGN'
                WHEN 'SUPPLEMENT_REQUESTED' THEN 'REQUEST_SUPPLEMENT' WHEN 'AWAITING_FEE' THEN 'REQUEST_FEE'
                WHEN 'STOPPED' THEN 'STOP' WHEN 'PROCESSED' THEN 'ISSUE_RESULT' WHEN 'RETURNED' THEN 'RETURN_RESULT'
                WHEN 'PROCESSING' THEN CASE WHEN x.step_order = x.step_appraisal THEN 'SEND_BACK' WHEN x.step_order = x.step_approval THEN 'FORWARD' ELSE 'APPROVE' END
              END END AS last_action
  FROM x
)
SELECT
  y.i,
  'c' || lpad(to_hex((extract(epoch FROM y.submitted_at) * 1000)::bigint), 11, '0') || lpad(to_hex(y.i), 8, '0')
      || lpad(to_hex(hashint8extended(y.i, 99) & 1048575), 5, '0') AS id,
  y.aidx, y.id AS agency_id, y.code AS agency_code, y.pidx, y.procedure_id, y.version_id,
  y.ch, y.status, y.step_order, y.open, y.pre,
  ho.user_id AS assignee_id, re.user_id AS reception_id, la.user_id AS last_actor_id, y.holder_role, y.last_role, y.last_action, y.has_receive,
  y.submitted_at, y.received_at, y.due_at,
  CASE WHEN y.open AND y.step_order IS NOT NULL AND y.received_at IS NOT NULL THEN
    CASE WHEN y.step_order = y.step_return THEN y.done_at + interval '2 days'
         ELSE y.received_at + (y.due_at - y.received_at) * CASE WHEN y.step_order = y.step_appraisal THEN 0.6 WHEN y.step_order = y.step_approval THEN 0.85 ELSE 0.95 END
    END END AS step_due_at,
  y.paused_at, y.finished_at, y.returned_at, y.done_at,
  y.delivery,
  CASE WHEN y.status IN ('PROCESSED', 'RETURNED') THEN (y.i % 100000)::text || '/GCN-' || split_part(y.code, '.', 4) END AS result_number,
  CASE WHEN y.status IN ('PROCESSED', 'RETURNED') THEN y.done_at END AS result_issued_at,
  CASE WHEN y.fee > 0 AND y.received_at IS NOT NULL THEN y.fee END AS fee_amount,
  CASE WHEN y.fee > 0 AND y.status IN ('PROCESSED', 'RETURNED') THEN y.received_at + (y.done_at - y.received_at) / 2 END AS fee_paid_at,
  CASE WHEN y.status = 'RETURNED' AND y.delivery = 'BY_POST' THEN 'EB' || lpad((hashint8extended(y.i, 98) & 134217727)::text, 9, '0') || 'VN' END AS waybill,
  nm.name,
  nm.norm AS name_norm,
  y.id_prefix || ((CASE WHEN y.birth_year >= 2000 THEN 2 ELSE 0 END) + CASE WHEN nm.female THEN 1 ELSE 0 END)::text
      || lpad((y.birth_year % 100)::text, 2, '0') || lpad(floor(y.u18 * 1000000)::int::text, 6, '0') AS id_number,
  make_date(y.birth_year, 1 + floor(y.u19 * 12)::int, 1 + floor(y.u20 * 28)::int) AS birth_date,
  '0' || (ARRAY['32','33','34','35','36','37','38','39','70','76','77','78','79','81','83','84','85','86','88','90','91','93','94','96','97','98'])[1 + floor(y.u21 * 26)::int]
      || lpad(floor(y.u22 * 10000000)::int::text, 7, '0') AS phone,
  CASE WHEN y.u23 < 0.6 THEN 'nguoidung' || y.i || '@example.vn' END AS email,
  'Số ' || (1 + floor(y.u24 * 300)::int) || ' ' || (ARRAY[${STREETS.map((s) => `'${s}'`).join(",")}])[1 + floor(y.u25 * ${STREETS.length})::int]
      || ', ' || y.province_full AS address,
  CASE WHEN y.u_type < 0.6 THEN 'CITIZEN' WHEN y.u_type < 0.95 THEN 'BUSINESS' ELSE 'ORGANISATION' END AS applicant_type,
  CASE WHEN y.u_type >= 0.6 THEN 'Công ty TNHH ' || (ARRAY[${COMPANY_WORDS.map((s) => `'${s}'`).join(",")}])[1 + floor(y.u26 * ${COMPANY_WORDS.length})::int] END AS org_name,
  CASE WHEN y.u_type >= 0.6 AND y.u_type < 0.95 THEN '0' || lpad(floor(y.u27 * 1000000000)::bigint::text, 9, '0') END AS tax_code,
  floor(y.u28 * y.n_forms)::int AS form_k,
  y.code_at, y.code_day,
  NULL::int AS number, NULL::text AS code
FROM y
JOIN bench_name nm ON nm.k = y.name_k
LEFT JOIN bench_officer ho ON ho.aidx = y.aidx AND ho.role = y.holder_role
  AND ho.k = floor(y.u30 * CASE y.holder_role WHEN 'SPECIALIST' THEN y.n_spec ELSE y.n_lead END)::int
JOIN bench_officer re ON re.aidx = y.aidx AND re.role = 'RECEPTION_OFFICER' AND re.k = floor(y.u31 * y.n_recep)::int
JOIN bench_officer la ON la.aidx = y.aidx AND la.role = y.last_role
  AND la.k = floor(y.u32 * CASE y.last_role WHEN 'SPECIALIST' THEN y.n_spec WHEN 'LEADER' THEN y.n_lead
                                                               WHEN 'RECORDS_CLERK' THEN y.n_clerk ELSE y.n_recep END)::int`;

export const BATCH_TABLE_SQL = `
CREATE TEMP TABLE IF NOT EXISTS bench_batch (
  i bigint, id text, aidx int, agency_id text, agency_code text, pidx int, procedure_id text, version_id text,
  ch int, status text, step_order int, open bool, pre bool,
  assignee_id text, reception_id text, last_actor_id text, holder_role text, last_role text, last_action text, has_receive bool,
  submitted_at timestamptz, received_at timestamptz, due_at timestamptz, step_due_at timestamptz, paused_at timestamptz,
  finished_at timestamptz, returned_at timestamptz, done_at timestamptz, delivery text, result_number text, result_issued_at timestamptz,
  fee_amount bigint, fee_paid_at timestamptz, waybill text, name text, name_norm text, id_number text, birth_date date, phone text,
  email text, address text, applicant_type text, org_name text, tax_code text, form_k int, code_at timestamptz, code_day text,
  number int, code text)`;

/** Numbers each (agency, day) after the counter, then moves the counter past them. */
const NUMBER_SQL = `
UPDATE bench_batch b SET number = n.number,
  code = b.agency_code || '-' || b.code_day || '-' || CASE WHEN n.number < 10000 THEN lpad(n.number::text, 4, '0') ELSE n.number::text END
FROM (
  SELECT bb.i, coalesce(cc."lastNumber", 0) + row_number() OVER (PARTITION BY bb.aidx, bb.code_day ORDER BY bb.code_at, bb.i) AS number
  FROM bench_batch bb LEFT JOIN "DossierCodeCounter" cc ON cc."agencyId" = bb.agency_id AND cc.day = bb.code_day
) n WHERE n.i = b.i`;

const COUNTER_SQL = `
INSERT INTO "DossierCodeCounter" ("agencyId", day, "lastNumber")
SELECT agency_id, code_day, max(number) FROM bench_batch GROUP BY agency_id, code_day
ON CONFLICT ("agencyId", day) DO UPDATE SET "lastNumber" = greatest("DossierCodeCounter"."lastNumber", EXCLUDED."lastNumber")`;

const DOSSIER_SQL = `
INSERT INTO "Dossier" (id, code, "procedureId", "procedureVersionId", "receivingAgencyId", "handlingAgencyId",
  "applicantType", "applicantName", "applicantIdNumber", "applicantDateOfBirth", "applicantPhone", "applicantEmail", "applicantAddress",
  "organisationName", "taxCode", "searchText", channel, status, "currentStepOrder", "assigneeId", "formData",
  "submittedAt", "receivedAt", "dueAt", "originalDueAt", "stepDueAt", "pausedAt", "finishedAt", "returnedAt",
  "resultDelivery", "deliveryAddress", "postalWaybill", "resultNumber", "resultIssuedAt", "feeAmount", "feePaidAt",
  version, "isTest", "createdAt", "updatedAt")
SELECT b.id, b.code, b.procedure_id, b.version_id, b.agency_id, b.agency_id,
  b.applicant_type::"ApplicantType", b.name, b.id_number, b.birth_date, b.phone, b.email, b.address,
  b.org_name, b.tax_code,
  -- = normalizeSearchText(code, applicantName, applicantIdNumber): codes are ASCII, names pre-normalised
  lower(b.code) || ' ' || b.name_norm || ' ' || b.id_number,
  b.ch, b.status::"DossierStatus", b.step_order, b.assignee_id, f.form,
  b.submitted_at, b.received_at, b.due_at, b.due_at, b.step_due_at, b.paused_at, b.finished_at, b.returned_at,
  b.delivery::"ResultDelivery", CASE WHEN b.delivery = 'BY_POST' THEN b.address END, b.waybill, b.result_number, b.result_issued_at,
  b.fee_amount, b.fee_paid_at,
  1 + b.has_receive::int + (b.last_action IS NOT NULL)::int, false, b.submitted_at,
  greatest(b.submitted_at, b.received_at, b.paused_at, b.finished_at, b.returned_at)
FROM bench_batch b JOIN bench_form f ON f.pidx = b.pidx AND f.k = b.form_k
ORDER BY b.submitted_at`;

/** The creation event, the reception of an online dossier, and the move that led to the status. */
const EVENT_SQL = `
INSERT INTO "DossierEvent" (id, "dossierId", "actorId", "actorRole", action, "fromStatus", "toStatus", "fromStepOrder", "toStepOrder",
  note, payload, "serverAt", "idempotencyKey", "resultingVersion")
SELECT 'e' || substr(b.id, 2) || e.n, b.id, e.actor, e.role::"Role", e.action::"DossierAction", e.from_status::"DossierStatus",
  e.to_status::"DossierStatus", e.from_step, e.to_step, e.note, e.payload, e.at,
  'bench:' || lpad(b.i::text, 10, '0') || ':' || e.n, e.n + 1
FROM bench_batch b
JOIN bench_proc p ON p.pidx = b.pidx
CROSS JOIN LATERAL (
  SELECT 0 AS n, CASE WHEN b.ch = 2 THEN NULL ELSE b.reception_id END AS actor, CASE WHEN b.ch = 2 THEN NULL ELSE 'RECEPTION_OFFICER' END AS role,
         CASE WHEN b.ch = 2 THEN 'SUBMIT' ELSE 'INTAKE' END AS action, NULL::text AS from_status,
         CASE WHEN b.ch = 2 THEN 'NEW' ELSE 'RECEIVED' END AS to_status, NULL::int AS from_step,
         CASE WHEN b.ch = 2 THEN 1 ELSE p.step_appraisal END AS to_step, NULL::text AS note,
         jsonb_build_object('code', b.code, 'channel', b.ch) AS payload, b.submitted_at AS at
  UNION ALL
  SELECT 1, b.reception_id, 'RECEPTION_OFFICER', 'RECEIVE', 'NEW', 'RECEIVED', 1, p.step_appraisal, NULL, '{}'::jsonb, b.received_at
  WHERE b.has_receive
  UNION ALL
  SELECT 1 + b.has_receive::int, b.last_actor_id, b.last_role, b.last_action,
         CASE b.last_action WHEN 'REFUSE' THEN 'NEW' WHEN 'ASSIGN' THEN 'RECEIVED' WHEN 'RETURN_RESULT' THEN 'PROCESSED'
              WHEN 'WITHDRAW' THEN CASE WHEN b.pre THEN 'NEW' ELSE 'PROCESSING' END
              WHEN 'REQUEST_SUPPLEMENT' THEN 'RECEIVED' WHEN 'REQUEST_FEE' THEN 'RECEIVED' WHEN 'FORWARD' THEN 'RECEIVED'
              ELSE 'PROCESSING' END,
         b.status,
         CASE b.last_action WHEN 'REFUSE' THEN 1 WHEN 'RETURN_RESULT' THEN p.step_return WHEN 'ISSUE_RESULT' THEN p.step_issuance
              WHEN 'APPROVE' THEN p.step_approval WHEN 'SEND_BACK' THEN p.step_approval WHEN 'STOP' THEN p.step_approval
              WHEN 'WITHDRAW' THEN CASE WHEN b.pre THEN 1 ELSE p.step_appraisal END
              ELSE p.step_appraisal END,
         b.step_order,
         CASE b.last_action WHEN 'REFUSE' THEN 'Hồ sơ không thuộc thẩm quyền giải quyết' WHEN 'REQUEST_SUPPLEMENT' THEN 'Đề nghị bổ sung bản sao hợp lệ giấy tờ'
              WHEN 'STOP' THEN 'Tổ chức, cá nhân không đáp ứng điều kiện' WHEN 'WITHDRAW' THEN 'Rút hồ sơ theo đề nghị của người nộp'
              WHEN 'SEND_BACK' THEN 'Đề nghị thẩm định lại' END,
         '{}'::jsonb,
         CASE WHEN b.last_action IN ('REQUEST_SUPPLEMENT', 'REQUEST_FEE') THEN b.paused_at
              WHEN b.last_action = 'RETURN_RESULT' THEN b.returned_at
              WHEN b.last_action IN ('REFUSE', 'WITHDRAW', 'STOP', 'ISSUE_RESULT') THEN b.finished_at
              ELSE least($1::timestamptz, b.received_at + (b.due_at - b.received_at) * 0.1) END
  WHERE b.last_action IS NOT NULL
) e
ORDER BY b.i, e.n`;

/** The open step instance of every open dossier (the control sheet's current line). */
const STEP_SQL = `
INSERT INTO "DossierStep" (id, "dossierId", "stepId", "order", "holderId", "startedAt", "dueAt")
SELECT 's' || substr(b.id, 2), b.id, ps.id, b.step_order, b.assignee_id, s.started, greatest(s.started, coalesce(b.step_due_at, b.submitted_at + interval '1 day'))
FROM bench_batch b
JOIN bench_proc_step ps ON ps.pidx = b.pidx AND ps.ord = b.step_order
CROSS JOIN LATERAL (SELECT coalesce(b.received_at, b.submitted_at) AS started) s
WHERE b.open AND b.step_order IS NOT NULL`;

/** The clock's START for open received dossiers (closed ones keep only their dates). */
const CLOCK_SQL = `
INSERT INTO "DossierClockEvent" (id, "dossierId", kind, at, "dueAt", "createdAt")
SELECT 'k' || substr(b.id, 2), b.id, 'START', b.received_at, b.due_at, b.received_at
FROM bench_batch b WHERE b.open AND b.received_at IS NOT NULL`;

export interface LoadResult {
  added: number;
  total: number;
  ms: number;
  /** Time spent rebuilding the secondary indexes (part of ms). */
  indexMs: number;
  rows: { events: number; steps: number; clockEvents: number };
}

export interface LoadOptions {
  /** Target dossier count; rows are added until Dossier holds this many. */
  target: number;
  /** "Now" for ages and statuses (default: the clock). */
  now?: Date;
  /**
   * Drop the non-unique indexes of Dossier and DossierEvent for the load and rebuild them after
   * (default true when adding 50,000 rows or more). Rebuilt indexes are denser than organically
   * grown ones; unique indexes and keys stay in place throughout.
   */
  rebuildIndexes?: boolean;
  log?: (line: string) => void;
}

/** Grows Dossier (with events, open steps and clock starts) to `target` rows. Idempotent per target. */
export async function loadDossiers(connectionString: string, options: LoadOptions): Promise<LoadResult> {
  const log = options.log ?? (() => {});
  const started = performance.now();
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    // Session-only settings for a bulk load: nothing here changes how the server answers queries later.
    await client.query("SET synchronous_commit = off; SET work_mem = '256MB'; SET maintenance_work_mem = '512MB'");
    const existing = Number((await client.query<{ n: string }>(`SELECT count(*) AS n FROM "Dossier"`)).rows[0]!.n);
    // Row i of the spread is the i-th dossier: a later load continues after every dossier there is.
    const offset = existing;
    const toAdd = options.target - existing;
    if (toAdd <= 0) return { added: 0, total: existing, ms: performance.now() - started, indexMs: 0, rows: { events: 0, steps: 0, clockEvents: 0 } };
    const now = options.now ?? new Date();
    await createReferenceTables(client);
    await client.query(BATCH_TABLE_SQL);

    const rebuild = options.rebuildIndexes ?? toAdd >= 50_000;
    const dropped = rebuild ? await dropSecondaryIndexes(client, ["Dossier", "DossierEvent"]) : [];
    if (dropped.length > 0) log(`dropped ${dropped.length} secondary indexes for the load`);
    const rows = { events: 0, steps: 0, clockEvents: 0 };
    let indexMs = 0;
    try {
      for (let jFrom = 0; jFrom < toAdd; jFrom += CHUNK) {
        const jTo = Math.min(toAdd, jFrom + CHUNK) - 1;
        const t0 = performance.now();
        await client.query("BEGIN");
        const parts: string[] = [];
        const run = async (label: string, sql: string, params: unknown[] = []) => {
          const t1 = performance.now();
          const result = await client.query(sql, params);
          parts.push(`${label} ${((performance.now() - t1) / 1000).toFixed(1)}`);
          return result.rowCount ?? 0;
        };
        await client.query("TRUNCATE bench_batch");
        await run("generate", GENERATE_SQL, [offset, toAdd, jFrom, jTo, now, WINDOW_DAYS]);
        await run("number", NUMBER_SQL);
        await run("counters", COUNTER_SQL);
        await run("dossiers", DOSSIER_SQL);
        rows.events += await run("events", EVENT_SQL, [now]);
        rows.steps += await run("steps", STEP_SQL);
        rows.clockEvents += await run("clock", CLOCK_SQL);
        await client.query("COMMIT");
        log(`dossiers ${existing + jTo + 1}/${options.target}: +${jTo - jFrom + 1} in ${((performance.now() - t0) / 1000).toFixed(1)} s (${parts.join(", ")} s)`);
      }
    } catch (error) {
      await client.query("ROLLBACK").catch(() => {});
      throw error;
    } finally {
      if (dropped.length > 0) {
        const t0 = performance.now();
        for (const index of dropped) {
          const t1 = performance.now();
          await client.query(index.def);
          log(`rebuilt ${index.name} in ${((performance.now() - t1) / 1000).toFixed(1)} s`);
        }
        indexMs = performance.now() - t0;
      }
    }
    await client.query("DROP TABLE IF EXISTS bench_batch");
    return { added: toAdd, total: options.target, ms: performance.now() - started, indexMs, rows };
  } finally {
    await client.end();
  }
}

/** Drops the non-unique, non-constraint indexes of the tables; returns their definitions (GIN last: slowest). */
async function dropSecondaryIndexes(client: pg.ClientBase, tables: string[]): Promise<{ name: string; def: string }[]> {
  const { rows } = await client.query<{ name: string; def: string; gin: boolean }>(
    `SELECT ic.relname AS name, pg_get_indexdef(i.indexrelid) AS def, am.amname = 'gin' AS gin
     FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid JOIN pg_class ic ON ic.oid = i.indexrelid JOIN pg_am am ON am.oid = ic.relam
     WHERE t.relname = ANY($1::text[]) AND t.relnamespace = 'public'::regnamespace AND NOT i.indisunique AND NOT i.indisprimary
     ORDER BY gin, ic.relname`,
    [tables],
  );
  for (const r of rows) await client.query(`DROP INDEX "${r.name}"`);
  return rows;
}

/** VACUUM ANALYZE of the tables the officer pages read: the steady state autovacuum keeps a live system in. */
export async function vacuumAnalyze(connectionString: string): Promise<number> {
  const started = performance.now();
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    await client.query("SET maintenance_work_mem = '512MB'");
    await client.query(`VACUUM (ANALYZE) "Dossier", "DossierEvent", "DossierStep", "DossierClockEvent", "DossierCodeCounter"`);
  } finally {
    await client.end();
  }
  return performance.now() - started;
}

async function main(): Promise<void> {
  const url = process.env.DATABASE_URL;
  const target = Number(process.argv[2]);
  if (!url || !Number.isSafeInteger(target) || target <= 0) {
    console.error("usage: DATABASE_URL=postgresql://…/motcua_bench_<name> npx tsx bench/seed-dossiers.ts <target dossier count>");
    process.exit(2);
  }
  const dbName = decodeURIComponent(new URL(url).pathname.slice(1));
  if (!dbName.startsWith("motcua_bench_")) {
    console.error(`refusing to bulk-load ${dbName}: only databases named motcua_bench_* (run migrations there first)`);
    process.exit(2);
  }
  const db = createDb({ url, max: 2 });
  try {
    await seedBenchReference(db);
  } finally {
    await db.$disconnect();
  }
  const result = await loadDossiers(url, { target, log: (line) => console.error(line) });
  console.log(`loaded ${result.added} dossiers (total ${result.total}) in ${(result.ms / 1000).toFixed(1)} s, indexes ${(result.indexMs / 1000).toFixed(1)} s; ` +
    `${result.rows.events} events, ${result.rows.steps} open steps, ${result.rows.clockEvents} clock starts`);
  console.log(`vacuum analyze: ${((await vacuumAnalyze(url)) / 1000).toFixed(1)} s`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}

