// Officers' worklists: my tasks, the unit's queue, due soon, overdue, waiting for a supplement,
// the reception queue of online submissions, and everything in scope; search and filters; keyset
// pages with an opaque cursor.
//
// "Due soon" = the clock runs, not yet overdue, and due within the next 2 working days of working
// time (16 working hours with the usual periods) on the agency's calendar (the filtered agency, or
// the officer's first agency; the default periods and nationwide holidays for the ministry's view).
//
// The SQL pages on the Dossier table alone (index-ordered where the indexes allow), then joins the
// names for just that page.
import { Prisma, type Db, type DossierStatus } from "../../../db";
import { AppError } from "../../../errors";
import { loadWorkingCalendar } from "../../calendar/queries";
import { advanceWorkingTime, DEFAULT_WORKING_PERIODS, workingDayLengthMs, type WorkingCalendar } from "../../calendar/working-time";
import { RUNNING, deadlineFlags } from "../deadline-flags";
import { parseDossierCode } from "../dossier-code";
import { memberAgencyIds, readableAgencyIds, requireAgencyInScope, type DossierActor } from "../policy";
import {
  ZWorklistInputSchema,
  type TWorklistInput,
  type TWorklistItem,
  type TWorklistPage,
  type TWorklistQuery,
  type TWorklistView,
} from "../schema";
import { normalizeSearchText } from "../search-text";
import { loadActor } from "./dossier-actor";

const DUE_SOON_WORKING_DAYS = 2;

/** Unfinished dossiers someone still works on (PROCESSED waits for the result's return). */
const OPEN_STATUSES: readonly DossierStatus[] = ["RECEIVED", "PROCESSING", "SUPPLEMENT_REQUESTED", "AWAITING_FEE", "PROCESSED"];

type SortKey = "due" | "submittedAsc" | "submittedDesc";

const SORT_OF: Record<TWorklistView, SortKey> = {
  mine: "due",
  queue: "due",
  dueSoon: "due",
  overdue: "due",
  supplement: "due",
  reception: "submittedAsc",
  all: "submittedDesc",
};

interface Cursor {
  view: TWorklistView;
  /** The sort value of the last row (ISO) or null. */
  at: string | null;
  id: string;
}

function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify([c.view, c.at, c.id]), "utf8").toString("base64url");
}

export function decodeCursor(raw: string, view: TWorklistView): Cursor {
  try {
    const [v, at, id] = JSON.parse(Buffer.from(raw, "base64url").toString("utf8")) as [unknown, unknown, unknown];
    if (v === view && (at === null || (typeof at === "string" && !Number.isNaN(Date.parse(at)))) && typeof id === "string") {
      return { view, at: at as string | null, id };
    }
  } catch {
    // fall through
  }
  throw new AppError("VALIDATION", { message: "invalid worklist cursor", details: { field: "cursor" } });
}

interface Row {
  id: string;
  code: string;
  procedureId: string;
  procedureCode: string;
  procedureNameVi: string;
  procedureNameEn: string;
  applicantName: string;
  channel: number;
  status: DossierStatus;
  currentStepOrder: number | null;
  currentStepKind: TWorklistItem["currentStepKind"];
  currentStepNameVi: string | null;
  currentStepNameEn: string | null;
  assigneeId: string | null;
  assigneeName: string | null;
  receivingAgencyId: string;
  handlingAgencyId: string;
  submittedAt: Date;
  receivedAt: Date | null;
  dueAt: Date | null;
  stepDueAt: Date | null;
  version: number;
}

