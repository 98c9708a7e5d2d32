// Administration contracts: inputs validated at the router and again by the admin pages, DTOs
// returned to them. Isomorphic (no server imports): the admin pages build their forms from these.
import { z } from "zod";

export const ROLES = [
  "RECEPTION_OFFICER",
  "SPECIALIST",
  "LEADER",
  "RECORDS_CLERK",
  "POSTAL_STAFF",
  "AGENCY_ADMIN",
  "CONTROLLER",
  "SYSTEM_ADMIN",
] as const;
const ZRole = z.enum(ROLES);
export type TRole = z.infer<typeof ZRole>;

/** Roles that may hold a procedure step (the workflow's step holders); monitoring and admin roles never do. */
export const STEP_ROLES = ["RECEPTION_OFFICER", "SPECIALIST", "LEADER", "RECORDS_CLERK", "POSTAL_STAFF"] as const satisfies readonly TRole[];
export const STEP_KINDS = ["RECEPTION", "APPRAISAL", "APPROVAL", "ISSUANCE", "RETURN"] as const;
export const TIME_UNITS = ["WORKING_DAY", "WORKING_HOUR"] as const;
const CALENDAR_DAY_KINDS = ["HOLIDAY", "WORKING_DAY"] as const;
const AGENCY_KINDS = ["MINISTRY", "PROVINCIAL_DEPARTMENT", "COMMUNE", "MINISTRY_UNIT"] as const;
export const PROCEDURE_LEVELS = ["MINISTRY", "PROVINCE", "COMMUNE"] as const;
export const ONLINE_LEVELS = ["PARTIAL", "FULL"] as const;
/** File types an upload slot may accept (the ones the server recognises by content). */
export const COMPONENT_FILE_TYPES = ["application/pdf", "image/jpeg", "image/png"] as const;

const ZId = z.string().trim().min(1).max(64);
const ZText = (max: number) => z.string().trim().min(1).max(max);
const ZOptionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((v) => (v ? v : null));

/** Local time "HH:MM" (00:00-23:59). */
const ZTimeOfDay = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "HH:MM");
export const ZWorkingPeriod = z.object({ start: ZTimeOfDay, end: ZTimeOfDay });
/** Calendar date "YYYY-MM-DD". */
const ZLocalDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "YYYY-MM-DD");

// ─── Agencies ─────────────────────────────────────────────────────────────

export const ZAdminAgencySchema = z.object({
  id: z.string(),
  code: z.string(),
  codeIsDemo: z.boolean(),
  kind: z.enum(AGENCY_KINDS),
  nameVi: z.string(),
  nameEn: z.string(),
  shortNameVi: z.string().nullable(),
  provinceName: z.string().nullable(),
  address: z.string().nullable(),
  hotline: z.string().nullable(),
  email: z.string().nullable(),
  workingHours: z.array(ZWorkingPeriod),
  timeZone: z.string(),
  trainingMode: z.boolean(),
  active: z.boolean(),
  updatedAt: z.date(),
});
export type TAdminAgency = z.infer<typeof ZAdminAgencySchema>;

export const ZAgencyUpdateSchema = z.object({
  agencyId: ZId,
  /** Identifier printed in dossier codes: letters and digits in dot-separated groups. */
  code: z
    .string()
    .trim()
    .min(1)
    .max(64)
    .regex(/^[A-Za-z0-9]+(?:\.[A-Za-z0-9]+)*$/, "letters and digits in dot-separated groups"),
  codeIsDemo: z.boolean(),
  address: ZOptionalText(300),
  hotline: z
    .string()
    .trim()
    .max(30)
    .regex(/^[0-9+().\s-]*$/, "digits, spaces, + ( ) . -")
    .nullish()
    .transform((v) => (v ? v : null)),
  email: z
    .string()
    .trim()
    .max(254)
    .regex(/^$|^[^\s@]+@[^\s@]+\.[^\s@]+$/, "an e-mail address")
    .nullish()
    .transform((v) => (v ? v.toLowerCase() : null)),
  workingHours: z.array(ZWorkingPeriod).min(1).max(6),
  trainingMode: z.boolean(),
  /** Only a system administrator may switch an agency off. */
  active: z.boolean().optional(),
  /** The agency's updatedAt as the form saw it: a stale form gets CONFLICT, not a silent overwrite. */
  expectedUpdatedAt: z.date().optional(),
});
export type TAgencyUpdate = z.input<typeof ZAgencyUpdateSchema>;

// ─── Users and memberships ────────────────────────────────────────────────

