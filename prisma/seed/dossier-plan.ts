// Demo dossiers, part 1: what each dossier is (agency, procedure, target status, channel, applicant,
// form data). Pure and deterministic: dossier i is the same on every run and on every machine.

import { citizens } from "./accounts";
import { departments, MINISTRY_CODE, provinceFullNameVi } from "./agencies";
import type { FormField } from "./form-schema";
import { procedures, type ProcedureSeed } from "./procedures";
import { addressParts, formatAddress, PROVINCES_WITH_WARDS, Random, person, seedOf, type AddressParts, type Person } from "./random";

export const DEMO_DOSSIER_COUNT = 300;

export type TargetStatus =
  | "NEW"
  | "RECEIVED"
  | "REFUSED"
  | "PROCESSING"
  | "SUPPLEMENT_REQUESTED"
  | "AWAITING_FEE"
  | "WITHDRAWN"
  | "STOPPED"
  | "PROCESSED"
  | "RETURNED";

type Channel = 1 | 2 | 3;
type Delivery = "AT_DESK" | "BY_POST";

/** The demo citizens that own some online dossiers, so the citizen portal has "my dossiers". */
interface DemoOwner {
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

export interface DossierPlan {
  index: number;
  /** Receiving and handling agency (the seed does not model non-boundary reception). */
  agencyCode: string;
  procedureCode: string;
  target: TargetStatus;
  channel: Channel;
  applicantType: "CITIZEN" | "BUSINESS" | "ORGANISATION";
  applicantName: string;
  applicantIdNumber: string;
  applicantDateOfBirth: string;
  applicantPhone: string;
  applicantEmail: string | null;
  applicantAddress: string;
  organisationName: string | null;
  taxCode: string | null;
  ownerEmail: string | null;
  formData: Record<string, unknown>;
  resultDelivery: Delivery;
  deliveryAddress: string | null;
  /** For fee rules that depend on the dossier (percent of the contract value). */
  contractValue: number | null;
}

interface PlanContext {
  /** Procedures by code. */
  procedures: ReadonlyMap<string, ProcedureSeed>;
  ministryCode: string;
  /** Department codes by province. */
  departmentCodes: ReadonlyMap<string, string>;
  owners: { business: DemoOwner; citizenNorth: DemoOwner; citizenSouth: DemoOwner };
}

/** Where demo dossiers are filed: the three agencies with demo officers get most of them. */
const AGENCY_WEIGHTS = {
  "Hà Nội": 33,
  "TP. Hồ Chí Minh": 28,
  MINISTRY: 12,
  "Đà Nẵng": 7,
  "Cần Thơ": 5,
  "Nghệ An": 5,
  "Quảng Ninh": 4,
  "Hải Phòng": 3,
  "Lâm Đồng": 3,
} as const;

const DEPARTMENT_PROCEDURE_WEIGHTS = {
  "1.004473": 14,
  "1.014393": 6,
  "2.002249": 14,
  "1.005442": 12,
  "2.002131": 26,
  "3.000453": 10,
  "LOCAL.KHCN.001": 8,
} as const;

const STATUS_WEIGHTS: Record<TargetStatus, number> = {
  NEW: 6,
  RECEIVED: 7,
  REFUSED: 4,
  PROCESSING: 22,
  SUPPLEMENT_REQUESTED: 8,
  AWAITING_FEE: 6,
  WITHDRAWN: 4,
  STOPPED: 3,
  PROCESSED: 9,
  RETURNED: 31,
};

/** Form dates are drawn before this day, so they stay in the past whenever the seed runs. */
const FORM_REFERENCE = Date.UTC(2026, 5, 1);

export function planDossier(index: number, ctx: PlanContext): DossierPlan {
  const rng = new Random(seedOf(`dossier:${index}`));
  const agencyKey = rng.weighted(AGENCY_WEIGHTS);
  const atMinistry = agencyKey === "MINISTRY";
  const agencyCode = atMinistry ? ctx.ministryCode : ctx.departmentCodes.get(agencyKey);
  if (!agencyCode) throw new Error(`No department for ${agencyKey}`);
  const procedureCode = atMinistry ? "1.009844" : rng.weighted(DEPARTMENT_PROCEDURE_WEIGHTS);
  const procedure = ctx.procedures.get(procedureCode);
  if (!procedure) throw new Error(`No procedure ${procedureCode}`);

  let target = rng.weighted(STATUS_WEIGHTS);
  if (target === "AWAITING_FEE" && procedure.fee.kind === "none") target = "PROCESSING";
  // Only an online submission waits unreceived or is refused before reception (createDossier's rule).
  const channel: Channel = target === "NEW" || target === "REFUSED" ? 2 : (Number(rng.weighted({ 1: 35, 2: 50, 3: 15 })) as Channel);

  // The applicant lives in the agency's province; the ministry's come from several provinces.
  const province = atMinistry ? rng.pick(PROVINCES_WITH_WARDS) : (agencyKey as string);

  const owner = chooseOwner(rng, ctx, procedure, agencyKey, channel);
  let applicant: Person;
  let applicantType: DossierPlan["applicantType"];
  let organisationName: string | null;
  let taxCode: string | null;
  let address: AddressParts;
  let email: string | null;
  if (owner) {
    applicant = {
      name: owner.name,
      gender: "male",
      dateOfBirth: new Date(`${owner.dateOfBirth}T00:00:00Z`),
      idNumber: owner.idNumber,
      phone: owner.phone,
    };
    applicantType = owner.applicantType;
    organisationName = owner.organisationName ?? `Phòng khám nha khoa ${owner.name}`;
    taxCode = owner.taxCode ?? null;
    address = owner.address;
    email = owner.email;
  } else {
    applicant = person(rng, province, 25, 62);
    applicantType = rng.pick(procedure.applicantTypes);
    const orgSample = procedure.samples["organisation.name"] ?? ["Công ty TNHH Minh Họa"];
    organisationName = rng.pick(orgSample).replace("{province}", province);
    taxCode = applicantType === "BUSINESS" ? taxCodeFor(rng, province) : null;
    address = addressParts(rng, province);
    email = rng.chance(0.6) ? demoEmail(applicant.name, index) : null;
  }

  const contractValue = procedure.formSchema.fields.some((f) => f.key === "contractValue")
    ? rng.int(3, 80) * 100_000_000
    : null;
  const formData = fillForm(rng, procedure.formSchema.fields, "", {
    procedure,
    applicant,
    organisationName,
    taxCode,
    address,
    province,
    contractValue,
  });

  // Results go back at the desk or by post (the return command knows these two ways).
  const resultDelivery: Delivery =
    channel === 3 ? "BY_POST" : channel === 2 ? rng.weighted({ BY_POST: 45, AT_DESK: 55 }) : rng.weighted({ AT_DESK: 85, BY_POST: 15 });

  return {
    index,
    agencyCode,
    procedureCode,
    target,
    channel,
    applicantType,
    applicantName: applicant.name,
    applicantIdNumber: applicant.idNumber,
    applicantDateOfBirth: applicant.dateOfBirth.toISOString().slice(0, 10),
    applicantPhone: applicant.phone,
    applicantEmail: email,
    applicantAddress: formatAddress(address, provinceFullNameVi(address.province)),
    organisationName: applicantType === "CITIZEN" && !owner ? null : organisationName,
    taxCode,
    ownerEmail: owner?.email ?? null,
    formData,
    resultDelivery,
    deliveryAddress: resultDelivery === "BY_POST" ? formatAddress(address, provinceFullNameVi(address.province)) : null,
    contractValue,
  };
}

function chooseOwner(
  rng: Random,
  ctx: PlanContext,
  procedure: ProcedureSeed,
  agencyKey: string,
  channel: Channel,
): DemoOwner | null {
  const roll = rng.next();
  if (channel !== 2) return null;
  if (agencyKey === "Hà Nội" && procedure.applicantTypes.includes("BUSINESS") && procedure.code !== "2.002131" && roll < 0.3) {
    return ctx.owners.business;
  }
  if (procedure.code === "2.002131" && roll < 0.4) {
    if (agencyKey === "Hà Nội") return ctx.owners.citizenNorth;
    if (agencyKey === "TP. Hồ Chí Minh") return ctx.owners.citizenSouth;
  }
  return null;
}

/** Enterprise codes start with the province's tax-office prefix in real life; any 10 digits do here. */
function taxCodeFor(rng: Random, province: string): string {
  const prefix = province === "Hà Nội" ? "01" : province === "TP. Hồ Chí Minh" ? "03" : `0${rng.int(2, 9)}`;
  return `${prefix}${rng.digits(8)}`;
}

function demoEmail(name: string, index: number): string {
  const ascii = name
    .normalize("NFD")
    .replace(/\p{Mn}+/gu, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .split(/\s+/);
  const given = ascii[ascii.length - 1] ?? "nguoidung";
  const initials = ascii.slice(0, -1).map((w) => w[0] ?? "").join("");
  return `${given}${initials}${index}@example.vn`;
}

interface FillContext {
  procedure: ProcedureSeed;
  applicant: Person;
  organisationName: string | null;
  taxCode: string | null;
  address: AddressParts;
  province: string;
  contractValue: number | null;
}

function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

const DAY_MS = 86_400_000;

/** Values for the fields of an e-form schema (prisma/seed/README.md), sensible for the procedure. */
function fillForm(rng: Random, fields: readonly FormField[], prefix: string, ctx: FillContext): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  // Dates of a task that are consistent with each other: start < end < acceptance < reference.
  const acceptance = FORM_REFERENCE - rng.int(20, 200) * DAY_MS;
  const end = acceptance - rng.int(15, 90) * DAY_MS;
  const start = end - rng.int(12, 30) * 30 * DAY_MS;
  for (const field of fields) {
    const path = prefix ? `${prefix}.${field.key}` : field.key;
    const sample = ctx.procedure.samples[path];
    switch (field.type) {
      case "group":
        data[field.key] = fillForm(rng, field.fields ?? [], path, ctx);
        break;
      case "select":
        data[field.key] = rng.pick(field.options ?? []).value;
        break;
      case "idNumber":
        data[field.key] = ctx.applicant.idNumber;
        break;
      case "address":
        data[field.key] = path === "organisation.address" || rng.chance(0.6) ? ctx.address : addressParts(rng, ctx.province);
        break;
      case "date":
        data[field.key] =
          field.key === "startDate" ? isoDate(start) : field.key === "endDate" ? isoDate(end) : field.key === "acceptanceDate" ? isoDate(acceptance) : isoDate(FORM_REFERENCE - rng.int(200, 2000) * DAY_MS);
        break;
      case "number":
        data[field.key] = numberFor(rng, field, ctx);
        break;
      case "text":
        data[field.key] = textFor(rng, field, path, sample, ctx);
        break;
    }
  }
  return data;
}

function numberFor(rng: Random, field: FormField, ctx: FillContext): number {
  switch (field.key) {
    case "contractValue":
      return ctx.contractValue ?? 1_000_000_000;
    case "budget":
      return rng.int(2, 30) * 100_000_000;
    case "manufactureYear":
      return rng.int(2012, 2025);
    case "expectedRevenueShare":
      return rng.int(30, 90);
    case "maxVoltageKv":
      return rng.pick([70, 90, 100, 125, 150]);
    default:
      return rng.int(Math.max(field.min ?? 1, 1), Math.min(field.max ?? 60, 60));
  }
}

function textFor(rng: Random, field: FormField, path: string, sample: string[] | undefined, ctx: FillContext): string {
  if (path === "organisation.name") return ctx.organisationName ?? ctx.applicant.name;
  if (field.key === "taxCode") return ctx.taxCode ?? `0${rng.digits(9)}`;
  if (field.key === "representative") return ctx.applicant.name;
  if (field.key === "phone") return ctx.applicant.phone;
  if (field.key === "chiefInvestigator") return `TS. ${person(rng, ctx.province).name}`;
  if (sample && sample.length > 0) return rng.pick(sample).replace("{province}", ctx.province);
  throw new Error(`No demo value for ${ctx.procedure.code} field ${path}`);
}

export function planContext(): PlanContext {
  const byEmail = (email: string): DemoOwner => {
    const c = citizens.find((x) => x.email === email);
    if (!c) throw new Error(`No demo citizen ${email}`);
    return c;
  };
  return {
    procedures: new Map(procedures.map((p) => [p.code, p])),
    ministryCode: MINISTRY_CODE,
    departmentCodes: new Map(departments.map((d) => [d.provinceName!, d.code])),
    owners: {
      business: byEmail("doanhnghiep@motcua.test"),
      citizenNorth: byEmail("congdan1@motcua.test"),
      citizenSouth: byEmail("congdan2@motcua.test"),
    },
  };
}
