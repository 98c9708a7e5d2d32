// Vietnam's civil-service calendar for 2026 and 2027, as seed data (administrators edit it later).
// Statutory holidays: Labour Code 2019 art. 112 — 1 Jan; Tết 5 days; Hùng Kings (10/3 lunar);
// 30 Apr; 1 May; 2 Sep plus one adjacent day. A holiday on a weekend gives a compensatory day off
// on the next working day (art. 112(3)). Exact dates and swaps are announced yearly.
// Entries list the statutory days and the days that change the working/off state, not the plain
// weekends around them. `verified: false` marks dates derived here and not yet seen announced.

import type { CalendarDayKind } from "../../db/generated/enums";
import type { LocalDate } from "./local-date";

interface HolidaySeed {
  date: LocalDate;
  kind: CalendarDayKind;
  nameVi: string;
  nameEn: string;
  /** true: seen in an announcement, a reliable report of one, or fixed by statute; false: derived. */
  verified: boolean;
  basis: string;
}

const NEW_YEAR = { nameVi: "Tết Dương lịch", nameEn: "New Year's Day" };
const TET = { nameVi: "Tết Nguyên đán", nameEn: "Lunar New Year (Tết)" };
const TET_COMP = { nameVi: "Nghỉ bù Tết Nguyên đán", nameEn: "Lunar New Year: compensatory day off" };
const HUNG_KINGS = {
  nameVi: "Giỗ Tổ Hùng Vương (10/3 âm lịch)",
  nameEn: "Hung Kings Commemoration (10th day of the 3rd lunar month)",
};
const HUNG_KINGS_COMP = { nameVi: "Nghỉ bù Giỗ Tổ Hùng Vương", nameEn: "Hung Kings Commemoration: compensatory day off" };
const REUNIFICATION = { nameVi: "Ngày Chiến thắng (30/4)", nameEn: "Reunification Day (30 April)" };
const LABOUR = { nameVi: "Ngày Quốc tế Lao động (1/5)", nameEn: "International Labour Day (1 May)" };
const LABOUR_COMP = { nameVi: "Nghỉ bù Ngày Quốc tế Lao động", nameEn: "Labour Day: compensatory day off" };
const NATIONAL = { nameVi: "Quốc khánh (2/9)", nameEn: "National Day (2 September)" };
const NATIONAL_ADJ = { nameVi: "Quốc khánh (ngày liền kề)", nameEn: "National Day (adjacent day)" };

const STATUTE = "Labour Code 2019 art. 112 (fixed date)";
const BNV_9441 = "Notice 9441/TB-BNV (16 Oct 2025) on Tết and National Day 2026";
const VPCP_12729 = "Government Office letter 12729/VPCP-KGVX (25 Dec 2025): New Year 2026, 4 days";
const HUNG_2026 =
  "10/3 lunar = Sun 26 Apr 2026; compensatory Mon 27 Apr (art. 112(3)), as reported in the press, Feb 2026";

