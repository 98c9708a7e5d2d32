

// The dossier code `<agency identifier>-<YYMMDD>-<NNNN>` (Circular 01/2018/TT-VPCP art. 19),
// e.g. `000.00.14.H56-200203-0118`. Pure: no clock, no database, no process time zone.

/** Vietnam has used UTC+7 all year since 1975 (no daylight saving), so a fixed offset is exact. */
const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;

/** Letters and digits in dot-separated groups: `000.00.53.H48`, `G22`, `H56.01`. No hyphen: it separates the parts. */
const AGENCY_CODE = /^[A-Za-z0-9]+(?:\.[A-Za-z0-9]+)*$/;
const AGENCY_CODE_MAX_LENGTH = 64;
const DOSSIER_CODE = /^([A-Za-z0-9.]{1,64})-(\d{6})-(\d{4,9})$/;
const NUMBER_WIDTH = 4;

interface ParsedDossierCode {
  agencyCode: string;
  /** YYMMDD in Vietnam time. */
  dayKey: string;
  /** Sequence number of the day, from 1. */
  number: number;
}

/** The YYMMDD of an instant as a calendar date in Vietnam (Asia/Ho_Chi_Minh). */
export function vietnamDayKey(instant: Date): string {
  const ms = instant.getTime();
  if (Number.isNaN(ms)) throw new RangeError("vietnamDayKey: invalid date");
  const local = new Date(ms + VIETNAM_OFFSET_MS);
  const yy = local.getUTCFullYear() % 100;
  return pad2(yy) + pad2(local.getUTCMonth() + 1) + pad2(local.getUTCDate());
}

export function isValidAgencyCode(agencyCode: string): boolean {
  return agencyCode.length <= AGENCY_CODE_MAX_LENGTH && AGENCY_CODE.test(agencyCode);
}

/** True for a YYMMDD that names a real calendar date (years 2000-2099). */
export function isValidDayKey(dayKey: string): boolean {
  if (!/^\d{6}$/.test(dayKey)) return false;
  const year = 2000 + Number(dayKey.slice(0, 2));
  const month = Number(dayKey.slice(2, 4));
  const day = Number(dayKey.slice(4, 6));
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * NNNN is zero-padded to 4 digits. Past 9999 the number widens to 5+ digits instead of failing:
 * refusing a citizen's dossier because a desk was busy would be worse than a longer code, and
 * the code stays unique and sortable within the day.
 */
export function formatDossierCode(agencyCode: string, dayKey: string, n: number): string {
  if (!isValidAgencyCode(agencyCode)) throw new RangeError(`formatDossierCode: invalid agency code ${JSON.stringify(agencyCode)}`);
  if (!isValidDayKey(dayKey)) throw new RangeError(`formatDossierCode: invalid day ${JSON.stringify(dayKey)}`);
  if (!Number.isSafeInteger(n) || n < 1) throw new RangeError(`formatDossierCode: invalid number ${n}`);
  return `${agencyCode}-${dayKey}-${String(n).padStart(NUMBER_WIDTH, "0")}`;
}

/** Strict parse: null unless the text is exactly a code `formatDossierCode` could have produced. */
export function parseDossierCode(code: string): ParsedDossierCode | null {
  if (typeof code !== "string") return null;
  const match = DOSSIER_CODE.exec(code);
  if (!match) return null;
  const [, agencyCode = "", dayKey = "", digits = ""] = match;
  if (!isValidAgencyCode(agencyCode) || !isValidDayKey(dayKey)) return null;
  // Only the canonical spelling: 4 digits zero-padded, wider numbers without leading zeros.
  if (digits.length > NUMBER_WIDTH && digits.startsWith("0")) return null;
  const number = Number(digits);
  if (number < 1) return null;
  return { agencyCode, dayKey, number };
}

function pad2(n: number): string {
  return String(n).padStart(2, "0");
}

/** Codes are printed upper case; people type them any way. */
export function normaliseDossierCode(code: string): string {
  return code.trim().toUpperCase();
}

/** The instant the Vietnam calendar day `YYMMDD` starts (UTC+7, no daylight saving). */
export function vietnamDayStart(dayKey: string): Date {
  return new Date(`20${dayKey.slice(0, 2)}-${dayKey.slice(2, 4)}-${dayKey.slice(4, 6)}T00:00:00+07:00`);
}
