// Demo accounts: every officer role at the ministry and at two departments (Hà Nội, TP. Hồ Chí Minh),
// a controller and a system administrator at the ministry, and three citizens (one a business).
// One shared password per kind of account; `npm start` prints `demoAccounts` so people can sign in.

import { departmentCode, departments, MINISTRY_CODE, ministry, provinceFullNameVi, provinceSlug } from "./agencies";
import { formatAddress, type AddressParts } from "./random";

type OfficerRole =
  | "RECEPTION_OFFICER"
  | "SPECIALIST"
  | "LEADER"
  | "RECORDS_CLERK"
  | "POSTAL_STAFF"
  | "AGENCY_ADMIN"
  | "CONTROLLER"
  | "SYSTEM_ADMIN";

/** Demo passwords: public by design (printed at start-up); never use these accounts in production. */
export const OFFICER_PASSWORD = "Motcua@2026";
export const CITIZEN_PASSWORD = "Congdan@2026";

const ROLE_LABELS: Record<OfficerRole, { vi: string; en: string }> = {
  RECEPTION_OFFICER: { vi: "Cán bộ tiếp nhận", en: "Reception officer" },
  SPECIALIST: { vi: "Chuyên viên", en: "Specialist" },
  LEADER: { vi: "Lãnh đạo", en: "Leader" },
  RECORDS_CLERK: { vi: "Văn thư", en: "Records clerk" },
  POSTAL_STAFF: { vi: "Nhân viên bưu chính", en: "Postal staff" },
  AGENCY_ADMIN: { vi: "Quản trị đơn vị", en: "Agency administrator" },
  CONTROLLER: { vi: "Cán bộ đầu mối kiểm soát TTHC", en: "Procedure control officer" },
  SYSTEM_ADMIN: { vi: "Quản trị hệ thống", en: "System administrator" },
};

interface OfficerSeed {
  email: string;
  name: string;
  agencyCode: string;
  role: OfficerRole;
}

interface CitizenSeed {
  email: string;
  name: string;
  phone: string;
  idNumber: string;
  dateOfBirth: string;
  address: AddressParts;
  applicantType: "CITIZEN" | "BUSINESS";
  organisationName?: string;
  taxCode?: string;
}

const HANOI_CODE = departmentCode("Hà Nội");
const HCM_CODE = departmentCode("TP. Hồ Chí Minh");

/** Officers per agency, by role: [e-mail prefix, full name]. */
const STAFF: Record<string, { suffix: string; people: Partial<Record<OfficerRole, string>> }> = {
  [MINISTRY_CODE]: {
    suffix: "bo",
    people: {
      RECEPTION_OFFICER: "Nguyễn Thị Thu Hà",
      SPECIALIST: "Trần Minh Đức",
      LEADER: "Phạm Quang Vinh",
      RECORDS_CLERK: "Lê Thị Hồng Nhung",
      POSTAL_STAFF: "Đỗ Văn Hùng",
      AGENCY_ADMIN: "Hoàng Anh Tuấn",
      CONTROLLER: "Vũ Thị Lan Anh",
    },
  },
  [HANOI_CODE]: {
    suffix: "hanoi",
    people: {
      RECEPTION_OFFICER: "Đặng Thị Mai",
      SPECIALIST: "Ngô Văn Nam",
      LEADER: "Nguyễn Văn Hải",
      RECORDS_CLERK: "Phan Thị Ngọc Anh",
      POSTAL_STAFF: "Trịnh Văn Long",
      AGENCY_ADMIN: "Dương Minh Khoa",
    },
  },
  [HCM_CODE]: {
    suffix: "hcm",
    people: {
      RECEPTION_OFFICER: "Huỳnh Thị Kim Ngân",
      SPECIALIST: "Võ Thanh Phong",
      LEADER: "Lê Hoàng Việt",
      RECORDS_CLERK: "Trần Thị Bích Ngọc",
      POSTAL_STAFF: "Nguyễn Văn Phúc",
      AGENCY_ADMIN: "Lý Gia Huy",
    },
  },
};

const EMAIL_PREFIX: Record<OfficerRole, string> = {
  RECEPTION_OFFICER: "tiepnhan",
  SPECIALIST: "chuyenvien",
  LEADER: "lanhdao",
  RECORDS_CLERK: "vanthu",
  POSTAL_STAFF: "buuchinh",
  AGENCY_ADMIN: "quantri",
  CONTROLLER: "kiemsoat",
  SYSTEM_ADMIN: "quantrihethong",
};

export const officers: OfficerSeed[] = [
  ...Object.entries(STAFF).flatMap(([agencyCode, { suffix, people }]) =>
    (Object.entries(people) as [OfficerRole, string][]).map(([role, name]) => ({
      email: `${EMAIL_PREFIX[role]}.${suffix}@motcua.test`,
      name,
      agencyCode,
      role,
    })),
  ),
  { email: "quantrihethong@motcua.test", name: "Bùi Đức Thắng", agencyCode: MINISTRY_CODE, role: "SYSTEM_ADMIN" },
];

