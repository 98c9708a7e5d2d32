// Zod schemas of the dossier domain. Isomorphic: imports only the generated enum constants.
import { z } from "zod";
import { ApplicantType, DossierAction, DossierStatus, ResultDelivery, Role, StepKind } from "../../db/generated/enums";

/** Channels of the national sync payload: 1 in person at the desk, 2 online, 3 public postal service. */
const ZDossierChannelSchema = z.union([z.literal(1), z.literal(2), z.literal(3)]);

const ZActorSchema = z.object({
  userId: z.string().min(1).optional(),
  role: z.enum(Role).optional(),
});

const optionalText = (max: number) => z.string().trim().max(max).optional().transform((v) => (v ? v : undefined));

/**
 * Creating a dossier: an online submission (channel 2, status NEW, event SUBMIT) or an intake at
 * the desk or from the post (channel 1 or 3, status RECEIVED, event INTAKE).
 */
export const ZCreateDossierSchema = z
  .object({
    procedureVersionId: z.string().min(1),
    receivingAgencyId: z.string().min(1),
    /** Non-boundary reception: the handling agency may differ. Defaults to the receiving agency. */
    handlingAgencyId: z.string().min(1).optional(),

    applicantType: z.enum(ApplicantType).default("CITIZEN"),
    applicantName: z.string().trim().min(1).max(200),
    /** CCCD (12 digits), old ID card (9 digits) or a passport number. */
    applicantIdNumber: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9]{6,20}$/)
      .optional(),
    applicantDateOfBirth: z.coerce.date().optional(),
    applicantPhone: z
      .string()
      .trim()
      .regex(/^\+?[0-9][0-9 .-]{6,18}[0-9]$/)
      .optional(),
    applicantEmail: z.email().max(254).optional(),
    applicantAddress: optionalText(500),
    organisationName: optionalText(300),
    taxCode: z
      .string()
      .trim()
      .regex(/^\d{10}(-\d{3})?$/)
      .optional(),

    channel: ZDossierChannelSchema,
    status: z.enum(["NEW", "RECEIVED"]),
    formData: z.record(z.string(), z.json()).default({}),
    resultDelivery: z.enum(ResultDelivery).default("AT_DESK"),
    deliveryAddress: optionalText(500),
    ownerId: z.string().min(1).optional(),
    isTest: z.boolean().default(false),

    submittedAt: z.coerce.date().optional(),
    receivedAt: z.coerce.date().optional(),
    /** Client-made key; replaying it returns the dossier created the first time. */
    idempotencyKey: z.string().min(1).max(200),
    actor: ZActorSchema.default({}),
    /** When the officer acted on the device (offline intake syncs later). */
    deviceAt: z.coerce.date().optional(),
  })
  .superRefine((input, ctx) => {
    if (input.status === "NEW" && input.channel !== 2) {
      ctx.addIssue({ code: "custom", path: ["status"], message: "Only online submissions (channel 2) start as NEW" });
    }
    if (input.status === "RECEIVED" && input.channel === 2) {
      ctx.addIssue({ code: "custom", path: ["status"], message: "An online submission starts as NEW; it is received later" });
    }
    if (input.status === "NEW" && input.receivedAt) {
      ctx.addIssue({ code: "custom", path: ["receivedAt"], message: "A NEW dossier has not been received" });
    }
    if (input.resultDelivery === "BY_POST" && !input.deliveryAddress) {
      ctx.addIssue({ code: "custom", path: ["deliveryAddress"], message: "Return by post needs a delivery address" });
    }
    if (input.submittedAt && input.receivedAt && input.submittedAt > input.receivedAt) {
      ctx.addIssue({ code: "custom", path: ["receivedAt"], message: "Received before it was submitted" });
    }
  });

export type TCreateDossierInput = z.input<typeof ZCreateDossierSchema>;
export type TCreateDossier = z.output<typeof ZCreateDossierSchema>;

const ZCreatedDossierSchema = z.object({
  id: z.string(),
  code: z.string(),
  /** The current status (a replay may find the dossier already moved on). */
  status: z.enum(DossierStatus),
  dueAt: z.date().nullable(),
  /** True when the idempotency key had been seen: this is the dossier created the first time. */
  replayed: z.boolean(),
});
export type TCreatedDossier = z.infer<typeof ZCreatedDossierSchema>;

