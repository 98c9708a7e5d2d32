// Inputs of the Annex I forms (Circular 03/2025/TT-VPCP). Plain data: callers load it and pass it
// in; the renderers never touch the database. Instants are Dates, printed in Vietnam time.
import { z } from "zod";
import { DossierStatus, ResultDelivery, TimeUnit } from "../../db/generated/enums";

const ZLocaleSchema = z.enum(["vi", "en"]);
export type Locale = z.infer<typeof ZLocaleSchema>;

const text = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) =>
  z.string().trim().max(max).optional().transform((v) => (v ? v : undefined));

/** The issuing agency as printed top left, and the place name of the date line. */
const ZAgencyHeaderSchema = z.object({
  /** Superior body, printed above the agency (e.g. "Ủy ban nhân dân tỉnh Lâm Đồng"). */
  parentName: optionalText(200),
  /** Issuing agency or unit in normal case (e.g. "Sở Khoa học và Công nghệ"); printed upper-case in the header. */
  name: text(200),
  /** Place of the date line, e.g. "Lâm Đồng" in "Lâm Đồng, ngày … tháng … năm …". */
  place: text(100),
});
export type TAgencyHeader = z.input<typeof ZAgencyHeaderSchema>;

const ZApplicantSchema = z.object({
  name: text(300),
  idNumber: optionalText(40),
  address: optionalText(500),
  phone: optionalText(40),
  email: optionalText(200),
});
export type TApplicant = z.input<typeof ZApplicantSchema>;

const ZProcedureRefSchema = z.object({
  /** Procedure code, e.g. "1.004473". */
  code: optionalText(60),
  name: text(1000),
});

const ZOfficerSchema = z.object({
  name: text(200),
  phone: optionalText(40),
});

/** Who signs a letter (forms 04, 05): the title lines are printed in bold capitals. */
const ZSignerSchema = z.object({
  /** One line per entry, e.g. ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"]. */
  titleLines: z.array(text(120)).min(1).max(4),
  name: text(200),
});
export type TSigner = z.input<typeof ZSignerSchema>;

const ZTimeLimitSchema = z.object({
  value: z.number().positive().max(10000),
  unit: z.enum(TimeUnit),
});

const common = {
  locale: ZLocaleSchema.default("vi"),
  agency: ZAgencyHeaderSchema,
};

// ---------------------------------------------------------------- 01 receipt and appointment slip

/** The form of a document handed in, as the slip's table names it. */
const ZDocumentFormSchema = z.enum(["ORIGINAL", "CERTIFIED_COPY", "COPY", "PHOTOCOPY", "ELECTRONIC"]);
export type TDocumentForm = z.infer<typeof ZDocumentFormSchema>;

const ZReceivedDocumentSchema = z.object({
  name: text(1000),
  form: ZDocumentFormSchema,
  copies: z.number().int().min(1).max(1000),
});
export type TReceivedDocument = z.input<typeof ZReceivedDocumentSchema>;

export const ZReceiptSlipSchema = z.object({
  ...common,
  dossierCode: text(80),
  /** Public origin of the tracking page; the QR code encodes `${baseUrl}/track/${dossierCode}`. */
  baseUrl: z.url(),
  applicant: ZApplicantSchema,
  procedure: ZProcedureRefSchema,
  documents: z.array(ZReceivedDocumentSchema).max(200),
  /** Number of dossier sets handed in ("Số lượng hồ sơ: … bộ"). */
  dossierSets: z.number().int().min(1).max(100).default(1),
  timeLimit: ZTimeLimitSchema,
  receivedAt: z.date(),
  dueAt: z.date(),
  resultDelivery: z.enum(ResultDelivery),
  /** Postal delivery address when the result goes by post. */
  deliveryAddress: optionalText(500),
  receivingOfficer: ZOfficerSchema,
  /** "Vào Sổ theo dõi hồ sơ, Quyển số … Số thứ tự …", when the desk keeps a paper book. */
  trackingBookEntry: z.object({ volume: optionalText(20), sequence: optionalText(20) }).optional(),
  /** Date of the slip; defaults to receivedAt. */
  issuedAt: z.date().optional(),
});
export type TReceiptSlip = z.input<typeof ZReceiptSlipSchema>;

// ---------------------------------------------------------------- 02 request to supplement

export const ZSupplementRequestSchema = z.object({
  ...common,
  issuedAt: z.date(),
  dossierCode: text(80),
  applicant: ZApplicantSchema,
  procedure: ZProcedureRefSchema,
  /** What to add or correct, one entry per item. */
  items: z.array(text(2000)).min(1).max(100),
  reason: text(4000),
  /** Date by which the supplement is expected, if the agency sets one. */
  supplementBy: z.date().optional(),
  /** The officer who gives the guidance and signs. */
  officer: ZOfficerSchema,
});
export type TSupplementRequest = z.input<typeof ZSupplementRequestSchema>;

