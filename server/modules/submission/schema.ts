// The online submission's contracts. Isomorphic: the browser validates a submission with the very
// validator the server applies before creating the dossier.
import { z } from "zod";
import type { TFunction } from "../../i18n/core";
import { ADDRESS_PARTS, valuesFromFormData, type FormDataLike } from "../eform/form-data";
import type { TFormSchema } from "../eform/format";
import {
  addressValidator,
  buildFormValidator,
  EMAIL_PATTERN,
  eformReporter,
  isBlank,
  nested,
  PHONE_PATTERN,
  TAX_CODE_PATTERN,
  toObject,
  type TAddress,
} from "../eform/validator";

/** Input-name prefixes of the submission form: applicant fields, e-form fields. */
export const APPLICANT_PREFIX = "a";
export const FIELDS_PREFIX = "f";
export const DELIVERY_ADDRESS_NAME = "deliveryAddress";

export const APPLICANT_TYPES = ["CITIZEN", "BUSINESS", "ORGANISATION"] as const;
type TApplicantTypeChoice = (typeof APPLICANT_TYPES)[number];

/**
 * Who files the dossier, as an e-form: rendered and validated like the procedure's own fields.
 * The dossier keeps these as its applicant snapshot.
 */
export const APPLICANT_FORM: TFormSchema = {
  version: 1,
  fields: [
    {
      key: "applicantType",
      type: "select",
      labelVi: "Người nộp hồ sơ là",
      labelEn: "Filing as",
      required: true,
      options: [
        { value: "CITIZEN", labelVi: "Cá nhân", labelEn: "An individual" },
        { value: "BUSINESS", labelVi: "Doanh nghiệp", labelEn: "A business" },
        { value: "ORGANISATION", labelVi: "Cơ quan, tổ chức", labelEn: "An agency or organisation" },
      ],
    },
    { key: "name", type: "text", labelVi: "Họ và tên", labelEn: "Full name", required: true, maxLength: 200 },
    {
      key: "idNumber",
      type: "idNumber",
      labelVi: "Số định danh cá nhân",
      labelEn: "Personal identification number",
      required: true,
      helpVi: "12 chữ số in trên thẻ căn cước hoặc căn cước công dân.",
      helpEn: "The 12 digits printed on your identity card.",
    },
    { key: "dateOfBirth", type: "date", labelVi: "Ngày sinh", labelEn: "Date of birth" },
    {
      key: "phone",
      type: "text",
      labelVi: "Số điện thoại",
      labelEn: "Phone number",
      required: true,
      pattern: PHONE_PATTERN,
      maxLength: 11,
      helpVi: "Cơ quan gọi hoặc nhắn tin khi cần bổ sung hồ sơ.",
      helpEn: "The agency calls or texts you if the dossier needs more documents.",
    },
    { key: "email", type: "text", labelVi: "Thư điện tử", labelEn: "Email", pattern: EMAIL_PATTERN, maxLength: 254 },
    { key: "address", type: "text", labelVi: "Địa chỉ liên hệ", labelEn: "Contact address", required: true, multiline: true, maxLength: 500 },
    {
      key: "organisationName",
      type: "text",
      labelVi: "Tên doanh nghiệp, cơ quan, tổ chức",
      labelEn: "Name of the business or organisation",
      maxLength: 300,
      helpVi: "Bắt buộc khi nộp thay mặt doanh nghiệp, cơ quan, tổ chức.",
      helpEn: "Required when filing for a business or organisation.",
    },
    {
      key: "taxCode",
      type: "text",
      labelVi: "Mã số thuế / mã số doanh nghiệp",
      labelEn: "Tax code / enterprise code",
      pattern: TAX_CODE_PATTERN,
      maxLength: 14,
    },
  ],
};

export const RESULT_DELIVERIES = ["AT_DESK", "BY_POST"] as const;
type TResultDeliveryChoice = (typeof RESULT_DELIVERIES)[number];

/** A draft as stored: the raw values as typed (strings), whatever their state. */
export const ZDraftDataSchema = z
  .object({
    applicant: z.record(z.string(), z.json()).optional(),
    fields: z.record(z.string(), z.json()).optional(),
    agencyId: z.string().max(100).optional(),
    resultDelivery: z.string().max(20).optional(),
    deliveryAddress: z.record(z.string(), z.json()).optional(),
  })
  // A draft is a form, not a file store: cap what one can hold.
  .refine((d) => JSON.stringify(d).length <= 256 * 1024, { message: "draft too large" });
export type TDraftData = z.infer<typeof ZDraftDataSchema>;

interface TSubmissionApplicant {
  applicantType: TApplicantTypeChoice;
  name: string;
  idNumber: string;
  dateOfBirth?: string;
  phone: string;
  email?: string;
  address: string;
  organisationName?: string;
  taxCode?: string;
}

/** A submission that passed validation: what the dossier is made of. */
interface TSubmission {
  applicant: TSubmissionApplicant;
  agencyId: string;
  resultDelivery: TResultDeliveryChoice;
  deliveryAddress?: TAddress;
  fields: Record<string, unknown>;
}

/** "18 Nguyễn Trãi, Đống Đa, Hà Nội": how an address is printed on a dossier and an envelope. */
export function formatAddress(address: TAddress): string {
  return [address.street, address.commune, address.province].filter(Boolean).join(", ");
}

/**
 * The whole submission's validator: applicant, agency (one of those offering the procedure), result
 * delivery (a postal address when by post) and the procedure's e-form. Issue paths start with
 * "applicant.", "fields.", "agencyId", "resultDelivery" or "deliveryAddress.".
 */
