// Zod schemas of the dossier domain. Isomorphic: imports only the generated enum constants.
import { z } from "zod";
import { ApplicantType, DossierStatus, ResultDelivery, Role } from "../../db/generated/enums";

/** Channels of the national sync payload: 1 in person at the desk, 2 online, 3 public postal service. */
export const ZDossierChannelSchema = z.union([z.literal(1), z.literal(2), z.literal(3)]);
export type TDossierChannel = z.infer<typeof ZDossierChannelSchema>;

export const ZActorSchema = z.object({
  userId: z.string().min(1).optional(),
  role: z.enum(Role).optional(),
});
export type TActor = z.infer<typeof ZActorSchema>;

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

export const ZCreatedDossierSchema = z.object({
  id: z.string(),
  code: z.string(),
  /** The current status (a replay may find the dossier already moved on). */
  status: z.enum(DossierStatus),
  dueAt: z.date().nullable(),
  /** True when the idempotency key had been seen: this is the dossier created the first time. */
  replayed: z.boolean(),
});
export type TCreatedDossier = z.infer<typeof ZCreatedDossierSchema>;