export async function listWorklist(
  db: Db,
  rawInput: TWorklistInput & { actorUserId: string },
  options: { now?: Date } = {},
): Promise<TWorklistPage> {
  const { actorUserId, ...rest } = rawInput;
  const parsed = ZWorklistInputSchema.safeParse(rest);
  if (!parsed.success) {
    throw new AppError("VALIDATION", {
      message: `listWorklist: ${parsed.error.message}`,
      details: { issues: parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })) },
    });
  }
  const input = parsed.data;
  const actor = await loadActor(db, { userId: actorUserId });
  const now = options.now ?? new Date();
  if (input.agencyId) requireAgencyInScope(actor, input.agencyId);
  const scope: string[] | "ALL" = input.agencyId ? [input.agencyId] : readableAgencyIds(actor);

  const sort = SORT_OF[input.view];
  const cursor = input.cursor ? decodeCursor(input.cursor, input.view) : null;

  // Only the due-soon view filters on the threshold; the others compute it alongside (for flags).
  const threshold = dueSoonThreshold(db, { actor, agencyId: input.agencyId }, { now });
  let dueSoonBefore: Date;
  let rows: Row[];
  if (input.view === "dueSoon") {
    dueSoonBefore = await threshold;
    rows = await db.$queryRaw<Row[]>(worklistSql({ actor, input, scope, now, dueSoonBefore, cursor }));
  } else {
    [dueSoonBefore, rows] = await Promise.all([
      threshold,
      db.$queryRaw<Row[]>(worklistSql({ actor, input, scope, now, dueSoonBefore: now, cursor })),
    ]);
  }
  const limit = input.limit;
  const hasMore = rows.length > limit;
  const pageRows = hasMore ? rows.slice(0, limit) : rows;
  const items = pageRows.map((r) => toItem(r, now, dueSoonBefore));
  const last = pageRows[pageRows.length - 1];
  const nextCursor =
    hasMore && last
      ? encodeCursor({
          view: input.view,
          at: sort === "due" ? (last.dueAt?.toISOString() ?? null) : last.submittedAt.toISOString(),
          id: last.id,
        })
      : null;
  return { items, nextCursor, dueSoonBefore };
}

/**
 * The page query (exported for EXPLAIN in benchmarks). Filter and page on Dossier alone, then join
 * names for the page. Without a text search the page is the merge of small "arms", one per
 * (agency, status, keyset branch): each arm is an equality prefix of an index ordered like the
 * page, so PostgreSQL reads at most limit+1 index entries per arm instead of sorting every open
 * dossier of the agency. A text search is one query: the trigram index finds the few matches.
 */
export function worklistSql(args: {
  actor: DossierActor;
  input: TWorklistQuery;
  scope: string[] | "ALL";
  now: Date;
  dueSoonBefore: Date;
  cursor: Cursor | null;
}): Prisma.Sql {
  const { input, cursor } = args;
  const sort = SORT_OF[input.view];
  const { common, dims } = conditions(args);
  if (cursor) {
    const keyset = keysetAlternatives(sort, cursor);
    if (keyset.length === 1) common.push(keyset[0]!);
    else dims.push(keyset.map((k) => alt(k)));
  }
  const limit = input.limit + 1;
  const order =
    sort === "due"
      ? Prisma.sql`d."dueAt" ASC NULLS LAST, d.id ASC`
      : sort === "submittedAsc"
        ? Prisma.sql`d."submittedAt" ASC, d.id ASC`
        : Prisma.sql`d."submittedAt" DESC, d.id DESC`;
  const columns = Prisma.sql`d.id, d.code, d."procedureId", d."procedureVersionId", d."applicantName", d.channel, d.status,
             d."currentStepOrder", d."assigneeId", d."receivingAgencyId", d."handlingAgencyId",
             d."submittedAt", d."receivedAt", d."dueAt", d."stepDueAt", d.version`;

  const armCount = dims.reduce((n, alternatives) => n * alternatives.length, 1);
  let page: Prisma.Sql;
  if (input.q || armCount === 1 || armCount > MAX_ARMS) {
    const where = [...common, ...dims.map((alternatives) => orOf(alternatives.map((a) => a.sql)))];
    page = Prisma.sql`SELECT ${columns} FROM "Dossier" d WHERE ${Prisma.join(where, " AND ")} ORDER BY ${order} LIMIT ${limit}`;
  } else {
    const arms = dims.reduce<Alternative[][]>((acc, alternatives) => acc.flatMap((arm) => alternatives.map((a) => [...arm, a])), [[]]);
    const selects = arms.map((arm) => {
      const where = Prisma.join([...common, ...arm.map((a) => a.sql)], " AND ");
      // A fenced arm (OFFSET 0) is read whole, then sorted: for the rare rows received here but
      // handled elsewhere, which the planner cannot estimate and would otherwise chase down a
      // global date index.
      return arm.some((a) => a.fenced)
        ? Prisma.sql`(SELECT * FROM (SELECT ${columns} FROM "Dossier" d WHERE ${where} OFFSET 0) d ORDER BY ${order} LIMIT ${limit})`
        : Prisma.sql`(SELECT ${columns} FROM "Dossier" d WHERE ${where} ORDER BY ${order} LIMIT ${limit})`;
    });
    page = Prisma.sql`SELECT * FROM (${Prisma.join(selects, " UNION ALL ")}) d ORDER BY ${order} LIMIT ${limit}`;
  }

  return Prisma.sql`
    WITH page AS (${page})
    SELECT d.id, d.code, d."procedureId", p.code AS "procedureCode", pv."nameVi" AS "procedureNameVi",
           pv."nameEn" AS "procedureNameEn", d."applicantName", d.channel, d.status::text AS status,
           d."currentStepOrder", ps.kind::text AS "currentStepKind", ps."nameVi" AS "currentStepNameVi",
           ps."nameEn" AS "currentStepNameEn", d."assigneeId", u.name AS "assigneeName",
           d."receivingAgencyId", d."handlingAgencyId", d."submittedAt", d."receivedAt", d."dueAt",
           d."stepDueAt", d.version
    FROM page d
    JOIN "Procedure" p ON p.id = d."procedureId"
    JOIN "ProcedureVersion" pv ON pv.id = d."procedureVersionId"
    LEFT JOIN "ProcedureStep" ps ON ps."procedureVersionId" = d."procedureVersionId" AND ps."order" = d."currentStepOrder"
    LEFT JOIN "User" u ON u.id = d."assigneeId"
    ORDER BY ${order}`;
}