export const HOLIDAYS_VN: readonly HolidaySeed[] = [
  // ── 2026 ──
  { date: "2026-01-01", kind: "HOLIDAY", ...NEW_YEAR, verified: true, basis: `${STATUTE}; ${VPCP_12729}` },
  {
    date: "2026-01-02",
    kind: "HOLIDAY",
    nameVi: "Nghỉ Tết Dương lịch (hoán đổi với thứ Bảy 10/01/2026)",
    nameEn: "New Year break (swapped with Saturday 10 Jan 2026)",
    verified: true,
    basis: VPCP_12729,
  },
  {
    date: "2026-01-10",
    kind: "WORKING_DAY",
    nameVi: "Làm việc bù cho ngày 02/01/2026",
    nameEn: "Working Saturday in exchange for 2 Jan 2026",
    verified: true,
    basis: VPCP_12729,
  },
  // Tết Bính Ngọ: 29 Chạp (16 Feb) to mùng 4 (20 Feb); with the weekends, 14-22 Feb off.
  ...["2026-02-16", "2026-02-17", "2026-02-18", "2026-02-19", "2026-02-20"].map(
    (date): HolidaySeed => ({ date, kind: "HOLIDAY", ...TET, verified: true, basis: BNV_9441 }),
  ),
  { date: "2026-04-26", kind: "HOLIDAY", ...HUNG_KINGS, verified: true, basis: HUNG_2026 },
  { date: "2026-04-27", kind: "HOLIDAY", ...HUNG_KINGS_COMP, verified: true, basis: HUNG_2026 },
  { date: "2026-04-30", kind: "HOLIDAY", ...REUNIFICATION, verified: true, basis: STATUTE },
  { date: "2026-05-01", kind: "HOLIDAY", ...LABOUR, verified: true, basis: STATUTE },
  {
    date: "2026-08-22",
    kind: "WORKING_DAY",
    nameVi: "Làm việc bù cho ngày 31/8/2026",
    nameEn: "Working Saturday in exchange for 31 Aug 2026",
    verified: true,
    basis: BNV_9441,
  },
  {
    date: "2026-08-31",
    kind: "HOLIDAY",
    nameVi: "Nghỉ Quốc khánh (hoán đổi với thứ Bảy 22/8/2026)",
    nameEn: "National Day break (swapped with Saturday 22 Aug 2026)",
    verified: true,
    basis: BNV_9441,
  },
  { date: "2026-09-01", kind: "HOLIDAY", ...NATIONAL_ADJ, verified: true, basis: BNV_9441 },
  { date: "2026-09-02", kind: "HOLIDAY", ...NATIONAL, verified: true, basis: `${STATUTE}; ${BNV_9441}` },

  // ── 2027 (nothing announced yet: fixed dates are statutory, the rest derived) ──
  { date: "2027-01-01", kind: "HOLIDAY", ...NEW_YEAR, verified: true, basis: STATUTE },
  // Tết Đinh Mùi: mùng 1 = Sat 6 Feb 2027 (lunar month 12 has 29 days, so 29 Chạp = Fri 5 Feb).
  // Derived plan: 29 Chạp + mùng 1-4 (5 days), two of them on the weekend → Wed 10, Thu 11 off.
  ...["2027-02-05", "2027-02-06", "2027-02-07", "2027-02-08", "2027-02-09"].map(
    (date): HolidaySeed => ({
      date,
      kind: "HOLIDAY",
      ...TET,
      verified: false,
      basis: "Lunar dates computed (UTC+7); which 5 days is the Government's choice, derived here",
    }),
  ),
  ...["2027-02-10", "2027-02-11"].map(
    (date): HolidaySeed => ({
      date,
      kind: "HOLIDAY",
      ...TET_COMP,
      verified: false,
      basis: "Derived: art. 112(3), for Tết days falling on Sat 6 and Sun 7 Feb 2027",
    }),
  ),
  {
    date: "2027-04-16",
    kind: "HOLIDAY",
    ...HUNG_KINGS,
    verified: false,
    basis: "10/3 lunar Đinh Mùi computed (UTC+7) = Fri 16 Apr 2027",
  },
  { date: "2027-04-30", kind: "HOLIDAY", ...REUNIFICATION, verified: true, basis: STATUTE },
  { date: "2027-05-01", kind: "HOLIDAY", ...LABOUR, verified: true, basis: STATUTE },
  {
    date: "2027-05-03",
    kind: "HOLIDAY",
    ...LABOUR_COMP,
    verified: false,
    basis: "Derived: art. 112(3), 1 May 2027 is a Saturday",
  },
  { date: "2027-09-02", kind: "HOLIDAY", ...NATIONAL, verified: true, basis: STATUTE },
  {
    date: "2027-09-03",
    kind: "HOLIDAY",
    ...NATIONAL_ADJ,
    verified: false,
    basis: "Derived: the adjacent day (1 or 3 Sep) is chosen yearly; Fri 3 Sep assumed",
  },
];

/**
 * Announced in policy but not (as far as known here) in law yet: NOT seeded. Add one to the table
 * once it is enacted. Vietnam Culture Day: Politburo Resolution 80-NQ/TW (Jan 2026) chose 24 Nov as a
 * paid day off; Government Resolution 30/NQ-CP asks for the Labour Code (art. 112(1)) to be amended.
 */
export const PENDING_HOLIDAYS_VN: readonly HolidaySeed[] = [
  {
    date: "2026-11-24",
    kind: "HOLIDAY",
    nameVi: "Ngày Văn hóa Việt Nam (24/11)",
    nameEn: "Vietnam Culture Day (24 November)",
    verified: false,
    basis: "Resolution 80-NQ/TW; awaiting the Labour Code amendment",
  },
];

/** The seed entries as a working calendar's day lists. */
export function holidaySeedDays(seed: readonly HolidaySeed[] = HOLIDAYS_VN): {
  holidays: LocalDate[];
  workingDays: LocalDate[];
} {
  return {
    holidays: seed.filter((h) => h.kind === "HOLIDAY").map((h) => h.date),
    workingDays: seed.filter((h) => h.kind === "WORKING_DAY").map((h) => h.date),
  };
}