// ---------------------------------------------------------------- 03 refusal to receive

export const ZRefusalSchema = z.object({
  ...common,
  issuedAt: z.date(),
  /** An online submission refused at reception already has a code; a paper one may not. */
  dossierCode: optionalText(80),
  applicant: ZApplicantSchema,
  procedure: ZProcedureRefSchema,
  reasons: z.array(text(4000)).min(1).max(50),
  officer: ZOfficerSchema,
});
export type TRefusal = z.input<typeof ZRefusalSchema>;

// ---------------------------------------------------------------- 04 apology letter, extended date

const letterCommon = {
  ...common,
  issuedAt: z.date(),
  /** Registered document number, e.g. "125/SKHCN-VP"; left blank for hand numbering when absent. */
  documentNumber: optionalText(80),
  dossierCode: text(80),
  applicant: ZApplicantSchema,
  procedure: ZProcedureRefSchema,
  receivedAt: z.date(),
  signer: ZSignerSchema,
  /** "Nơi nhận" list printed bottom left. */
  recipients: z.array(text(300)).max(20).default([]),
};

export const ZApologyLetterSchema = z.object({
  ...letterCommon,
  originalDueAt: z.date(),
  newDueAt: z.date(),
  reason: text(4000),
});
export type TApologyLetter = z.input<typeof ZApologyLetterSchema>;

// ---------------------------------------------------------------- 05 notice of stopping processing

export const ZStopNoticeSchema = z.object({
  ...letterCommon,
  /** When processing stopped; defaults to issuedAt. */
  stoppedAt: z.date().optional(),
  reason: text(4000),
  /** Legal ground for stopping, if any (e.g. an article of the procedure's decree). */
  legalBasis: optionalText(2000),
});
export type TStopNotice = z.input<typeof ZStopNoticeSchema>;

// ---------------------------------------------------------------- 06 process control sheet

const ZStepOutcomeSchema = z.enum(["EARLY", "ON_TIME", "LATE"]);
export type TStepOutcome = z.infer<typeof ZStepOutcomeSchema>;

const ZHandoverPartySchema = z.object({
  unit: text(300),
  person: optionalText(200),
});

export const ZControlStepSchema = z.object({
  name: text(300),
  from: ZHandoverPartySchema,
  to: ZHandoverPartySchema,
  /** Time allowed for the step. */
  allowance: ZTimeLimitSchema.optional(),
  /** When the step is due. */
  dueAt: z.date().optional(),
  /** When the receiving party took the dossier over. */
  receivedAt: z.date().optional(),
  /** When the step was finished (handed on). */
  finishedAt: z.date().optional(),
  /** Computed from finishedAt and dueAt when absent. */
  outcome: ZStepOutcomeSchema.optional(),
  note: optionalText(1000),
});
export type TControlStep = z.input<typeof ZControlStepSchema>;

export const ZControlSheetSchema = z.object({
  ...common,
  dossierCode: text(80),
  applicant: ZApplicantSchema,
  procedure: ZProcedureRefSchema,
  /** Agency (unit) handling the dossier. */
  handlingUnit: text(300),
  coordinatingUnits: z.array(text(300)).max(20).default([]),
  receivedAt: z.date(),
  dueAt: z.date(),
  steps: z.array(ZControlStepSchema).max(100),
});
export type TControlSheet = z.input<typeof ZControlSheetSchema>;

// ---------------------------------------------------------------- 07 dossier tracking book

export const ZTrackingBookRowSchema = z.object({
  dossierCode: text(80),
  procedureName: text(1000),
  applicantName: text(300),
  applicantAddress: optionalText(500),
  applicantPhone: optionalText(40),
  receivedAt: z.date().optional(),
  dueAt: z.date().optional(),
  finishedAt: z.date().optional(),
  returnedAt: z.date().optional(),
  status: z.enum(DossierStatus),
  note: optionalText(1000),
});
export type TTrackingBookRow = z.input<typeof ZTrackingBookRowSchema>;

export const ZTrackingBookSchema = z.object({
  ...common,
  /** Period covered, printed under the title. */
  period: z.object({ from: z.date(), to: z.date() }).optional(),
  /** When the book was printed; also the reference instant for "overdue" of unfinished rows. */
  generatedAt: z.date(),
  rows: z.array(ZTrackingBookRowSchema).max(20000),
});
export type TTrackingBook = z.input<typeof ZTrackingBookSchema>;
