// A new draft's starting values, from the citizen's profile and the procedure's form. Pure.
import { isProvince, PROVINCES } from "../eform/provinces";
import type { TSubmissionTarget, TApplicantProfile } from "./queries";
import { APPLICANT_TYPES, type TDraftData } from "./schema";

const PROVINCE_ALIASES: Record<string, string> = { "Hồ Chí Minh": "TP. Hồ Chí Minh" };

/** The province a free-text address names (the last one mentioned wins: addresses end with it). */
function provinceInText(text: string | null | undefined): string | null {
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
