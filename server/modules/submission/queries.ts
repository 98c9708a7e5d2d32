// What the submission page reads: the procedure's version in force with its e-form, document
// components and receiving agencies; the citizen's profile for prefilling.
import type { Db, Prisma } from "../../db";
import { parseFormSchema, type TFormSchema } from "../eform/format";
import { isProvince, PROVINCES } from "../eform/provinces";
import { APPLICANT_TYPES, type TDraftData, type TSubmissionComponent } from "./schema";

export interface TSubmissionAgency {
  id: string;
  nameVi: string;
  nameEn: string;
  provinceName: string | null;
  trainingMode: boolean;
}

export interface TSubmissionTarget {
  procedureId: string;
  procedureCode: string;
  versionId: string;
  version: number;
  nameVi: string;
  nameEn: string;
  limitValue: number;
  limitUnit: "WORKING_DAY" | "WORKING_HOUR";
  acrossBoundary: boolean;
  /** Channel 2 accepted. */
  online: boolean;
  feeNoteVi: string | null;
  feeNoteEn: string | null;
  formSchema: TFormSchema;
  components: TSubmissionComponent[];
  agencies: TSubmissionAgency[];
}

const versionSelect = {
  id: true,
  version: true,
  nameVi: true,
  nameEn: true,
  limitValue: true,
  limitUnit: true,
  acrossBoundary: true,
  channels: true,
  feeNoteVi: true,
  feeNoteEn: true,
  formSchema: true,
  components: {
    orderBy: { order: "asc" },
    select: {
      id: true,
      order: true,
      nameVi: true,
      nameEn: true,
      required: true,
      copiesVi: true,
      copiesEn: true,
      templateUrl: true,
      acceptedTypes: true,
      maxSizeBytes: true,
    },
  },
} as const satisfies Prisma.ProcedureVersionSelect;

/** The procedure (by code) with its version in force now, or null when there is none. */
export async function loadSubmissionTarget(
  db: Db,
  { procedureCode }: { procedureCode: string },
  { now = new Date() }: { now?: Date } = {},
): Promise<TSubmissionTarget | null> {
  const procedure = await db.procedure.findFirst({
    where: { code: procedureCode, active: true },
    select: {
      id: true,
      code: true,
      versions: {
        where: { status: "PUBLISHED", validFrom: { lte: now }, OR: [{ validTo: null }, { validTo: { gt: now } }] },
        orderBy: { version: "desc" },
        take: 1,
        select: versionSelect,
      },
      agencies: {
        where: { agency: { active: true } },
        select: { agency: { select: { id: true, nameVi: true, nameEn: true, provinceName: true, trainingMode: true } } },
      },
    },
  });
  const version = procedure?.versions[0];
  if (!procedure || !version) return null;
  const agencies = procedure.agencies
    .map((a) => a.agency)
    .sort((a, b) => (a.provinceName ?? "").localeCompare(b.provinceName ?? "", "vi") || a.nameVi.localeCompare(b.nameVi, "vi"));
  return {
    procedureId: procedure.id,
    procedureCode: procedure.code,
    versionId: version.id,
    version: version.version,
    nameVi: version.nameVi,
    nameEn: version.nameEn,
    limitValue: version.limitValue,
    limitUnit: version.limitUnit,
    acrossBoundary: version.acrossBoundary,
    online: version.channels.includes(2),
    feeNoteVi: version.feeNoteVi,
    feeNoteEn: version.feeNoteEn,
    formSchema: parseFormSchema(version.formSchema),
    components: version.components,
    agencies,
  };
}

export interface TApplicantProfile {
  name: string;
  idNumber: string | null;
  dateOfBirth: string | null;
  address: string | null;
  phone: string | null;
  email: string | null;
  applicantType: string;
  organisationName: string | null;
  taxCode: string | null;
}

export async function loadApplicantProfile(db: Db, { userId }: { userId: string }): Promise<TApplicantProfile | null> {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: {
      name: true,
      idNumber: true,
      dateOfBirth: true,
      address: true,
      phone: true,
      email: true,
      applicantType: true,
      organisationName: true,
      taxCode: true,
      active: true,
    },
  });
  if (!user?.active) return null;
  // DATE columns arrive as UTC midnight of the calendar date.
  return { ...user, dateOfBirth: user.dateOfBirth ? user.dateOfBirth.toISOString().slice(0, 10) : null };
}

const PROVINCE_ALIASES: Record<string, string> = { "Hồ Chí Minh": "TP. Hồ Chí Minh" };

/** The province a free-text address names (the last one mentioned wins: addresses end with it). */
export function provinceInText(text: string | null | undefined): string | null {
  if (!text) return null;
  const haystack = text.normalize("NFC").toLocaleLowerCase("vi");
  let best: { province: string; at: number } | null = null;
  const candidates: [string, string][] = [...PROVINCES.map((p) => [p, p] as [string, string]), ...Object.entries(PROVINCE_ALIASES)];
  for (const [needle, province] of candidates) {
    const at = haystack.lastIndexOf(needle.toLocaleLowerCase("vi"));
    if (at >= 0 && (!best || at > best.at)) best = { province, at };
  }
  return best && isProvince(best.province) ? best.province : null;
}

/**
 * A new draft's starting values from the citizen's profile: the applicant section, the usual
 * organisation fields of the e-form, and the agency of the citizen's province when it offers the
 * procedure (or the only agency that does).
 */
export function prefillDraftData(profile: TApplicantProfile, target: Pick<TSubmissionTarget, "formSchema" | "agencies">): TDraftData {
  const applicantType = (APPLICANT_TYPES as readonly string[]).includes(profile.applicantType) ? profile.applicantType : "CITIZEN";
  const applicant: Record<string, string> = { applicantType, name: profile.name };
  if (profile.idNumber) applicant.idNumber = profile.idNumber;
  if (profile.dateOfBirth) applicant.dateOfBirth = profile.dateOfBirth;
  if (profile.phone) applicant.phone = profile.phone;
  if (profile.email) applicant.email = profile.email;
  if (profile.address) applicant.address = profile.address;
  if (profile.organisationName) applicant.organisationName = profile.organisationName;
  if (profile.taxCode) applicant.taxCode = profile.taxCode;

  const fields: Record<string, Record<string, string>> = {};
  const organisation = target.formSchema.fields.find((f) => f.key === "organisation" && f.type === "group" && !f.repeatable);
  if (organisation && profile.organisationName) {
    const keys = new Set((organisation.fields ?? []).map((f) => f.key));
    const values: Record<string, string> = {};
    const put = (key: string, value: string | null) => {
      if (value && keys.has(key)) values[key] = value;
    };
    put("name", profile.organisationName);
    put("taxCode", profile.taxCode);
    put("representative", profile.name);
    put("representativeIdNumber", profile.idNumber);
    put("phone", profile.phone);
    fields.organisation = values;
  }

  let agencyId: string | undefined;
  if (target.agencies.length === 1) agencyId = target.agencies[0]!.id;
  else {
    const province = provinceInText(profile.address);
    const matches = target.agencies.filter((a) => province && a.provinceName === province);
    if (matches.length === 1) agencyId = matches[0]!.id;
  }
  return { applicant, fields, ...(agencyId ? { agencyId } : {}), resultDelivery: "AT_DESK" };
}
