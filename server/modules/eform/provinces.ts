// The 34 provinces and centrally-run cities since 1 July 2025 (DOMAIN.md), spelled as the agency
// seed spells them (provinces.test.ts keeps the two lists equal). Isomorphic: the address field's
// province list in the browser and its check on the server.
export const PROVINCES = [
  "Hà Nội", "Huế", "Lai Châu", "Điện Biên", "Sơn La", "Lạng Sơn", "Quảng Ninh", "Thanh Hóa", "Nghệ An",
  "Hà Tĩnh", "Cao Bằng", "Tuyên Quang", "Lào Cai", "Thái Nguyên", "Phú Thọ", "Bắc Ninh", "Hưng Yên",
  "Hải Phòng", "Ninh Bình", "Quảng Trị", "Đà Nẵng", "Quảng Ngãi", "Gia Lai", "Khánh Hòa", "Lâm Đồng",
  "Đắk Lắk", "TP. Hồ Chí Minh", "Đồng Nai", "Tây Ninh", "Cần Thơ", "Vĩnh Long", "Đồng Tháp", "Cà Mau",
  "An Giang",
] as const;

type Province = (typeof PROVINCES)[number];

const PROVINCE_SET: ReadonlySet<string> = new Set(PROVINCES);

export function isProvince(value: unknown): value is Province {
  return typeof value === "string" && PROVINCE_SET.has(value);
}

/** Provinces in Vietnamese alphabetical order, for the picker. */
export function sortedProvinces(): Province[] {
  return [...PROVINCES].sort((a, b) => a.localeCompare(b, "vi"));
}
