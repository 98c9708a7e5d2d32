// markNotificationRead: the person opened one of their in-app notifications. Repeatable; another
// person's notification is NOT_FOUND.
import type { Db } from "../../../db";
import { AppError } from "../../../errors";

export async function markNotificationRead(db: Db, input: { userId: string; id: string }, options: { now?: Date } = {}): Promise<{ readAt: Date }> {
  const row = await db.notificationDelivery.findFirst({ where: { id: input.id, userId: input.userId, channel: "IN_APP" }, select: { readAt: true } });
  if (!row) throw new AppError("NOT_FOUND", { message: `notification ${input.id}` });
  if (row.readAt) return { readAt: row.readAt };
  const readAt = options.now ?? new Date();
  await db.notificationDelivery.updateMany({ where: { id: input.id, readAt: null }, data: { readAt } });
  return { readAt };
}
