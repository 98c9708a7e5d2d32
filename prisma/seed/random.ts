// Deterministic randomness for demo data: the same seed gives the same people, places and dossiers.

/** mulberry32: a tiny, fast 32-bit PRNG; plenty for demo data, not for anything secret. */
export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Integer in [min, max], inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  between(min: number, max: number): number {
    return min + this.next() * (max - min);
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error("pick from an empty list");
    return items[Math.floor(this.next() * items.length)] as T;
  }

  /** Picks a key with probability proportional to its weight. */
  weighted<K extends string>(weights: Readonly<Record<K, number>>): K {
    const entries = Object.entries(weights) as [K, number][];
    const total = entries.reduce((sum, [, w]) => sum + w, 0);
    let roll = this.next() * total;
    for (const [key, weight] of entries) {
      roll -= weight;
      if (roll < 0) return key;
    }
    return entries[entries.length - 1]![0];
  }

  digits(count: number): string {
    let out = "";
    for (let i = 0; i < count; i++) out += String(this.int(0, 9));
    return out;
  }
}

/** A stable 32-bit seed from a string (FNV-1a), so each generator gets its own independent stream. */
export function seedOf(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

// ─── Vietnamese people ─────────────────────────────────────────────────────

/** Family names with rough national frequencies (per cent). */
const FAMILY_NAMES = {
  "Nguyễn": 38, "Trần": 11, "Lê": 9.5, "Phạm": 7, "Hoàng": 3, "Huỳnh": 2, "Phan": 4.5, "Vũ": 2, "Võ": 2,
  "Đặng": 2.1, "Bùi": 2, "Đỗ": 1.4, "Hồ": 1.3, "Ngô": 1.3, "Dương": 1, "Lý": 0.5, "Đinh": 0.7, "Trịnh": 0.6,
  "Mai": 0.5, "Đào": 0.6, "Lương": 0.4, "Tạ": 0.3,
} as const;

const MIDDLE_NAMES = {
  male: ["Văn", "Đức", "Minh", "Quang", "Hữu", "Thành", "Công", "Xuân", "Trọng", "Anh", "Gia", "Tuấn"],
  female: ["Thị", "Ngọc", "Thu", "Thanh", "Phương", "Hồng", "Minh", "Thùy", "Kim", "Bảo", "Khánh", "Mai"],
} as const;

const GIVEN_NAMES = {
  male: ["An", "Bình", "Cường", "Dũng", "Hùng", "Hải", "Hiếu", "Huy", "Khoa", "Long", "Minh", "Nam", "Phong", "Quân", "Sơn", "Thắng", "Trung", "Tuấn", "Việt", "Vinh", "Đạt", "Khánh", "Phúc", "Tùng"],
  female: ["Anh", "Chi", "Dung", "Giang", "Hà", "Hạnh", "Hoa", "Hương", "Lan", "Linh", "Mai", "Nga", "Ngân", "Nhung", "Oanh", "Phương", "Quỳnh", "Thảo", "Trang", "Vy", "Yến", "Hằng", "Thủy", "Loan"],
} as const;

export type Gender = "male" | "female";

export interface Person {
  name: string;
  gender: Gender;
  dateOfBirth: Date;
  idNumber: string;
  phone: string;
}

export function personName(rng: Random, gender: Gender): string {
  const family = rng.weighted(FAMILY_NAMES);
  return `${family} ${rng.pick(MIDDLE_NAMES[gender])} ${rng.pick(GIVEN_NAMES[gender])}`;
}

/**
 * Citizen identity (CCCD) codes of the birth province: the 63 pre-2025 province codes
 * (Circular 07/2016/TT-BCA), grouped by the province each merged into on 1 July 2025.
 * People keep their numbers, so a merged province's residents carry any of its old codes.
 */
const ID_PROVINCE_CODES: Record<string, string[]> = {
  "Hà Nội": ["001"], "Huế": ["046"], "Lai Châu": ["012"], "Điện Biên": ["011"], "Sơn La": ["014"],
  "Lạng Sơn": ["020"], "Quảng Ninh": ["022"], "Thanh Hóa": ["038"], "Nghệ An": ["040"], "Hà Tĩnh": ["042"],
  "Cao Bằng": ["004"], "Tuyên Quang": ["008", "002"], "Lào Cai": ["010", "015"], "Thái Nguyên": ["019", "006"],
  "Phú Thọ": ["025", "026", "017"], "Bắc Ninh": ["027", "024"], "Hưng Yên": ["033", "034"],
  "Hải Phòng": ["031", "030"], "Ninh Bình": ["037", "035", "036"], "Quảng Trị": ["045", "044"],
  "Đà Nẵng": ["048", "049"], "Quảng Ngãi": ["051", "062"], "Gia Lai": ["064", "052"], "Khánh Hòa": ["056", "058"],
  "Lâm Đồng": ["068", "067", "060"], "Đắk Lắk": ["066", "054"], "TP. Hồ Chí Minh": ["079", "074", "077"],
  "Đồng Nai": ["075", "070"], "Tây Ninh": ["072", "080"], "Cần Thơ": ["092", "094", "093"],
  "Vĩnh Long": ["086", "083", "084"], "Đồng Tháp": ["087", "082"], "Cà Mau": ["096", "095"], "An Giang": ["089", "091"],
};

/**
 * A 12-digit CCCD number: 3-digit province of birth registration, 1 digit for gender and century
 * (0/1 male/female born 1900-1999, 2/3 born 2000-2099), 2 digits of the birth year, 6 random digits.
 */
export function citizenIdNumber(rng: Random, province: string, gender: Gender, birthYear: number): string {
  const provinceCode = rng.pick(ID_PROVINCE_CODES[province] ?? ["001"]);
  const centuryDigit = (birthYear >= 2000 ? 2 : 0) + (gender === "female" ? 1 : 0);
  return `${provinceCode}${centuryDigit}${String(birthYear % 100).padStart(2, "0")}${rng.digits(6)}`;
}

const MOBILE_PREFIXES = ["032", "033", "034", "035", "036", "037", "038", "039", "070", "076", "077", "078", "079", "081", "083", "084", "085", "086", "088", "090", "091", "093", "094", "096", "097", "098"];

function mobilePhone(rng: Random): string {
  return `${rng.pick(MOBILE_PREFIXES)}${rng.digits(7)}`;
}

export function person(rng: Random, province: string, minAge = 22, maxAge = 65, referenceYear = 2026): Person {
  const gender: Gender = rng.chance(0.5) ? "male" : "female";
  const birthYear = referenceYear - rng.int(minAge, maxAge);
  const dateOfBirth = new Date(Date.UTC(birthYear, rng.int(0, 11), rng.int(1, 28)));
  return {
    name: personName(rng, gender),
    gender,
    dateOfBirth,
    idNumber: citizenIdNumber(rng, province, gender, birthYear),
    phone: mobilePhone(rng),
  };
}

// ─── Addresses ─────────────────────────────────────────────────────────────

const STREETS = [
  "Lê Lợi", "Trần Hưng Đạo", "Nguyễn Huệ", "Hai Bà Trưng", "Lý Thường Kiệt", "Quang Trung", "Nguyễn Trãi",
  "Phan Đình Phùng", "Hùng Vương", "Lê Duẩn", "Điện Biên Phủ", "Nguyễn Văn Cừ", "Trần Phú", "Võ Thị Sáu",
  "Nguyễn Thị Minh Khai", "Lê Hồng Phong", "Bà Triệu", "Phạm Văn Đồng",
];

/** Wards and communes under the two-tier local government (since 1 July 2025); a few per province. */
const WARDS: Record<string, string[]> = {
  "Hà Nội": ["phường Ba Đình", "phường Hoàn Kiếm", "phường Cầu Giấy", "phường Đống Đa", "phường Hà Đông", "phường Long Biên", "phường Tây Hồ", "xã Sóc Sơn"],
  "TP. Hồ Chí Minh": ["phường Sài Gòn", "phường Bến Thành", "phường Tân Định", "phường Thủ Đức", "phường Bình Thạnh", "phường Gia Định", "phường Thủ Dầu Một", "phường Vũng Tàu"],
  "Đà Nẵng": ["phường Hải Châu", "phường Thanh Khê", "phường Sơn Trà", "phường Ngũ Hành Sơn", "phường Hòa Khánh", "phường Tam Kỳ", "phường Hội An"],
  "Cần Thơ": ["phường Ninh Kiều", "phường Cái Khế", "phường Bình Thủy", "phường Cái Răng", "phường Sóc Trăng", "phường Vị Thanh"],
  "Nghệ An": ["phường Vinh", "phường Trường Vinh", "phường Thành Vinh", "phường Cửa Lò", "xã Diễn Châu"],
  "Quảng Ninh": ["phường Hạ Long", "phường Bãi Cháy", "phường Cẩm Phả", "phường Uông Bí"],
  "Hải Phòng": ["phường Hồng Bàng", "phường Lê Chân", "phường Ngô Quyền", "phường Hải Dương", "phường Kiến An"],
  "Lâm Đồng": ["phường Xuân Hương - Đà Lạt", "phường Lâm Viên - Đà Lạt", "phường Phan Thiết"],
};

/** Provinces the demo data has ward names for. */
export const PROVINCES_WITH_WARDS: readonly string[] = Object.keys(WARDS);

/** An address as the e-form's address field holds it (server/modules/eform: province, commune, street). */
export interface AddressParts {
  province: string;
  commune: string;
  street: string;
}

export function addressParts(rng: Random, province: string): AddressParts {
  const wards = WARDS[province];
  if (!wards) throw new Error(`No demo wards for ${province}`);
  const number = rng.chance(0.3) ? `Số ${rng.int(1, 200)} ngõ ${rng.int(2, 150)}` : `Số ${rng.int(1, 450)}`;
  return { province, commune: rng.pick(wards), street: `${number} ${rng.pick(STREETS)}` };
}

/** One line: "Số 12 Lê Lợi, phường Bến Thành, Thành phố Hồ Chí Minh". */
export function formatAddress(a: AddressParts, provinceFullName: string): string {
  return `${a.street}, ${a.commune}, ${provinceFullName}`;
}
