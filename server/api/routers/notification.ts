// Notifications: a signed-in person's in-app list (any account: citizens, officers), their
// channel choice, and the administration's templates. Thin: one module call each.
import { z } from "zod";
import { markNotificationRead } from "../../modules/notification/commands/mark-notification-read";
import { updateNotificationChannels } from "../../modules/notification/commands/update-notification-channels";
import { updateTemplate } from "../../modules/notification/commands/update-template";
import {
  countUnreadNotifications,
  getMyNotification,
  getNotificationChannels,
  getTemplate,
  listMyNotifications,
  listTemplates,
  previewTemplate,
} from "../../modules/notification/queries";
import {
  ZChannelChoiceSchema,
  ZChannelSettingsSchema,
  ZNotificationItemSchema,
  ZNotificationPageSchema,
  ZTemplateDetailSchema,
  ZTemplatePreviewInputSchema,
  ZTemplatePreviewSchema,
  ZTemplateSummarySchema,
  ZTemplateUpdateSchema,
} from "../../modules/notification/schema";
import { createTRPCRouter, officerProcedure, protectedProcedure } from "../trpc";

const admin = officerProcedure(["AGENCY_ADMIN", "SYSTEM_ADMIN"]);
const ZId = z.string().trim().min(1).max(64);

export const notificationRouter = createTRPCRouter({
  list: protectedProcedure
    .input(z.object({ cursor: z.string().max(64).nullish() }).default({}))
    .output(ZNotificationPageSchema)
    .query(({ ctx, input }) => listMyNotifications(ctx.db, { userId: ctx.actor.userId, cursor: input.cursor })),
  get: protectedProcedure
    .input(z.object({ id: ZId }))
    .output(ZNotificationItemSchema)
    .query(({ ctx, input }) => getMyNotification(ctx.db, { userId: ctx.actor.userId, id: input.id })),
  unreadCount: protectedProcedure.output(z.number().int()).query(({ ctx }) => countUnreadNotifications(ctx.db, { userId: ctx.actor.userId })),
  markRead: protectedProcedure
    .input(z.object({ id: ZId }))
    .output(z.object({ readAt: z.date() }))
    .mutation(({ ctx, input }) => markNotificationRead(ctx.db, { userId: ctx.actor.userId, id: input.id })),
  channels: protectedProcedure.output(ZChannelSettingsSchema).query(({ ctx }) => getNotificationChannels(ctx.db, { userId: ctx.actor.userId })),
  updateChannels: protectedProcedure
    .input(ZChannelChoiceSchema)
    .output(ZChannelSettingsSchema)
    .mutation(({ ctx, input }) => updateNotificationChannels(ctx.db, { userId: ctx.actor.userId, ...input })),

  template: createTRPCRouter({
    list: admin.output(z.array(ZTemplateSummarySchema)).query(({ ctx }) => listTemplates(ctx.db)),
    get: admin
      .input(z.object({ template: z.string().max(100) }))
      .output(ZTemplateDetailSchema)
      .query(({ ctx, input }) => getTemplate(ctx.db, input)),
    /** The wording being typed, rendered with sample values: the editor's live preview. */
    preview: admin.input(ZTemplatePreviewInputSchema).output(ZTemplatePreviewSchema).query(({ input }) => previewTemplate(input)),
    update: admin
      .input(ZTemplateUpdateSchema)
      .output(ZTemplateDetailSchema)
      .mutation(({ ctx, input }) => updateTemplate(ctx.db, { actorUserId: ctx.actor.userId, ...input })),
  }),
});