const ZAdminMembershipSchema = z.object({
  id: z.string(),
  agencyId: z.string(),
  agencyCode: z.string(),
  agencyNameVi: z.string(),
  agencyNameEn: z.string(),
  role: ZRole,
  active: z.boolean(),
});

export const ZAdminUserSchema = z.object({
  id: z.string(),
  kind: z.enum(["CITIZEN", "OFFICER"]),
  name: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  active: z.boolean(),
  hasPassword: z.boolean(),
  lastSignInAt: z.date().nullable(),
  lockedUntil: z.date().nullable(),
  createdAt: z.date(),
  memberships: z.array(ZAdminMembershipSchema),
});
export type TAdminUser = z.infer<typeof ZAdminUserSchema>;

export const ZUserListInputSchema = z.object({
  q: z.string().trim().max(100).optional(),
  agencyId: ZId.optional(),
  kind: z.enum(["CITIZEN", "OFFICER"]).optional(),
  includeInactive: z.boolean().default(true),
  cursor: z.string().max(64).nullish(),
  limit: z.number().int().min(1).max(100).default(50),
});
export type TUserListInput = z.input<typeof ZUserListInputSchema>;
export const ZUserListPageSchema = z.object({ items: z.array(ZAdminUserSchema), nextCursor: z.string().nullable() });
export type TUserListPage = z.infer<typeof ZUserListPageSchema>;

export const ZMembershipGrantSchema = z.object({ userId: ZId, agencyId: ZId, role: ZRole });
export type TMembershipGrant = z.infer<typeof ZMembershipGrantSchema>;

export const ZOfficerCreateSchema = z
  .object({
    name: ZText(120),
    email: z
      .string()
      .trim()
      .max(254)
      .regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, "an e-mail address")
      .transform((v) => v.toLowerCase()),
    phone: z
      .string()
      .trim()
      .max(20)
      .nullish()
      .transform((v) => (v ? v : null)),
    /** The initial password, which the officer changes; the citizens' password rule applies. */
    password: z.string().min(1).max(128),
    memberships: z.array(z.object({ agencyId: ZId, role: ZRole })).min(1).max(20),
  });
export type TOfficerCreate = z.input<typeof ZOfficerCreateSchema>;

export const ZSetActiveSchema = z.object({ userId: ZId, active: z.boolean() });
export const ZSetPasswordSchema = z.object({ userId: ZId, password: z.string().min(1).max(128) });

// ─── Holidays ─────────────────────────────────────────────────────────────

export const ZHolidaySchema = z.object({
  id: z.string(),
  date: ZLocalDate,
  kind: z.enum(CALENDAR_DAY_KINDS),
  nameVi: z.string(),
  nameEn: z.string(),
  agencyId: z.string().nullable(),
});
export type THoliday = z.infer<typeof ZHolidaySchema>;

export const ZHolidayListInputSchema = z.object({
  year: z.number().int().min(2000).max(2100),
  /** null or absent: the nationwide calendar. */
  agencyId: ZId.nullish(),
});

export const ZHolidayAddSchema = z.object({
  date: ZLocalDate,
  kind: z.enum(CALENDAR_DAY_KINDS),
  nameVi: ZText(200),
  nameEn: ZText(200),
  agencyId: ZId.nullish(),
});
export type THolidayAdd = z.input<typeof ZHolidayAddSchema>;

export const ZHolidayImportSchema = z.object({
  /** CSV text: `date,kind,nameVi,nameEn`, a header line optional. */
  csv: z.string().max(200_000),
  agencyId: ZId.nullish(),
});

const HOLIDAY_CSV_ERRORS = [
  "COLUMNS",
  "DATE",
  "KIND",
  "NAME_VI",
  "NAME_EN",
  "NOT_WEEKEND",
  "DUPLICATE_IN_FILE",
  "EXISTS",
  "CALENDAR",
] as const;

const ZHolidayCsvRowSchema = z.object({
  line: z.number().int(),
  date: ZLocalDate,
  kind: z.enum(CALENDAR_DAY_KINDS),
  nameVi: z.string(),
  nameEn: z.string(),
  /** Already in the calendar with the same kind and names: left as it is. */
  unchanged: z.boolean(),
});
const ZHolidayCsvErrorSchema = z.object({
  line: z.number().int(),
  code: z.enum(HOLIDAY_CSV_ERRORS),
  /** The offending value or a detail (for the message). */
  detail: z.string(),
});
export const ZHolidayImportPreviewSchema = z.object({
  rows: z.array(ZHolidayCsvRowSchema),
  errors: z.array(ZHolidayCsvErrorSchema),
  /** Rows that would be added (rows minus unchanged ones). */
  toAdd: z.number().int(),
});
export type THolidayImportPreview = z.infer<typeof ZHolidayImportPreviewSchema>;
export type THolidayCsvError = z.infer<typeof ZHolidayCsvErrorSchema>;