/**
 * Officers of the other departments that have demo dossiers, so that their dossiers have real
 * assignees and actors. They have no password (not demo accounts): an administrator may set one.
 */
const SUPPORTING_STAFF: Record<string, Partial<Record<OfficerRole, string>>> = {
  "Đà Nẵng": { RECEPTION_OFFICER: "Phan Thị Thanh Thảo", SPECIALIST: "Lê Văn Cường", LEADER: "Trần Đức Thắng", RECORDS_CLERK: "Nguyễn Thị Mỹ Linh" },
  "Cần Thơ": { RECEPTION_OFFICER: "Trương Thị Ngọc Hân", SPECIALIST: "Huỳnh Văn Tâm", LEADER: "Nguyễn Thành Nhân", RECORDS_CLERK: "Lê Thị Kim Loan" },
  "Nghệ An": { RECEPTION_OFFICER: "Hồ Thị Hương", SPECIALIST: "Nguyễn Văn Sơn", LEADER: "Đặng Quốc Hùng", RECORDS_CLERK: "Trần Thị Nga" },
  "Quảng Ninh": { RECEPTION_OFFICER: "Vũ Thị Thu Trang", SPECIALIST: "Phạm Văn Tuấn", LEADER: "Đỗ Mạnh Hà", RECORDS_CLERK: "Ngô Thị Yến" },
  "Hải Phòng": { RECEPTION_OFFICER: "Bùi Thị Minh Phương", SPECIALIST: "Lương Văn Khánh", LEADER: "Nguyễn Hữu Dũng", RECORDS_CLERK: "Đào Thị Hạnh" },
  "Lâm Đồng": { RECEPTION_OFFICER: "Nguyễn Thị Hoa", SPECIALIST: "Trần Minh Quang", LEADER: "Võ Văn Bình", RECORDS_CLERK: "Lê Thị Thu Hà" },
};

export const supportingOfficers: OfficerSeed[] = Object.entries(SUPPORTING_STAFF).flatMap(([province, people]) =>
  (Object.entries(people) as [OfficerRole, string][]).map(([role, name]) => ({
    email: `${EMAIL_PREFIX[role]}.${provinceSlug(province)}@motcua.test`,
    name,
    agencyCode: departmentCode(province),
    role,
  })),
);

export const citizens: CitizenSeed[] = [
  {
    email: "congdan1@motcua.test",
    name: "Nguyễn Văn An",
    phone: "0900000101",
    idNumber: "001090004521",
    dateOfBirth: "1990-03-14",
    address: { province: "Hà Nội", commune: "phường Đống Đa", street: "Số 18 Nguyễn Trãi" },
    applicantType: "CITIZEN",
  },
  {
    email: "congdan2@motcua.test",
    name: "Trần Thị Bích Hạnh",
    phone: "0900000102",
    idNumber: "079195006183",
    dateOfBirth: "1995-11-02",
    address: { province: "TP. Hồ Chí Minh", commune: "phường Bến Thành", street: "Số 72 Lê Lợi" },
    applicantType: "CITIZEN",
  },
  {
    email: "doanhnghiep@motcua.test",
    name: "Lê Minh Quân",
    phone: "0900000103",
    idNumber: "001088007734",
    dateOfBirth: "1988-06-21",
    address: { province: "Hà Nội", commune: "phường Cầu Giấy", street: "Số 25 Phạm Văn Đồng" },
    applicantType: "BUSINESS",
    organisationName: "Công ty Cổ phần Công nghệ Sao Việt",
    taxCode: "0109123456",
  },
];

/** A citizen's address on one line (User.address, the dossier's applicant address). */
export function citizenAddress(c: CitizenSeed): string {
  return formatAddress(c.address, provinceFullNameVi(c.address.province));
}

const agencyNameByCode = new Map([ministry, ...departments].map((a) => [a.code, a.nameVi]));

export const demoAccounts: { email: string; password: string; roleVi: string; roleEn: string; agencyVi: string }[] = [
  ...officers.map((o) => ({
    email: o.email,
    password: OFFICER_PASSWORD,
    roleVi: ROLE_LABELS[o.role].vi,
    roleEn: ROLE_LABELS[o.role].en,
    agencyVi: agencyNameByCode.get(o.agencyCode) ?? o.agencyCode,
  })),
  ...citizens.map((c) => ({
    email: c.email,
    password: CITIZEN_PASSWORD,
    roleVi: c.applicantType === "BUSINESS" ? "Doanh nghiệp" : "Công dân",
    roleEn: c.applicantType === "BUSINESS" ? "Business" : "Citizen",
    agencyVi: "—",
  })),
];