export function buildSubmissionValidator(input: { formSchema: TFormSchema; agencyIds: readonly string[]; t?: TFunction }) {
  const report = eformReporter(input.t);
  const agencies = new Set(input.agencyIds);
  const applicantValidator = buildFormValidator(APPLICANT_FORM, { t: input.t });
  const fieldsValidator = buildFormValidator(input.formSchema, { t: input.t });
  const postalAddress = addressValidator(true, report);
  // One pass over every part, so the citizen sees all problems at once (not the next one per try).
  return z.unknown().transform((raw, ctx): TSubmission => {
    const value = toObject(raw);
    const before = ctx.issues.length;
    const applicant = nested(applicantValidator, value.applicant, ctx, ["applicant"]) as unknown as TSubmissionApplicant;
    const rawApplicant = toObject(value.applicant);
    if (
      (rawApplicant.applicantType === "BUSINESS" || rawApplicant.applicantType === "ORGANISATION") &&
      isBlank(rawApplicant.organisationName)
    ) {
      report(ctx, "submission.organisationRequired", undefined, ["applicant", "organisationName"]);
    }
    const agencyId = typeof value.agencyId === "string" && agencies.has(value.agencyId) ? value.agencyId : null;
    if (!agencyId) report(ctx, "submission.agencyRequired", undefined, ["agencyId"]);
    const resultDelivery = value.resultDelivery === "AT_DESK" || value.resultDelivery === "BY_POST" ? value.resultDelivery : null;
    if (!resultDelivery) report(ctx, "submission.deliveryRequired", undefined, ["resultDelivery"]);
    const deliveryAddress = resultDelivery === "BY_POST" ? nested(postalAddress, value.deliveryAddress, ctx, ["deliveryAddress"]) : undefined;
    const fields = nested(fieldsValidator, value.fields, ctx, ["fields"]);
    if (ctx.issues.length > before || !agencyId || !resultDelivery) return z.NEVER;
    return { applicant, agencyId, resultDelivery, ...(deliveryAddress ? { deliveryAddress } : {}), fields: fields as Record<string, unknown> };
  });
}

/** The draft's raw values from the submission form (the server's post handler and the browser's check). */
export function draftDataFromForm(form: FormDataLike, formSchema: Pick<TFormSchema, "fields">): TDraftData {
  const text = (name: string) => {
    const v = form.get(name);
    return typeof v === "string" && v !== "" ? v.slice(0, 100) : undefined;
  };
  const deliveryAddress: Record<string, string> = {};
  for (const part of ADDRESS_PARTS) {
    const v = form.get(`${DELIVERY_ADDRESS_NAME}.${part}`);
    if (typeof v === "string") deliveryAddress[part] = v;
  }
  const agencyId = text("agencyId");
  const resultDelivery = text("resultDelivery");
  return {
    applicant: valuesFromFormData(form, APPLICANT_FORM, APPLICANT_PREFIX) as TDraftData["applicant"],
    fields: valuesFromFormData(form, formSchema, FIELDS_PREFIX) as TDraftData["fields"],
    ...(agencyId ? { agencyId } : {}),
    ...(resultDelivery ? { resultDelivery } : {}),
    deliveryAddress,
  };
}

/** The form input an issue belongs to: "applicant.x" → "a.x", "fields.x" → "f.x", "components.<id>" → "file.<id>". */
export function inputNameOfIssuePath(path: string): string {
  const [head, ...rest] = path.split(".");
  if (head === "applicant") return [APPLICANT_PREFIX, ...rest].join(".");
  if (head === "fields") return [FIELDS_PREFIX, ...rest].join(".");
  if (head === "components") return ["file", ...rest].join(".");
  return path;
}

/** What the submission page needs to know about a document component. */
export const ZSubmissionComponentSchema = z.object({
  id: z.string(),
  order: z.number().int(),
  nameVi: z.string(),
  nameEn: z.string(),
  required: z.boolean(),
  copiesVi: z.string().nullable(),
  copiesEn: z.string().nullable(),
  templateUrl: z.string().nullable(),
  acceptedTypes: z.array(z.string()),
  maxSizeBytes: z.number().int(),
});
export type TSubmissionComponent = z.infer<typeof ZSubmissionComponentSchema>;

const ZDraftAttachmentSchema = z.object({
  id: z.string(),
  documentComponentId: z.string().nullable(),
  fileName: z.string(),
  mimeType: z.string(),
  sizeBytes: z.number().int(),
});
export type TDraftAttachment = z.infer<typeof ZDraftAttachmentSchema>;

// ─── tRPC contracts ─────────────────────────────────────────────────────────

export const ZSaveDraftInputSchema = z.object({
  procedureVersionId: z.string().min(1).max(100),
  draftId: z.string().min(1).max(100).optional(),
  formData: ZDraftDataSchema,
});

export const ZDraftRefSchema = z.object({ draftId: z.string().min(1).max(100) });

export const ZSubmitDraftInputSchema = z.object({
  draftId: z.string().min(1).max(100),
  idempotencyKey: z.string().min(8).max(200),
});

export const ZDraftSchema = z.object({
  id: z.string(),
  procedureVersionId: z.string(),
  formData: ZDraftDataSchema,
  attachments: z.array(ZDraftAttachmentSchema),
  updatedAt: z.date(),
});
export type TDraft = z.infer<typeof ZDraftSchema>;

export const ZSubmittedSchema = z.object({
  id: z.string(),
  code: z.string(),
  status: z.string(),
  replayed: z.boolean(),
});
export type TSubmitted = z.infer<typeof ZSubmittedSchema>;
