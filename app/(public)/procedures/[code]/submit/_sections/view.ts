// What the submission page's sections read, and derive, pure: the procedure in force as they see
// it, the labels the error summary names inputs by, and the summary in page order.
import { summaryLabels, type EformContext, type SummaryItem } from "~/app/_components/eform/fields";
import type { Locale, TFunction } from "~/server/i18n/core";
import { inputId } from "~/server/modules/eform/form-data";
import type { TFormSchema } from "~/server/modules/eform/format";
import { APPLICANT_FORM, DELIVERY_ADDRESS_NAME, type TSubmissionComponent } from "~/server/modules/submission/schema";

/**
 * The procedure in force, as far as the sections read it: the page passes its loaded target
 * (TSubmissionTarget of submission/queries.ts, which app/ files other than the page do not import).
 */
export interface SubmissionTarget {
  procedureCode: string;
  versionId: string;
  nameVi: string;
  nameEn: string;
  limitValue: number;
  limitUnit: "WORKING_DAY" | "WORKING_HOUR";
  acrossBoundary: boolean;
  feeNoteVi: string | null;
  feeNoteEn: string | null;
  formSchema: TFormSchema;
  components: TSubmissionComponent[];
  agencies: { id: string; nameVi: string; nameEn: string; trainingMode: boolean }[];
}

export function formatTime(date: Date, locale: Locale): string {
  return new Intl.DateTimeFormat(locale === "en" ? "en-GB" : "vi-VN", {
    timeZone: "Asia/Ho_Chi_Minh",
    hour: "2-digit",
    minute: "2-digit",
    day: "2-digit",
    month: "2-digit",
    year: "numeric",
  }).format(date);
}

export function agencyLabel(target: SubmissionTarget, t: TFunction): string {
  return target.acrossBoundary ? t("submission.agencyLabelAcross") : t("submission.agencyLabel");
}

/** Labels for the error summary, by input name, in page order: applicant, agency, fields, documents, delivery (the browser check reads them from data-label). */
export function submissionLabels(target: SubmissionTarget, ctx: { applicant: EformContext; fields: EformContext }, t: TFunction, locale: Locale): Map<string, string> {
  return new Map<string, string>([
    ...summaryLabels(APPLICANT_FORM.fields, ctx.applicant),
    ["agencyId", agencyLabel(target, t)],
    ...summaryLabels(target.formSchema.fields, ctx.fields),
    ...target.components.map((c) => [`file.${c.id}`, `${c.order}. ${locale === "en" ? c.nameEn : c.nameVi}`] as [string, string]),
    ["resultDelivery", t("submission.deliveryLegend")],
    [`${DELIVERY_ADDRESS_NAME}.province`, `${t("submission.deliveryAddressLegend")}: ${t("eform.provinceLabel")}`],
    [`${DELIVERY_ADDRESS_NAME}.commune`, `${t("submission.deliveryAddressLegend")}: ${t("eform.communeLabel")}`],
    [`${DELIVERY_ADDRESS_NAME}.street`, `${t("submission.deliveryAddressLegend")}: ${t("eform.streetLabel")}`],
  ]);
}

/** Summary entries in page order (the order of `labels`). */
export function summaryOf(errors: Record<string, string>, labels: Map<string, string>): SummaryItem[] {
  const order = [...labels.keys()];
  const rank = (name: string) => (order.includes(name) ? order.indexOf(name) : order.length);
  return Object.entries(errors)
    .sort(([a], [b]) => rank(a) - rank(b))
    .map(([name, message]) => ({
      href: name.startsWith("file.") ? `in-file-${name.slice(5)}` : inputId(name),
      label: labels.get(name) ?? "",
      message,
    }));
}