// ─── Officer lifecycle: commands ──────────────────────────────────────────

const ZId = z.string().min(1).max(64);
/** A Date, or an ISO string (an outbox entry read back from storage). */
const ZDate = z.coerce.date<Date | string>();
const ZIdempotencyKey = z.string().min(8).max(200);
const ZReason = z.string().trim().min(1).max(2000);

/** Fields every officer command carries. */
const ZActBase = z.object({
  dossierId: ZId,
  /** The dossier version the officer saw; a different current version is a CONFLICT. */
  expectedVersion: z.number().int().min(1),
  /** Client-made, unique per command; replaying it returns the first result. */
  idempotencyKey: ZIdempotencyKey,
  /** When the officer acted on the device (offline outbox); used for deadlines within a bounded skew. */
  deviceAt: ZDate.optional(),
  /** Optional free note recorded on the event (actions that need a reason carry it in the payload). */
  note: z.string().trim().max(2000).optional(),
});

const act = <A extends string, P extends z.ZodType>(action: A, payload: P) =>
  ZActBase.extend({ action: z.literal(action), payload });

const ZEmpty = z.object({}).default({});

/** One officer command on one dossier, discriminated on `action`. */
export const ZActSchema = z.discriminatedUnion("action", [
  act("ASSIGN", z.object({ assigneeId: ZId })),
  /** Forward to the next step; `assigneeId` optionally names who holds it (must hold its role). */
  act("FORWARD", z.object({ note: z.string().trim().max(2000).optional(), assigneeId: ZId.optional() }).default({})),
  act("SEND_BACK", z.object({ note: ZReason })),
  /** Form 02: the listed items; the clock pauses (after reception) and the applicant sees the request. */
  act("REQUEST_SUPPLEMENT", z.object({ items: z.array(z.string().trim().min(1).max(500)).min(1).max(50), note: ZReason })),
  act("RESUME", ZEmpty),
  /**
   * The applicant's online answer to a supplement request (OWNER only): the files and the e-form
   * fields they corrected, recorded on the event; the clock resumes after reception.
   */
  act(
    "SUPPLEMENT",
    z
      .object({ attachmentIds: z.array(ZId).max(50).default([]), fields: z.array(z.string().max(200)).max(200).default([]) })
      .default({ attachmentIds: [], fields: [] }),
  ),
  /** Amount in VND. */
  act("REQUEST_FEE", z.object({ amount: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER) })),
  act("CONFIRM_FEE", ZEmpty),
  /** Approve and move to issuance; `assigneeId` optionally names the clerk. */
  act("APPROVE", z.object({ assigneeId: ZId.optional() }).default({})),
  act("ISSUE_RESULT", z.object({ resultNumber: z.string().trim().min(1).max(100), resultAttachmentId: ZId.optional() })),
  act(
    "RETURN_RESULT",
    z
      .object({ method: z.enum(["AT_DESK", "BY_POST"]), waybill: z.string().trim().min(1).max(100).optional() })
      .refine((p) => p.method !== "BY_POST" || !!p.waybill, { path: ["waybill"], message: "Return by post needs a waybill number" }),
  ),
  /** Form 04: the new date proposed in the apology letter. */
  act("EXTEND", z.object({ newDueAt: ZDate, reason: ZReason })),
  /** Form 05. */
  act("STOP", z.object({ reason: ZReason })),
  act("WITHDRAW", z.object({ reason: ZReason })),
  /** Form 03. */
  act("REFUSE", z.object({ reason: ZReason })),
  /** Receive an online submission: the clock starts. */
  act("RECEIVE", ZEmpty),
  act("COMMENT", z.object({ note: ZReason })),
]);
export type TActInput = z.input<typeof ZActSchema>;
export type TAct = z.output<typeof ZActSchema>;

/** The state of a dossier after a command; also `details.current` of a CONFLICT error. */
const ZDossierStateSchema = z.object({
  id: z.string(),
  code: z.string(),
  status: z.enum(DossierStatus),
  currentStepOrder: z.number().int().nullable(),
  assigneeId: z.string().nullable(),
  dueAt: z.date().nullable(),
  originalDueAt: z.date().nullable(),
  extendedDueAt: z.date().nullable(),
  stepDueAt: z.date().nullable(),
  pausedAt: z.date().nullable(),
  finishedAt: z.date().nullable(),
  version: z.number().int(),
  updatedAt: z.date(),
});
export type TDossierState = z.infer<typeof ZDossierStateSchema>;

