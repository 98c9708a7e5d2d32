// Agencies: the Ministry of Science and Technology and the 34 provincial S&T departments
// (the provinces since 1 July 2025, DOMAIN.md). Identifier codes, addresses and hotlines are demo
// values (`codeIsDemo: true`): the officially assigned codes are settings an administrator edits.

interface WorkingPeriod {
  start: string;
  end: string;
}

interface AgencySeed {
  /**
   * Fixed id: the seed recognises its agencies by id, not by code, because the code is a setting
   * an administrator replaces with the official one (the seed must not then add a second agency).
   */
  id: string;
  code: string;
  codeIsDemo: boolean;
  kind: "MINISTRY" | "PROVINCIAL_DEPARTMENT";
  nameVi: string;
  nameEn: string;
  shortNameVi: string;
  provinceName: string | null;
  address: string;
  hotline: string;
  email: string;
  workingHours: WorkingPeriod[];
}

export const WORKING_HOURS: WorkingPeriod[] = [
  { start: "07:00", end: "11:30" },
  { start: "13:30", end: "17:00" },
];

/** The 34 provinces, spelled exactly as DOMAIN.md lists them (the order gives the demo code). */
export const PROVINCES = [
  "Hà Nội", "Huế", "Lai Châu", "Điện Biên", "Sơn La", "Lạng Sơn", "Quảng Ninh", "Thanh Hóa", "Nghệ An",
  "Hà Tĩnh", "Cao Bằng", "Tuyên Quang", "Lào Cai", "Thái Nguyên", "Phú Thọ", "Bắc Ninh", "Hưng Yên",
  "Hải Phòng", "Ninh Bình", "Quảng Trị", "Đà Nẵng", "Quảng Ngãi", "Gia Lai", "Khánh Hòa", "Lâm Đồng",
  "Đắk Lắk", "TP. Hồ Chí Minh", "Đồng Nai", "Tây Ninh", "Cần Thơ", "Vĩnh Long", "Đồng Tháp", "Cà Mau",
  "An Giang",
] as const;

type ProvinceName = (typeof PROVINCES)[number];

/** The six centrally-run cities (thành phố trực thuộc trung ương); the others are provinces (tỉnh). */
const CITIES: ReadonlySet<string> = new Set(["Hà Nội", "Huế", "Hải Phòng", "Đà Nẵng", "TP. Hồ Chí Minh", "Cần Thơ"]);

/** Full administrative name, e.g. "tỉnh Lào Cai", "thành phố Hà Nội", "Thành phố Hồ Chí Minh". */
export function provinceFullNameVi(province: string): string {
  if (province === "TP. Hồ Chí Minh") return "Thành phố Hồ Chí Minh";
  return CITIES.has(province) ? `thành phố ${province}` : `tỉnh ${province}`;
}

function provinceNameEn(province: string): string {
  return province === "TP. Hồ Chí Minh" ? "Hồ Chí Minh City" : province;
}

/** ASCII slug used in demo e-mail addresses: "Hà Nội" -> "hanoi", "TP. Hồ Chí Minh" -> "hcm". */
export function provinceSlug(province: string): string {
  if (province === "TP. Hồ Chí Minh") return "hcm";
  return province
    .normalize("NFD")
    .replace(/\p{Mn}+/gu, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(/[^a-z]/g, "");
}

export const MINISTRY_CODE = "000.00.00.G01";

/** Demo identifier of a department: 000.00.20.H<nn>, nn = 1-based position in PROVINCES. */
export function departmentCode(province: string): string {
  const index = PROVINCES.indexOf(province as ProvinceName);
  if (index < 0) throw new Error(`Unknown province ${province}`);
  return `000.00.20.H${String(index + 1).padStart(2, "0")}`;
}

export const ministry: AgencySeed = {
  id: "seed-agency-bo",
  // The real code of the ministry's one-stop unit is unverified: demo.
  code: MINISTRY_CODE,
  codeIsDemo: true,
  kind: "MINISTRY",
  nameVi: "Bộ Khoa học và Công nghệ",
  nameEn: "Ministry of Science and Technology",
  shortNameVi: "Bộ KH&CN",
  provinceName: null,
  // The ministry's published head-office address; the one-stop desk's own address may differ.
  address: "113 Trần Duy Hưng, Hà Nội",
  hotline: "0240000000",
  email: "motcua.bo@motcua.test",
  workingHours: WORKING_HOURS,
};

/**
 * Provincial departments belong to the provincial people's committees, not to the ministry
 * (the ministry only guides them professionally), so they are seeded with no parent agency.
 */
export const departments: AgencySeed[] = PROVINCES.map((province, index) => {
  const nameProvinceVi = province === "TP. Hồ Chí Minh" ? "Thành phố Hồ Chí Minh" : province;
  return {
    id: `seed-agency-${provinceSlug(province)}`,
    code: departmentCode(province),
    codeIsDemo: true,
    kind: "PROVINCIAL_DEPARTMENT" as const,
    nameVi: `Sở Khoa học và Công nghệ ${nameProvinceVi}`,
    nameEn: `Department of Science and Technology of ${provinceNameEn(province)}`,
    shortNameVi: `Sở KH&CN ${province}`,
    provinceName: province,
    // Since 2025 provinces receive dossiers at their public administrative service centre; demo address.
    address: `Trung tâm Phục vụ hành chính công ${provinceFullNameVi(province)}`,
    hotline: `02400000${String(index + 1).padStart(2, "0")}`,
    email: `motcua.${provinceSlug(province)}@motcua.test`,
    workingHours: WORKING_HOURS,
  };
});

export const allAgencies: AgencySeed[] = [ministry, ...departments];
