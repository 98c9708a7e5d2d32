// updateNotificationChannels: where a person wants to be told besides the in-app list (profile).
import type { Db, NotificationChannel } from "../../../db";
import { AppError } from "../../../errors";
import { parseInput } from "../../../validation";
import { getNotificationChannels } from "../queries";
import { ZChannelChoiceSchema, type TChannelChoice } from "../schema";

export async function updateNotificationChannels(db: Db, input: TChannelChoice & { userId: string }) {
  const choice = parseInput(ZChannelChoiceSchema, { email: input.email, sms: input.sms });
  const channels: NotificationChannel[] = [...(choice.email ? (["EMAIL"] as const) : []), ...(choice.sms ? (["SMS"] as const) : [])];
  const updated = await db.user.updateMany({ where: { id: input.userId, active: true }, data: { notificationChannels: channels } });
  if (updated.count === 0) throw new AppError("NOT_FOUND", { message: `user ${input.userId}` });
  return getNotificationChannels(db, { userId: input.userId });
}
