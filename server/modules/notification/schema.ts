// Notification DTOs and inputs (isomorphic): the in-app list, the channel choice of the profile,
// the administration's templates.
import { z } from "zod";
import { NOTIFICATION_CHANNELS, TEMPLATE_KEYS } from "./catalogue";

export const ZChannelSchema = z.enum(NOTIFICATION_CHANNELS);
export const ZTemplateKeySchema = z.enum(TEMPLATE_KEYS);
export const ZLocaleSchema = z.enum(["vi", "en"]);

export const ZNotificationItemSchema = z.object({
  id: z.string(),
  template: z.string(),
  title: z.string(),
  body: z.string(),
  link: z.string().nullable(),
  dossierCode: z.string().nullable(),
  createdAt: z.date(),
  readAt: z.date().nullable(),
});
export type TNotificationItem = z.infer<typeof ZNotificationItemSchema>;

export const ZNotificationPageSchema = z.object({ items: z.array(ZNotificationItemSchema), nextCursor: z.string().nullable() });
export type TNotificationPage = z.infer<typeof ZNotificationPageSchema>;

/** The channels a person may choose (the in-app list is always kept). */
export const ZChannelChoiceSchema = z.object({ email: z.boolean(), sms: z.boolean() });
export type TChannelChoice = z.infer<typeof ZChannelChoiceSchema>;

export const ZChannelSettingsSchema = z.object({ channels: z.array(ZChannelSchema), email: z.string().nullable(), phone: z.string().nullable() });

export const ZTemplateSummarySchema = z.object({
  template: ZTemplateKeySchema,
  channels: z.array(ZChannelSchema),
  customised: z.array(z.object({ channel: ZChannelSchema, locale: ZLocaleSchema })),
  updatedAt: z.date().nullable(),
});
export type TTemplateSummary = z.infer<typeof ZTemplateSummarySchema>;

export const ZTemplateWordingSchema = z.object({
  channel: ZChannelSchema,
  locale: ZLocaleSchema,
  subject: z.string().nullable(),
  body: z.string(),
  customised: z.boolean(),
  defaultSubject: z.string().nullable(),
  defaultBody: z.string(),
});

export const ZTemplateDetailSchema = z.object({
  template: ZTemplateKeySchema,
  channels: z.array(ZChannelSchema),
  variables: z.array(z.string()),
  sample: z.record(z.string(), z.string()),
  wordings: z.array(ZTemplateWordingSchema),
});
export type TTemplateDetail = z.infer<typeof ZTemplateDetailSchema>;

/** Saving one wording; `reset` goes back to the default. */
export const ZTemplateUpdateSchema = z.object({
  template: ZTemplateKeySchema,
  channel: ZChannelSchema,
  locale: ZLocaleSchema,
  subject: z.string().max(300).nullish(),
  body: z.string().max(5000),
  reset: z.boolean().optional(),
});
export type TTemplateUpdate = z.infer<typeof ZTemplateUpdateSchema>;

/** A wording being typed, for the live preview. */
export const ZTemplatePreviewInputSchema = z.object({
  template: ZTemplateKeySchema,
  channel: ZChannelSchema,
  locale: ZLocaleSchema,
  subject: z.string().max(300).nullish(),
  body: z.string().max(5000),
});
export type TTemplatePreviewInput = z.infer<typeof ZTemplatePreviewInputSchema>;

/** The wording rendered with the sample values, as it would go out; the problem saving would meet. */
export const ZTemplatePreviewSchema = z.object({
  subject: z.string().nullable(),
  body: z.string(),
  /** SMS: septets or UTF-16 units, and segments. */
  sms: z.object({ units: z.number().int(), segments: z.number().int() }).nullable(),
  fieldErrors: z.record(z.string(), z.string()),
});
export type TTemplatePreview = z.infer<typeof ZTemplatePreviewSchema>;