export const ZActResultSchema = z.object({
  /** The event the command produced the first time (a replay returns that same event). */
  event: z.object({
    id: z.string(),
    action: z.enum(DossierAction),
    toStatus: z.enum(DossierStatus),
    toStepOrder: z.number().int().nullable(),
    resultingVersion: z.number().int(),
    serverAt: z.date(),
  }),
  /** The dossier as it is now (after a replay it may have moved on). */
  dossier: ZDossierStateSchema,
  replayed: z.boolean(),
});
export type TActResult = z.infer<typeof ZActResultSchema>;

export const ZBulkAssignSchema = z.object({
  items: z.array(z.object({ dossierId: ZId, expectedVersion: z.number().int().min(1) })).min(1).max(100),
  assigneeId: ZId,
  /** Per-dossier keys are derived as `${idempotencyKey}:${dossierId}`. */
  idempotencyKey: ZIdempotencyKey,
  deviceAt: ZDate.optional(),
  note: z.string().trim().max(2000).optional(),
});
export type TBulkAssignInput = z.input<typeof ZBulkAssignSchema>;

const ZCommandErrorSchema = z.object({
  code: z.string(),
  message: z.string(),
  details: z.record(z.string(), z.unknown()).optional(),
});

export const ZBulkAssignResultSchema = z.object({
  results: z.array(
    z.discriminatedUnion("ok", [
      z.object({ dossierId: z.string(), ok: z.literal(true), result: ZActResultSchema }),
      z.object({ dossierId: z.string(), ok: z.literal(false), error: ZCommandErrorSchema }),
    ]),
  ),
});
export type TBulkAssignResult = z.infer<typeof ZBulkAssignResultSchema>;

/** Counter intake: a walk-in applicant (channel 1) or a dossier that arrived by post (channel 3). */
export const ZIntakeSchema = z
  .object({
    /** The receiving agency (the desk's). */
    agencyId: ZId,
    /** Non-boundary reception: the handling agency, when not the receiving one. */
    handlingAgencyId: ZId.optional(),
    procedureVersionId: ZId.optional(),
    /** The procedure's code: its current published version is used. */
    procedureCode: z.string().trim().min(1).max(100).optional(),
    channel: z.union([z.literal(1), z.literal(3)]),
    applicantType: z.enum(ApplicantType).default("CITIZEN"),
    applicantName: z.string().trim().min(1).max(200),
    applicantIdNumber: z.string().trim().regex(/^[A-Za-z0-9]{6,20}$/).optional(),
    applicantDateOfBirth: ZDate.optional(),
    applicantPhone: z.string().trim().regex(/^\+?[0-9][0-9 .-]{6,18}[0-9]$/).optional(),
    applicantEmail: z.email().max(254).optional(),
    applicantAddress: optionalText(500),
    organisationName: optionalText(300),
    taxCode: z.string().trim().regex(/^\d{10}(-\d{3})?$/).optional(),
    formData: z.record(z.string(), z.json()).default({}),
    /** DocumentComponent ids the officer ticked as present. Every required component must be ticked. */
    checklist: z.array(ZId).max(200).default([]),
    /** Scans uploaded beforehand by this officer (Attachment rows not yet linked to a dossier). */
    attachmentIds: z.array(ZId).max(200).default([]),
    resultDelivery: z.enum(["AT_DESK", "BY_POST"]).default("AT_DESK"),
    deliveryAddress: optionalText(500),
    idempotencyKey: ZIdempotencyKey,
    deviceAt: ZDate.optional(),
    /** Offline intake: a code this device reserved beforehand (dossier.reserveCodes), printed on the slip. */
    reservedCode: z.string().trim().min(1).max(60).optional(),
    /** The device that holds `reservedCode`. */
    deviceId: z.string().trim().min(8).max(100).optional(),
  })
  .superRefine((input, ctx) => {
    if (input.reservedCode && (!input.deviceId || !input.deviceAt)) {
      ctx.addIssue({ code: "custom", path: ["deviceId"], message: "A reserved code needs the device and the device time" });
    }
    if (!input.procedureVersionId && !input.procedureCode) {
      ctx.addIssue({ code: "custom", path: ["procedureCode"], message: "Name the procedure (code or version id)" });
    }
    if (input.resultDelivery === "BY_POST" && !input.deliveryAddress) {
      ctx.addIssue({ code: "custom", path: ["deliveryAddress"], message: "Return by post needs a delivery address" });
    }
  });
