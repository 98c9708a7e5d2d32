// writeDeliveries: the messages one cause gives rise to, written once. The unique key
// (sourceKey, recipientKey, channel) makes a second attempt (a retried dispatcher, the digest's
// cron firing twice) write nothing new; each e-mail and SMS written gets its send job in the same
// transaction, so a written message is always sent and an unwritten one never is.
import type { DbTx, NotificationChannel, Prisma } from "../../../db";
import { enqueueJob } from "../../../jobs/enqueue";
import { sendDeliveryJob } from "../jobs/send-delivery";

export interface DeliveryDraft {
  sourceKey: string;
  recipientKey: string;
  channel: NotificationChannel;
  template: string;
  locale: string;
  userId?: string | null;
  dossierId?: string | null;
  address?: string | null;
  subject?: string | null;
  body: string;
  link?: string | null;
  data?: Prisma.InputJsonObject;
}

export async function writeDeliveries(tx: DbTx, drafts: readonly DeliveryDraft[], options: { now?: Date } = {}): Promise<{ written: number }> {
  if (drafts.length === 0) return { written: 0 };
  const now = options.now ?? new Date();
  const created = await tx.notificationDelivery.createManyAndReturn({
    data: drafts.map((d) => ({
      ...d,
      data: d.data ?? {},
      // The in-app list is the delivery itself: there is nothing further to send.
      ...(d.channel === "IN_APP" ? { status: "SENT" as const, sentAt: now } : {}),
    })),
    skipDuplicates: true,
    select: { id: true, channel: true },
  });
  for (const row of created) {
    if (row.channel !== "IN_APP") await enqueueJob(tx, sendDeliveryJob, { deliveryId: row.id }, { idempotencyKey: row.id });
  }
  return { written: created.length };
}