/** Beyond this many arms (an officer of many agencies) one plain query is cheaper to plan and run. */
const MAX_ARMS = 48;

interface Alternative {
  sql: Prisma.Sql;
  fenced?: boolean;
}

const alt = (sql: Prisma.Sql, fenced = false): Alternative => (fenced ? { sql, fenced } : { sql });

function orOf(alternatives: Prisma.Sql[]): Prisma.Sql {
  return alternatives.length === 1 ? alternatives[0]! : Prisma.sql`(${Prisma.join(alternatives, " OR ")})`;
}

/**
 * Conditions of a worklist query: `common` hold for every row; each entry of `dims` is a list of
 * alternatives (a row matches one of them), kept apart so that the query can run one arm each.
 * Scope: the processing views (mine, queue, due soon, overdue, supplement) show the dossiers an
 * agency handles; the reception queue those it receives; "all" (search) both.
 */
function conditions(args: { actor: DossierActor; input: TWorklistQuery; scope: string[] | "ALL"; now: Date; dueSoonBefore: Date }): {
  common: Prisma.Sql[];
  dims: Alternative[][];
} {
  const { actor, input, scope, now, dueSoonBefore } = args;
  const common: Prisma.Sql[] = [];
  const dims: Alternative[][] = [];
  if (scope !== "ALL" && scope.length === 0) return { common: [Prisma.sql`FALSE`], dims };

  const viewStatuses: Record<TWorklistView, readonly DossierStatus[] | null> = {
    mine: OPEN_STATUSES,
    queue: OPEN_STATUSES,
    dueSoon: RUNNING,
    overdue: RUNNING,
    supplement: ["SUPPLEMENT_REQUESTED"],
    reception: ["NEW"],
    all: null,
  };
  const base = viewStatuses[input.view];
  const statuses = input.status ? (base === null || base.includes(input.status) ? [input.status] : []) : base;
  if (statuses !== null && statuses.length === 0) return { common: [Prisma.sql`FALSE`], dims };
  if (statuses !== null) {
    // Ordered views read the (…, status, dueAt|submittedAt, id) indexes one status at a time.
    if (input.view === "all") common.push(Prisma.sql`d.status = ${statuses[0]!}::"DossierStatus"`);
    else dims.push(statuses.map((s) => alt(Prisma.sql`d.status = ${s}::"DossierStatus"`)));
  }

  if (scope !== "ALL") {
    switch (input.view) {
      case "reception":
        dims.push(scope.map((a) => alt(Prisma.sql`d."receivingAgencyId" = ${a}`)));
        break;
      case "all":
        dims.push([
          ...scope.map((a) => alt(Prisma.sql`d."handlingAgencyId" = ${a}`)),
          // Received here, handled elsewhere (reception regardless of boundary); the two ranges
          // around the agency's own id keep both columns in the index condition.
          ...scope.flatMap((a) => [
            alt(Prisma.sql`(d."receivingAgencyId" = ${a} AND d."handlingAgencyId" < ${a} AND d."handlingAgencyId" <> ALL(${scope}::text[]))`, true),
            alt(Prisma.sql`(d."receivingAgencyId" = ${a} AND d."handlingAgencyId" > ${a} AND d."handlingAgencyId" <> ALL(${scope}::text[]))`, true),
          ]),
        ]);
        break;
      case "mine":
        common.push(Prisma.sql`(d."handlingAgencyId" = ANY(${scope}::text[]) OR d."receivingAgencyId" = ANY(${scope}::text[]))`);
        break;
      default:
        dims.push(scope.map((a) => alt(Prisma.sql`d."handlingAgencyId" = ${a}`)));
    }
  }

  switch (input.view) {
    case "mine":
      common.push(Prisma.sql`d."assigneeId" = ${actor.userId}`);
      break;
    case "dueSoon":
      common.push(Prisma.sql`d."dueAt" >= ${now}`, Prisma.sql`d."dueAt" < ${dueSoonBefore}`);
      break;
    case "overdue":
      common.push(Prisma.sql`d."dueAt" < ${now}`);
      break;
    default:
      break;
  }

  if (input.procedureId) common.push(Prisma.sql`d."procedureId" = ${input.procedureId}`);
  if (input.receivedFrom) common.push(Prisma.sql`d."receivedAt" >= ${input.receivedFrom}`);
  if (input.receivedTo) common.push(Prisma.sql`d."receivedAt" < ${input.receivedTo}`);
  if (input.stepKind) {
    common.push(Prisma.sql`EXISTS (SELECT 1 FROM "ProcedureStep" s WHERE s."procedureVersionId" = d."procedureVersionId"
      AND s."order" = d."currentStepOrder" AND s.kind = ${input.stepKind}::"StepKind")`);
  }
  const q = input.q ? normalizeSearchText(input.q) : "";
  const exactCode = input.q ? input.q.trim().toUpperCase() : "";
  if (exactCode && parseDossierCode(exactCode)) {
    // A whole dossier code is one unique-index probe; its trigrams are shared by most rows, so the
    // substring match would read much of the trigram index at scale (bench: 118 ms p95 at 1M).
    common.push(Prisma.sql`d.code = ${exactCode}`);
  } else if (q) {
    const pattern = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    // searchText holds the code, the applicant's name and ID number, lower case without diacritics;
    // the trigram index serves the substring match. A full code also matches exactly.
    common.push(Prisma.sql`(d."searchText" LIKE ${pattern} OR d.code = ${input.q!.trim().toUpperCase()})`);
  }
  if (common.length === 0) common.push(Prisma.sql`TRUE`);
  return { common, dims };
}