export type TIntakeInput = z.input<typeof ZIntakeSchema>;
export type TIntake = z.output<typeof ZIntakeSchema>;

export const ZIntakeResultSchema = ZCreatedDossierSchema.extend({ version: z.number().int() });
export type TIntakeResult = z.infer<typeof ZIntakeResultSchema>;

/** A desk device asks for its block of codes for offline intake (today, Vietnam time). */
export const ZReserveCodesSchema = z.object({
  agencyId: ZId,
  deviceId: z.string().trim().min(8).max(100),
  count: z.number().int().min(1).max(50).optional(),
});
export const ZReserveCodesResultSchema = z.object({
  dayKey: z.string(),
  expiresAt: z.date(),
  codes: z.array(z.object({ reservationId: z.string(), code: z.string(), dayKey: z.string(), number: z.number().int(), expiresAt: z.date() })),
});
export type TReserveCodesResult = z.infer<typeof ZReserveCodesResultSchema>;

export const ZIntakeKitInputSchema = z.object({ agencyId: ZId });
export const ZIntakeKitSchema = z.object({
  agencyId: z.string(),
  agencyCode: z.string(),
  calendar: z.object({
    timeZone: z.string(),
    periods: z.array(z.object({ start: z.string(), end: z.string() })),
    holidays: z.array(z.string()),
    workingDays: z.array(z.string()),
  }),
  procedures: z.array(
    z.object({
      procedureVersionId: z.string(),
      limitValue: z.number().int(),
      limitUnit: z.enum(["WORKING_DAY", "WORKING_HOUR"]),
      sameDayCutoff: z.string().nullable(),
    }),
  ),
  loadedAt: z.date(),
});
export type TIntakeKit = z.infer<typeof ZIntakeKitSchema>;

// ─── Officer lifecycle: queries ───────────────────────────────────────────

export const WORKLIST_VIEWS = ["mine", "queue", "dueSoon", "overdue", "supplement", "reception", "all"] as const;
const ZWorklistViewSchema = z.enum(WORKLIST_VIEWS);
export type TWorklistView = z.infer<typeof ZWorklistViewSchema>;

export const ZWorklistInputSchema = z.object({
  view: ZWorklistViewSchema.default("queue"),
  /** Narrow to one agency in scope (default: every agency the officer may read). */
  agencyId: ZId.optional(),
  stepKind: z.enum(StepKind).optional(),
  /** Dossier code, applicant name or ID number; diacritics and case are ignored. */
  q: z.string().trim().max(100).optional(),
  procedureId: ZId.optional(),
  status: z.enum(DossierStatus).optional(),
  receivedFrom: ZDate.optional(),
  receivedTo: ZDate.optional(),
  /** Opaque: the `nextCursor` of the previous page (valid for the same view and filters). */
  cursor: z.string().max(500).optional(),
  limit: z.number().int().min(1).max(100).default(25),
});
export type TWorklistInput = z.input<typeof ZWorklistInputSchema>;
export type TWorklistQuery = z.output<typeof ZWorklistInputSchema>;

