// The counter intake form as data: its values, the intake command they make (ZIntakeSchema's
// input), and which form field each command path is.
import type { Locale, TFunction } from "~/server/i18n/core";
import { ZIntakeSchema, type TIntakeInput, type TPickerProcedure } from "~/server/modules/dossier/schema";
import { pickName, startOfVietnamDay } from "../../_lib/format";
import { schemaResolver, type Built, type FieldOf } from "../../_lib/form-errors";

export type ApplicantType = NonNullable<TIntakeInput["applicantType"]>;
export const APPLICANT_TYPES: ApplicantType[] = ["CITIZEN", "BUSINESS", "ORGANISATION", "STATE_AGENCY"];

/** The form's values, named as the intake command's fields. */
export interface IntakeFormValues {
  agencyId: string;
  procedureVersionId: string;
  channel: "1" | "3";
  applicantType: ApplicantType;
  applicantName: string;
  applicantIdNumber: string;
  /** YYYY-MM-DD */
  applicantDateOfBirth: string;
  applicantPhone: string;
  applicantEmail: string;
  applicantAddress: string;
  organisationName: string;
  taxCode: string;
  /** Document components ticked as received. */
  checklist: string[];
  resultDelivery: "AT_DESK" | "BY_POST";
  deliveryAddress: string;
}

export function defaultIntakeValues(agencyId: string): IntakeFormValues {
  return {
    agencyId,
    procedureVersionId: "",
    channel: "1",
    applicantType: "CITIZEN",
    applicantName: "",
    applicantIdNumber: "",
    applicantDateOfBirth: "",
    applicantPhone: "",
    applicantEmail: "",
    applicantAddress: "",
    organisationName: "",
    taxCode: "",
    checklist: [],
    resultDelivery: "AT_DESK",
    deliveryAddress: "",
  };
}

const FIELDS = new Set<keyof IntakeFormValues>(Object.keys(defaultIntakeValues("")) as (keyof IntakeFormValues)[]);

/** The form field a command path names (the procedure's code is its select; checklist.3 is the checklist). */
export const intakeFieldOf: FieldOf<IntakeFormValues> = (path) => {
  const head = path.split(".")[0]!;
  if (head === "procedureCode") return "procedureVersionId";
  return FIELDS.has(head as keyof IntakeFormValues) ? (head as keyof IntakeFormValues) : null;
};

export interface IntakeFormContext {
  t: TFunction;
  locale: Locale;
  /** A procedure as the agency's picker lists it (null: not listed, or none chosen yet). */
  procedureOf: (agencyId: string, procedureVersionId: string) => TPickerProcedure | null;
  /** One key for this form: a retried submission (lost answer) returns the dossier created the first time. */
  idempotencyKey: string;
}

export function buildIntakeCommand(v: IntakeFormValues, { t, locale, procedureOf, idempotencyKey }: IntakeFormContext): Built<TIntakeInput> {
  const procedure = procedureOf(v.agencyId, v.procedureVersionId);
  if (!procedure) return { rejection: { fieldErrors: { procedureVersionId: "required" }, message: t("officer.intake.chooseProcedureFirst") } };
  const missing = procedure.components.filter((c) => c.required && !v.checklist.includes(c.id));
  if (missing.length > 0) {
    const list = missing.map((c) => pickName(locale, c.nameVi, c.nameEn)).join("; ");
    return { rejection: { fieldErrors: { checklist: "required" }, message: t("officer.intake.missingRequired", { list }) } };
  }
  const str = (value: string) => value.trim();
  const dob = startOfVietnamDay(str(v.applicantDateOfBirth));
  const business = v.applicantType !== "CITIZEN";
  return {
    input: {
      agencyId: v.agencyId,
      procedureVersionId: procedure.procedureVersionId,
      channel: v.channel === "3" ? 3 : 1,
      applicantType: v.applicantType,
      applicantName: str(v.applicantName),
      ...(str(v.applicantIdNumber) ? { applicantIdNumber: str(v.applicantIdNumber) } : {}),
      ...(dob ? { applicantDateOfBirth: dob } : {}),
      ...(str(v.applicantPhone) ? { applicantPhone: str(v.applicantPhone) } : {}),
      ...(str(v.applicantEmail) ? { applicantEmail: str(v.applicantEmail) } : {}),
      ...(str(v.applicantAddress) ? { applicantAddress: str(v.applicantAddress) } : {}),
      ...(business && str(v.organisationName) ? { organisationName: str(v.organisationName) } : {}),
      ...(business && str(v.taxCode) ? { taxCode: str(v.taxCode) } : {}),
      checklist: v.checklist.filter((id) => procedure.components.some((c) => c.id === id)),
      resultDelivery: v.resultDelivery,
      ...(v.resultDelivery === "BY_POST" ? { deliveryAddress: str(v.deliveryAddress) } : {}),
      idempotencyKey,
      deviceAt: new Date(),
    },
  };
}

/** The intake command, checked with the schema the server checks it with (ZIntakeSchema). */
export const intakeResolver = schemaResolver<IntakeFormValues, IntakeFormContext, TIntakeInput>({
  schema: ZIntakeSchema,
  build: buildIntakeCommand,
  fieldOf: () => intakeFieldOf,
});