// ─── Procedures ───────────────────────────────────────────────────────────

export const ZFeeRuleSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("none") }),
  z.object({ kind: z.literal("fixed"), amount: z.number().int().min(1).max(1_000_000_000_000) }),
  z
    .object({
      kind: z.literal("percent"),
      /** A fraction: 0.001 is 0.1 %. */
      rate: z.number().gt(0).max(1),
      min: z.number().int().min(0).max(1_000_000_000_000),
      max: z.number().int().min(0).max(1_000_000_000_000),
    })
    .refine((f) => f.min <= f.max, { message: "min above max", path: ["min"] }),
  z.object({ kind: z.literal("schedule") }),
]);
export type TFeeRule = z.infer<typeof ZFeeRuleSchema>;

const ZComponentInputSchema = z.object({
  nameVi: ZText(500),
  nameEn: ZText(500),
  required: z.boolean(),
  copiesVi: ZOptionalText(100),
  copiesEn: ZOptionalText(100),
  templateUrl: z
    .string()
    .trim()
    .max(500)
    .regex(/^$|^(https?:\/\/|\/)\S+$/, "an http(s) address or a site path")
    .nullish()
    .transform((v) => (v ? v : null)),
  acceptedTypes: z.array(z.enum(COMPONENT_FILE_TYPES)).min(1).max(COMPONENT_FILE_TYPES.length),
  maxSizeBytes: z
    .number()
    .int()
    .min(100 * 1024)
    .max(50 * 1024 * 1024),
});
export type TComponentInput = z.input<typeof ZComponentInputSchema>;

const ZStepInputSchema = z.object({
  kind: z.enum(STEP_KINDS),
  nameVi: ZText(200),
  nameEn: ZText(200),
  role: z.enum(STEP_ROLES),
  allowanceValue: z.number().int().min(1).max(10_000),
  allowanceUnit: z.enum(TIME_UNITS),
});
export type TStepInput = z.input<typeof ZStepInputSchema>;

/** What a procedure version says. The form schema is checked by the e-form format reader (content.ts). */
export const ZProcedureContentSchema = z
  .object({
    nameVi: ZText(1000),
    nameEn: ZText(1000),
    authorityVi: ZText(500),
    authorityEn: ZText(500),
    limitValue: z.number().int().min(1).max(3650),
    limitUnit: z.enum(TIME_UNITS),
    sameDayCutoff: ZTimeOfDay.nullish().transform((v) => v ?? null),
    fee: ZFeeRuleSchema,
    feeNoteVi: ZOptionalText(1000),
    feeNoteEn: ZOptionalText(1000),
    legalBasisVi: ZText(5000),
    legalBasisEn: ZOptionalText(5000),
    onlineLevel: z.enum(ONLINE_LEVELS),
    channels: z
      .array(z.union([z.literal(1), z.literal(2), z.literal(3)]))
      .min(1)
      .max(3)
      .refine((c) => new Set(c).size === c.length, "duplicate channel"),
    acrossBoundary: z.boolean(),
    formSchema: z.unknown(),
    resultNameVi: ZOptionalText(500),
    resultNameEn: ZOptionalText(500),
    components: z.array(ZComponentInputSchema).max(40),
    steps: z.array(ZStepInputSchema).min(1).max(20),
    validFrom: z.date(),
    validTo: z.date().nullish().transform((v) => v ?? null),
  })
  .refine((c) => c.validTo === null || c.validTo > c.validFrom, { message: "validTo must be after validFrom", path: ["validTo"] });
export type TProcedureContent = z.input<typeof ZProcedureContentSchema>;
export type TProcedureContentParsed = z.output<typeof ZProcedureContentSchema>;

const ZProcedureCode = z
  .string()
  .trim()
  .min(1)
  .max(60)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, "letters, digits, dots");

export const ZProcedureCreateSchema = z.object({
  code: ZProcedureCode,
  sectorId: ZId,
  level: z.enum(PROCEDURE_LEVELS),
  agencyIds: z.array(ZId).max(200),
  content: ZProcedureContentSchema,
});
export type TProcedureCreate = z.input<typeof ZProcedureCreateSchema>;

export const ZProcedureVersionCreateSchema = z.object({
  procedureId: ZId,
  /** The version the edit started from: the latest one, else CONFLICT (someone published meanwhile). */
  basedOnVersionId: ZId,
  content: ZProcedureContentSchema,
});
export type TProcedureVersionCreate = z.input<typeof ZProcedureVersionCreateSchema>;

