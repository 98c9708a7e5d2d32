// Contracts of public tracking. The public view is a closed shape (.strict()): it has no field
// that could hold a name, an ID number, an address, a document or a note, and a parse fails if one
// is ever added to the query by mistake.
import { z } from "zod";
import { DossierAction, DossierStatus } from "../../db/generated/enums";

export const ZDossierCodeSchema = z
  .string()
  .trim()
  .min(5)
  .max(60)
  .regex(/^[A-Za-z0-9.\-]+$/);

/** CCCD (12 digits), old ID card (9) or a passport number: letters and digits only, spaces ignored. */
export const ZTrackIdNumberSchema = z
  .string()
  .transform((v) => v.replace(/[\s.-]/g, "").toUpperCase())
  .pipe(z.string().regex(/^[A-Z0-9]{6,20}$/));

const TIMELINESS = ["ON_TIME", "LATE"] as const;
export type TTimeliness = (typeof TIMELINESS)[number];

const ZLocalised = z.object({ vi: z.string(), en: z.string() }).strict();

const ZPublicTimelineEntrySchema = z
  .object({
    at: z.date(),
    action: z.enum(DossierAction),
    status: z.enum(DossierStatus),
    /** The stage the dossier moved to (procedure step name), when the event moved it. */
    stage: ZLocalised.nullable(),
  })
  .strict();

export const ZPublicTrackingSchema = z
  .object({
    code: z.string(),
    procedureCode: z.string(),
    procedureName: ZLocalised,
    handlingAgency: ZLocalised,
    receivingAgency: ZLocalised,
    status: z.enum(DossierStatus),
    /** The current procedure step, while the dossier is at one. */
    stage: ZLocalised.nullable(),
    submittedAt: z.date(),
    receivedAt: z.date().nullable(),
    dueAt: z.date().nullable(),
    finishedAt: z.date().nullable(),
    returnedAt: z.date().nullable(),
    /** The clock is paused (waiting for the applicant). */
    paused: z.boolean(),
    /** null: no deadline applies (not yet received, refused or withdrawn). */
    timeliness: z.enum(TIMELINESS).nullable(),
    timeline: z.array(ZPublicTimelineEntrySchema),
  })
  .strict();
export type TPublicTracking = z.infer<typeof ZPublicTrackingSchema>;

const ZFullTimelineEntrySchema = ZPublicTimelineEntrySchema.extend({
  /** Notes addressed to the applicant (reasons, supplement instructions); never internal comments. */
  note: z.string().nullable(),
  items: z.array(z.string()),
});

const ZSupplementRequestSchema = z.object({
  at: z.date(),
  note: z.string().nullable(),
  items: z.array(z.string()),
});
export type TSupplementRequest = z.infer<typeof ZSupplementRequestSchema>;

/** What the applicant (or someone holding their ID number) sees. Still no officer names. */
export const ZFullTrackingSchema = ZPublicTrackingSchema.extend({
  applicantType: z.enum(["CITIZEN", "BUSINESS", "STATE_AGENCY", "ORGANISATION"]),
  applicantName: z.string(),
  organisationName: z.string().nullable(),
  channel: z.number().int(),
  resultDelivery: z.enum(["AT_DESK", "BY_POST", "ONLINE"]),
  resultNumber: z.string().nullable(),
  resultIssuedAt: z.date().nullable(),
  postalWaybill: z.string().nullable(),
  feeAmount: z.bigint().nullable(),
  feePaidAt: z.date().nullable(),
  extendedDueAt: z.date().nullable(),
  /** The open supplement request (status SUPPLEMENT_REQUESTED), from the latest REQUEST_SUPPLEMENT event. */
  supplementRequest: ZSupplementRequestSchema.nullable(),
  documents: z.array(
    z.object({
      componentId: z.string(),
      name: ZLocalised,
      required: z.boolean(),
      files: z.number().int(),
    }),
  ),
  attachments: z.array(
    z.object({
      id: z.string(),
      kind: z.enum(["COMPONENT", "SUPPLEMENT", "SCAN", "RESULT", "SLIP"]),
      fileName: z.string(),
      sizeBytes: z.number().int(),
      createdAt: z.date(),
    }),
  ),
  timeline: z.array(ZFullTimelineEntrySchema),
  rated: z.boolean(),
}).strict();
export type TFullTracking = z.infer<typeof ZFullTrackingSchema>;

/** tracking.get: the public view, plus the full one when the caller may see it. */
export const ZTrackingViewSchema = z.object({
  public: ZPublicTrackingSchema,
  full: ZFullTrackingSchema.nullable(),
  /** Why the full view shows: the owner's session or a code + ID-number proof. */
  access: z.enum(["PUBLIC", "OWNER", "ID_NUMBER"]),
});
export type TTrackingView = z.infer<typeof ZTrackingViewSchema>;
