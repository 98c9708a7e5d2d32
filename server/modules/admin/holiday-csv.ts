// The holiday CSV import, pure: `date,kind,nameVi,nameEn` per line (a header line optional), checked
// line by line so an administrator sees every problem at once, then planned against the calendar
// already stored. Nothing is imported while any line has an error (commands/import-holidays.ts).
import { calendarProblems, DEFAULT_WORKING_PERIODS } from "../calendar/working-time";
import { isLocalDate, isWeekend } from "../calendar/local-date";
import type { THolidayCsvError, THolidayImportPreview } from "./schema";

interface HolidayCsvRow {
  line: number;
  date: string;
  kind: "HOLIDAY" | "WORKING_DAY";
  nameVi: string;
  nameEn: string;
}

export interface StoredDay {
  date: string;
  kind: "HOLIDAY" | "WORKING_DAY";
  nameVi: string;
  nameEn: string;
}

const NAME_MAX = 200;
const MAX_LINES = 2000;

/** One CSV line into cells: commas separate, double quotes enclose, "" is a quote. null when a quote is left open. */
export function splitCsvLine(line: string): string[] | null {
  const cells: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"' && cell.trim() === "") {
      quoted = true;
      cell = "";
    } else if (ch === ",") {
      cells.push(cell);
      cell = "";
    } else cell += ch;
  }
  if (quoted) return null;
  cells.push(cell);
  return cells.map((c) => c.trim());
}

function normaliseKind(raw: string): HolidayCsvRow["kind"] | null {
  const k = raw.trim().toUpperCase().replace(/[\s-]+/g, "_");
  return k === "HOLIDAY" || k === "WORKING_DAY" ? k : null;
}

/** Parses the file: well-formed rows and per-line errors (line numbers as an editor shows them). */
export function parseHolidayCsv(text: string): { rows: HolidayCsvRow[]; errors: THolidayCsvError[] } {
  const rows: HolidayCsvRow[] = [];
  const errors: THolidayCsvError[] = [];
  const lines = text.replace(/^\uFEFF/, "").split(/\r\n|\r|\n/);
  if (lines.length > MAX_LINES) errors.push({ line: MAX_LINES + 1, code: "COLUMNS", detail: `more than ${MAX_LINES} lines` });
  const seen = new Map<string, number>();
  let first = true;
  lines.slice(0, MAX_LINES).forEach((text, index) => {
    const line = index + 1;
    if (text.trim() === "") return;
    const cells = splitCsvLine(text.normalize("NFC"));
    const isHeader = first && cells?.[0]?.toLowerCase() === "date";
    first = false;
    if (isHeader) return;
    if (!cells || cells.length !== 4) {
      errors.push({ line, code: "COLUMNS", detail: cells ? String(cells.length) : "quote" });
      return;
    }
    const [date, kindText, nameVi, nameEn] = cells as [string, string, string, string];
    let ok = true;
    const fail = (code: THolidayCsvError["code"], detail: string) => {
      errors.push({ line, code, detail });
      ok = false;
    };
    if (!isLocalDate(date)) fail("DATE", date);
    const kind = normaliseKind(kindText);
    if (!kind) fail("KIND", kindText);
    if (nameVi === "" || nameVi.length > NAME_MAX) fail("NAME_VI", nameVi.slice(0, 40));
    if (nameEn === "" || nameEn.length > NAME_MAX) fail("NAME_EN", nameEn.slice(0, 40));
    if (ok && kind === "WORKING_DAY" && !isWeekend(date)) fail("NOT_WEEKEND", date);
    if (ok && seen.has(date)) fail("DUPLICATE_IN_FILE", `${date} (${seen.get(date)})`);
    if (ok) {
      seen.set(date, line);
      rows.push({ line, date, kind: kind!, nameVi, nameEn });
    }
  });
  return { rows, errors };
}

/**
 * The import against what is stored for the same calendar (nationwide, or one agency's): a date
 * already there with the same kind and names is left unchanged; with anything else it is an error
 * (remove the stored day first). The result must still be a valid calendar (calendarProblems).
 */
export function planHolidayImport(text: string, stored: readonly StoredDay[]): THolidayImportPreview {
  const { rows, errors } = parseHolidayCsv(text);
  const byDate = new Map(stored.map((d) => [d.date, d]));
  const planned = rows.map((row) => {
    const existing = byDate.get(row.date);
    const unchanged = existing !== undefined && existing.kind === row.kind && existing.nameVi === row.nameVi && existing.nameEn === row.nameEn;
    if (existing && !unchanged) errors.push({ line: row.line, code: "EXISTS", detail: `${row.date}: ${existing.nameVi}` });
    return { ...row, unchanged };
  });
  const merged = new Map(stored.map((d) => [d.date, d.kind]));
  for (const row of planned) if (!merged.has(row.date)) merged.set(row.date, row.kind);
  const days = [...merged];
  for (const problem of calendarProblems({
    timeZone: "Asia/Ho_Chi_Minh",
    periods: DEFAULT_WORKING_PERIODS,
    holidays: days.filter(([, k]) => k === "HOLIDAY").map(([d]) => d),
    workingDays: days.filter(([, k]) => k === "WORKING_DAY").map(([d]) => d),
  })) {
    errors.push({ line: 0, code: "CALENDAR", detail: problem });
  }
  errors.sort((a, b) => a.line - b.line);
  return { rows: planned, errors, toAdd: planned.filter((r) => !r.unchanged).length };
}