export const ZProcedureSettingsSchema = z.object({
  procedureId: ZId,
  sectorId: ZId,
  level: z.enum(PROCEDURE_LEVELS),
  active: z.boolean(),
  agencyIds: z.array(ZId).max(200),
});
export type TProcedureSettings = z.input<typeof ZProcedureSettingsSchema>;

export const ZProcedureListInputSchema = z.object({
  q: z.string().trim().max(100).optional(),
  sectorId: ZId.optional(),
});

export const ZAdminProcedureRowSchema = z.object({
  id: z.string(),
  code: z.string(),
  level: z.enum(PROCEDURE_LEVELS),
  active: z.boolean(),
  sectorNameVi: z.string(),
  sectorNameEn: z.string(),
  nameVi: z.string(),
  nameEn: z.string(),
  latestVersion: z.number().int(),
  currentVersion: z.number().int().nullable(),
  limitValue: z.number().int(),
  limitUnit: z.enum(TIME_UNITS),
  agencyCount: z.number().int(),
});
export type TAdminProcedureRow = z.infer<typeof ZAdminProcedureRowSchema>;

const ZAdminProcedureVersionSchema = z.object({
  id: z.string(),
  version: z.number().int(),
  status: z.enum(["DRAFT", "PUBLISHED", "RETIRED"]),
  nameVi: z.string(),
  nameEn: z.string(),
  authorityVi: z.string(),
  authorityEn: z.string(),
  limitValue: z.number().int(),
  limitUnit: z.enum(TIME_UNITS),
  sameDayCutoff: z.string().nullable(),
  fee: ZFeeRuleSchema,
  feeNoteVi: z.string().nullable(),
  feeNoteEn: z.string().nullable(),
  legalBasisVi: z.string(),
  legalBasisEn: z.string().nullable(),
  onlineLevel: z.enum(ONLINE_LEVELS),
  channels: z.array(z.number().int()),
  acrossBoundary: z.boolean(),
  formSchema: z.unknown(),
  resultNameVi: z.string().nullable(),
  resultNameEn: z.string().nullable(),
  validFrom: z.date(),
  validTo: z.date().nullable(),
  createdAt: z.date(),
  dossierCount: z.number().int(),
  components: z.array(ZComponentInputSchema.extend({ id: z.string(), order: z.number().int() })),
  steps: z.array(ZStepInputSchema.extend({ id: z.string(), order: z.number().int(), role: ZRole })),
});
export type TAdminProcedureVersion = z.infer<typeof ZAdminProcedureVersionSchema>;

export const ZAdminProcedureSchema = z.object({
  id: z.string(),
  code: z.string(),
  sectorId: z.string(),
  level: z.enum(PROCEDURE_LEVELS),
  active: z.boolean(),
  agencyIds: z.array(z.string()),
  /** Newest first. */
  versions: z.array(ZAdminProcedureVersionSchema),
  currentVersionId: z.string().nullable(),
});
export type TAdminProcedure = z.infer<typeof ZAdminProcedureSchema>;

export const ZSectorOptionSchema = z.object({ id: z.string(), code: z.string(), nameVi: z.string(), nameEn: z.string() });

// ─── Audit ────────────────────────────────────────────────────────────────

export const AUDIT_ENTITIES = ["Agency", "User", "Membership", "Holiday", "Procedure", "ProcedureVersion", "Job", "NotificationTemplate"] as const;

export const ZAuditListInputSchema = z.object({
  entity: z.enum(AUDIT_ENTITIES).optional(),
  entityId: ZId.optional(),
  cursor: z.string().max(64).nullish(),
  limit: z.number().int().min(1).max(100).default(50),
});
const ZAuditEntrySchema = z.object({
  id: z.string(),
  at: z.date(),
  actorId: z.string().nullable(),
  actorName: z.string().nullable(),
  entity: z.string(),
  entityId: z.string(),
  action: z.string(),
  before: z.unknown(),
  after: z.unknown(),
});
export const ZAuditPageSchema = z.object({ items: z.array(ZAuditEntrySchema), nextCursor: z.string().nullable() });
export type TAuditEntry = z.infer<typeof ZAuditEntrySchema>;

// ─── Who is administering ─────────────────────────────────────────────────

export const ZAdminScopeSchema = z.object({
  userId: z.string(),
  isSystemAdmin: z.boolean(),
  /** Agencies the actor administers (every active agency for a system administrator). */
  agencyIds: z.array(z.string()),
});
export type TAdminScope = z.infer<typeof ZAdminScopeSchema>;