const ZWorklistItemSchema = z.object({
  id: z.string(),
  code: z.string(),
  procedureId: z.string(),
  procedureCode: z.string(),
  procedureNameVi: z.string(),
  procedureNameEn: z.string(),
  applicantName: z.string(),
  channel: z.number().int(),
  status: z.enum(DossierStatus),
  currentStepOrder: z.number().int().nullable(),
  currentStepKind: z.enum(StepKind).nullable(),
  currentStepNameVi: z.string().nullable(),
  currentStepNameEn: z.string().nullable(),
  assigneeId: z.string().nullable(),
  assigneeName: z.string().nullable(),
  receivingAgencyId: z.string(),
  handlingAgencyId: z.string(),
  submittedAt: z.date(),
  receivedAt: z.date().nullable(),
  dueAt: z.date().nullable(),
  stepDueAt: z.date().nullable(),
  /** The clock runs (or is paused) and the due date has passed. */
  overdue: z.boolean(),
  /** Not overdue, due within the next 2 working days. */
  dueSoon: z.boolean(),
  /** The current step's own allowance has run out. */
  stepOverdue: z.boolean(),
  version: z.number().int(),
});
export type TWorklistItem = z.infer<typeof ZWorklistItemSchema>;

export const ZWorklistPageSchema = z.object({
  items: z.array(ZWorklistItemSchema),
  /** null on the last page. */
  nextCursor: z.string().nullable(),
  /** Dossiers due before this instant (and not overdue) are "due soon". */
  dueSoonBefore: z.date(),
});
export type TWorklistPage = z.infer<typeof ZWorklistPageSchema>;

export const ZDossierRefSchema = z.object({ dossierId: ZId });

export const ZAssigneesInputSchema = z.object({
  dossierId: ZId,
  /** Officers for this step of the dossier's procedure (default: the current step). */
  stepOrder: z.number().int().min(0).optional(),
});

export const ZAssigneeSchema = z.object({
  id: z.string(),
  name: z.string(),
  role: z.enum(Role),
  /** Unfinished dossiers currently assigned to them (workload). */
  openCount: z.number().int(),
});
export type TAssignee = z.infer<typeof ZAssigneeSchema>;

const ZAgencyRef = z.object({ id: z.string(), code: z.string(), nameVi: z.string(), nameEn: z.string() });

/** A document component of a procedure version, as the dossier detail and the intake picker list it. */
const ZDocumentComponentSchema = z.object({
  id: z.string(),
  order: z.number().int(),
  nameVi: z.string(),
  nameEn: z.string(),
  required: z.boolean(),
  copiesVi: z.string().nullable(),
  copiesEn: z.string().nullable(),
});

const ZTransitionSchema = z.object({
  action: z.enum(DossierAction),
  toStatus: z.enum(DossierStatus),
  toStepOrder: z.number().int().nullable(),
  toStepKind: z.enum(StepKind).nullable(),
  toStepRole: z.enum(Role).nullable(),
  form: z.enum(["01", "02", "03", "04", "05"]).nullable(),
  requiresNote: z.boolean(),
});

