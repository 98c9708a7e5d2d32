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
import { Prisma, type Db, type DossierStatus } from "../../db";
import { AppError } from "../../errors";
import { advanceWorkingTime, DEFAULT_WORKING_PERIODS, workingDayLengthMs, type WorkingCalendar } from "../calendar/working-time";
import { loadWorkingCalendar } from "./create-dossier";
import { loadActor, memberAgencyIds, readableAgencyIds, requireAgencyInScope, type DossierActor } from "./policy";
import { ZWorklistInputSchema, type TWorklistInput, type TWorklistItem, type TWorklistPage, type TWorklistQuery, type TWorklistView } from "./schema";
import { normalizeSearchText } from "./search-text";

export const DUE_SOON_WORKING_DAYS = 2;

/** Unfinished dossiers someone still works on (PROCESSED waits for the result's return). */
export const OPEN_STATUSES: readonly DossierStatus[] = ["RECEIVED", "PROCESSING", "SUPPLEMENT_REQUESTED", "AWAITING_FEE", "PROCESSED"];
const RUNNING: readonly DossierStatus[] = ["RECEIVED", "PROCESSING"];

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

export function encodeCursor(c: Cursor): string {
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
  const actor = await loadActor(db, actorUserId);
  const now = options.now ?? new Date();
  if (input.agencyId) requireAgencyInScope(actor, input.agencyId);
  const scope: string[] | "ALL" = input.agencyId ? [input.agencyId] : readableAgencyIds(actor);

  const dueSoonBefore = await dueSoonThreshold(db, actor, input.agencyId, now);
  const sort = SORT_OF[input.view];
  const cursor = input.cursor ? decodeCursor(input.cursor, input.view) : null;

  const where = conditions(actor, input, scope, now, dueSoonBefore);
  if (cursor) where.push(keysetCondition(sort, cursor));
  const limit = input.limit;

  const order =
    sort === "due"
      ? Prisma.sql`d."dueAt" ASC NULLS LAST, d.id ASC`
      : sort === "submittedAsc"
        ? Prisma.sql`d."submittedAt" ASC, d.id ASC`
        : Prisma.sql`d."submittedAt" DESC, d.id DESC`;

  const rows = await db.$queryRaw<Row[]>`
    WITH page AS (
      SELECT d.id, d.code, d."procedureId", d."procedureVersionId", d."applicantName", d.channel, d.status,
             d."currentStepOrder", d."assigneeId", d."receivingAgencyId", d."handlingAgencyId",
             d."submittedAt", d."receivedAt", d."dueAt", d."stepDueAt", d.version
      FROM "Dossier" d
      WHERE ${Prisma.join(where, " AND ")}
      ORDER BY ${order}
      LIMIT ${limit + 1}
    )
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

function conditions(
  actor: DossierActor,
  input: TWorklistQuery,
  scope: string[] | "ALL",
  now: Date,
  dueSoonBefore: Date,
): Prisma.Sql[] {
  const where: Prisma.Sql[] = [];
  const statuses = (list: readonly DossierStatus[]) => Prisma.sql`d.status = ANY(${[...list]}::"DossierStatus"[])`;

  if (scope !== "ALL") {
    if (scope.length === 0) return [Prisma.sql`FALSE`];
    where.push(
      input.view === "reception"
        ? Prisma.sql`d."receivingAgencyId" = ANY(${scope}::text[])`
        : Prisma.sql`(d."handlingAgencyId" = ANY(${scope}::text[]) OR d."receivingAgencyId" = ANY(${scope}::text[]))`,
    );
  }

  switch (input.view) {
    case "mine":
      where.push(Prisma.sql`d."assigneeId" = ${actor.userId}`, statuses(OPEN_STATUSES));
      break;
    case "queue":
      where.push(statuses(OPEN_STATUSES));
      break;
    case "dueSoon":
      where.push(statuses(RUNNING), Prisma.sql`d."dueAt" >= ${now}`, Prisma.sql`d."dueAt" < ${dueSoonBefore}`);
      break;
    case "overdue":
      where.push(statuses(RUNNING), Prisma.sql`d."dueAt" < ${now}`);
      break;
    case "supplement":
      where.push(statuses(["SUPPLEMENT_REQUESTED"]));
      break;
    case "reception":
      where.push(statuses(["NEW"]));
      break;
    case "all":
      break;
  }

  if (input.status) where.push(Prisma.sql`d.status = ${input.status}::"DossierStatus"`);
  if (input.procedureId) where.push(Prisma.sql`d."procedureId" = ${input.procedureId}`);
  if (input.receivedFrom) where.push(Prisma.sql`d."receivedAt" >= ${input.receivedFrom}`);
  if (input.receivedTo) where.push(Prisma.sql`d."receivedAt" < ${input.receivedTo}`);
  if (input.stepKind) {
    where.push(Prisma.sql`EXISTS (SELECT 1 FROM "ProcedureStep" s WHERE s."procedureVersionId" = d."procedureVersionId"
      AND s."order" = d."currentStepOrder" AND s.kind = ${input.stepKind}::"StepKind")`);
  }
  const q = input.q ? normalizeSearchText(input.q) : "";
  if (q) {
    const pattern = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    // searchText holds the code, the applicant's name and ID number, lower case without diacritics;
    // the trigram index serves the substring match. A full code also matches exactly.
    where.push(Prisma.sql`(d."searchText" LIKE ${pattern} OR d.code = ${input.q!.trim().toUpperCase()})`);
  }
  return where;
}

function keysetCondition(sort: SortKey, c: Cursor): Prisma.Sql {
  if (sort === "due") {
    if (c.at === null) return Prisma.sql`(d."dueAt" IS NULL AND d.id > ${c.id})`;
    const at = new Date(c.at);
    return Prisma.sql`((d."dueAt", d.id) > (${at}::timestamptz, ${c.id}) OR d."dueAt" IS NULL)`;
  }
  const at = new Date(c.at ?? 0);
  return sort === "submittedAsc"
    ? Prisma.sql`(d."submittedAt", d.id) > (${at}::timestamptz, ${c.id})`
    : Prisma.sql`(d."submittedAt", d.id) < (${at}::timestamptz, ${c.id})`;
}

function toItem(r: Row, now: Date, dueSoonBefore: Date): TWorklistItem {
  return { ...r, ...deadlineFlags(r, now, dueSoonBefore) };
}

/** Flags shown on worklists and the detail page. Only a running clock can be overdue (a pause holds it). */
export function deadlineFlags(
  d: { status: DossierStatus; dueAt: Date | null; stepDueAt: Date | null },
  now: Date,
  dueSoonBefore: Date,
): { overdue: boolean; dueSoon: boolean; stepOverdue: boolean } {
  const running = RUNNING.includes(d.status);
  const overdue = running && d.dueAt !== null && d.dueAt.getTime() < now.getTime();
  const dueSoon = running && !overdue && d.dueAt !== null && d.dueAt.getTime() < dueSoonBefore.getTime();
  const stepOverdue = running && d.stepDueAt !== null && d.stepDueAt.getTime() < now.getTime();
  return { overdue, dueSoon, stepOverdue };
}

const DEFAULT_CALENDAR_AGENCY = {
  id: "__nationwide__",
  timeZone: "Asia/Ho_Chi_Minh",
  workingHours: DEFAULT_WORKING_PERIODS as unknown as Prisma.JsonValue,
};

/** The end of the "due soon" window: 2 working days of working time from now. */
export async function dueSoonThreshold(db: Db, actor: DossierActor, agencyId: string | undefined, now: Date): Promise<Date> {
  const calendarAgencyId = agencyId ?? memberAgencyIds(actor)[0];
  const agency = calendarAgencyId
    ? await db.agency.findUnique({ where: { id: calendarAgencyId }, select: { id: true, timeZone: true, workingHours: true } })
    : null;
  let calendar: WorkingCalendar;
  try {
    calendar = await loadWorkingCalendar(db, agency ?? DEFAULT_CALENDAR_AGENCY, now);
  } catch {
    calendar = await loadWorkingCalendar(db, DEFAULT_CALENDAR_AGENCY, now);
  }
  return advanceWorkingTime(calendar, now, DUE_SOON_WORKING_DAYS * workingDayLengthMs(calendar));
}