/** Rows after the cursor, as alternatives: NULL due dates sort last, in their own branch. */
function keysetAlternatives(sort: SortKey, c: Cursor): Prisma.Sql[] {
  if (sort === "due") {
    if (c.at === null) return [Prisma.sql`(d."dueAt" IS NULL AND d.id > ${c.id})`];
    const at = new Date(c.at);
    return [Prisma.sql`(d."dueAt", d.id) > (${at}::timestamptz, ${c.id})`, Prisma.sql`d."dueAt" IS NULL`];
  }
  const at = new Date(c.at ?? 0);
  return [
    sort === "submittedAsc"
      ? Prisma.sql`(d."submittedAt", d.id) > (${at}::timestamptz, ${c.id})`
      : Prisma.sql`(d."submittedAt", d.id) < (${at}::timestamptz, ${c.id})`,
  ];
}

function toItem(r: Row, now: Date, dueSoonBefore: Date): TWorklistItem {
  return { ...r, ...deadlineFlags(r, now, dueSoonBefore) };
}

const DEFAULT_CALENDAR_AGENCY = {
  id: "__nationwide__",
  timeZone: "Asia/Ho_Chi_Minh",
  workingHours: DEFAULT_WORKING_PERIODS as unknown as Prisma.JsonValue,
};

/** The end of the "due soon" window: 2 working days of working time from now. */
export async function dueSoonThreshold(
  db: Db,
  { actor, agencyId }: { actor: DossierActor; agencyId: string | undefined },
  { now }: { now: Date },
): Promise<Date> {
  const calendarAgencyId = agencyId ?? memberAgencyIds(actor)[0];
  const agency = calendarAgencyId
    ? await db.agency.findUnique({ where: { id: calendarAgencyId }, select: { id: true, timeZone: true, workingHours: true } })
    : null;
  let calendar: WorkingCalendar;
  try {
    calendar = await loadWorkingCalendar(db, { agency: agency ?? DEFAULT_CALENDAR_AGENCY, from: now });
  } catch {
    calendar = await loadWorkingCalendar(db, { agency: DEFAULT_CALENDAR_AGENCY, from: now });
  }
  return advanceWorkingTime(calendar, now, DUE_SOON_WORKING_DAYS * workingDayLengthMs(calendar));
}