export const ZDossierDetailSchema = z.object({
  id: z.string(),
  code: z.string(),
  status: z.enum(DossierStatus),
  channel: z.number().int(),
  version: z.number().int(),
  isTest: z.boolean(),
  procedure: z.object({
    id: z.string(),
    code: z.string(),
    versionId: z.string(),
    version: z.number().int(),
    nameVi: z.string(),
    nameEn: z.string(),
    limitValue: z.number().int(),
    limitUnit: z.enum(["WORKING_DAY", "WORKING_HOUR"]),
    resultNameVi: z.string().nullable(),
    resultNameEn: z.string().nullable(),
    /** The e-form schema of this version (ProcedureVersion.formSchema): labels for `formData`. */
    formSchema: z.json(),
    steps: z.array(
      z.object({
        id: z.string(),
        order: z.number().int(),
        kind: z.enum(StepKind),
        nameVi: z.string(),
        nameEn: z.string(),
        role: z.enum(Role),
        allowanceValue: z.number().int(),
        allowanceUnit: z.enum(["WORKING_DAY", "WORKING_HOUR"]),
      }),
    ),
    components: z.array(ZDocumentComponentSchema),
  }),
  receivingAgency: ZAgencyRef,
  handlingAgency: ZAgencyRef,
  applicant: z.object({
    type: z.enum(ApplicantType),
    name: z.string(),
    idNumber: z.string().nullable(),
    dateOfBirth: z.date().nullable(),
    phone: z.string().nullable(),
    email: z.string().nullable(),
    address: z.string().nullable(),
    organisationName: z.string().nullable(),
    taxCode: z.string().nullable(),
  }),
  formData: z.record(z.string(), z.json()),
  currentStep: z
    .object({ order: z.number().int(), kind: z.enum(StepKind), nameVi: z.string(), nameEn: z.string(), role: z.enum(Role) })
    .nullable(),
  assignee: z.object({ id: z.string(), name: z.string() }).nullable(),
  submittedAt: z.date(),
  receivedAt: z.date().nullable(),
  dueAt: z.date().nullable(),
  originalDueAt: z.date().nullable(),
  extendedDueAt: z.date().nullable(),
  stepDueAt: z.date().nullable(),
  pausedAt: z.date().nullable(),
  finishedAt: z.date().nullable(),
  returnedAt: z.date().nullable(),
  resultDelivery: z.enum(ResultDelivery),
  deliveryAddress: z.string().nullable(),
  postalWaybill: z.string().nullable(),
  resultNumber: z.string().nullable(),
  resultIssuedAt: z.date().nullable(),
  feeAmount: z.bigint().nullable(),
  feePaidAt: z.date().nullable(),
  overdue: z.boolean(),
  dueSoon: z.boolean(),
  attachments: z.array(
    z.object({
      id: z.string(),
      kind: z.enum(["COMPONENT", "SUPPLEMENT", "SCAN", "RESULT", "SLIP"]),
      fileName: z.string(),
      mimeType: z.string(),
      sizeBytes: z.number().int(),
      documentComponentId: z.string().nullable(),
      createdAt: z.date(),
    }),
  ),
  /** Oldest first. */
  events: z.array(
    z.object({
      id: z.string(),
      action: z.enum(DossierAction),
      actorId: z.string().nullable(),
      actorName: z.string().nullable(),
      actorRole: z.enum(Role).nullable(),
      fromStatus: z.enum(DossierStatus).nullable(),
      toStatus: z.enum(DossierStatus),
      fromStepOrder: z.number().int().nullable(),
      toStepOrder: z.number().int().nullable(),
      note: z.string().nullable(),
      payload: z.json(),
      serverAt: z.date(),
      deviceAt: z.date().nullable(),
      resultingVersion: z.number().int(),
    }),
  ),
  /** The process control sheet (form 06): one row per step instance, oldest first. */
  steps: z.array(
    z.object({
      id: z.string(),
      order: z.number().int(),
      kind: z.enum(StepKind),
      nameVi: z.string(),
      nameEn: z.string(),
      holderId: z.string().nullable(),
      holderName: z.string().nullable(),
      startedAt: z.date(),
      dueAt: z.date(),
      finishedAt: z.date().nullable(),
      outcome: z.string().nullable(),
      /** null while the step is open. */
      onTime: z.boolean().nullable(),
    }),
  ),
  clockEvents: z.array(
    z.object({ id: z.string(), kind: z.enum(["START", "PAUSE", "RESUME", "EXTEND", "STOP"]), at: z.date(), dueAt: z.date().nullable(), reason: z.string().nullable() }),
  ),
  /** What this officer may do now (the workflow table, for this actor). */
  availableActions: z.array(ZTransitionSchema),
  /** The officer may act on this dossier at all (false for controllers reading across agencies). */
  canAct: z.boolean(),
});
export type TDossierDetail = z.infer<typeof ZDossierDetailSchema>;

export const ZCountsInputSchema = z.object({ agencyId: ZId });
export const ZStatusCountsSchema = z.object({
  agencyId: z.string(),
  counts: z.array(z.object({ status: z.enum(DossierStatus), count: z.number().int() })),
  total: z.number().int(),
});
export type TStatusCounts = z.infer<typeof ZStatusCountsSchema>;

export const ZProcedurePickerInputSchema = z.object({ agencyId: ZId });
export const ZPickerProcedureSchema = z.object({
  procedureId: z.string(),
  procedureCode: z.string(),
  procedureVersionId: z.string(),
  nameVi: z.string(),
  nameEn: z.string(),
  sectorNameVi: z.string(),
  sectorNameEn: z.string(),
  limitValue: z.number().int(),
  limitUnit: z.enum(["WORKING_DAY", "WORKING_HOUR"]),
  channels: z.array(z.number().int()),
  feeNoteVi: z.string().nullable(),
  components: z.array(ZDocumentComponentSchema),
});
export type TPickerProcedure = z.infer<typeof ZPickerProcedureSchema>;
