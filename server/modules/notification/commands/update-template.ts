// updateTemplate: an administrator's wording of one template for one channel and language, or
// back to the default (reset). Nationwide texts: system administrators only. A wording that uses a
// variable the template does not offer (or a malformed placeholder) is refused with a field error,
// so no message ever goes out with "{{cdoe}}" in it. Audited in the same transaction.
import type { Db } from "../../../db";
import { AppError, validationError } from "../../../errors";
import { parseInput } from "../../../validation";
import { writeAudit } from "../../admin/commands/write-audit";
import { loadAdminActor } from "../../admin/queries/admin-actor";
import { CATALOGUE } from "../catalogue";
import { checkWording } from "../compose";
import { getTemplate } from "../queries";
import { ZTemplateUpdateSchema, type TTemplateDetail, type TTemplateUpdate } from "../schema";

export async function updateTemplate(db: Db, rawInput: TTemplateUpdate & { actorUserId: string }): Promise<TTemplateDetail> {
  const { actorUserId, ...rest } = rawInput;
  const input = parseInput(ZTemplateUpdateSchema, rest);
  const actor = await loadAdminActor(db, { userId: actorUserId });
  if (!actor.isSystemAdmin) throw new AppError("FORBIDDEN", { message: `user ${actorUserId} may not change nationwide notification templates` });
  const spec = CATALOGUE[input.template];
  if (!spec.channels.includes(input.channel)) {
    throw validationError({ channel: "CHANNEL_NOT_USED" }, `${input.template} is not sent by ${input.channel}`);
  }
  const where = { template_channel_locale: { template: input.template, channel: input.channel, locale: input.locale } };
  const before = await db.notificationTemplate.findUnique({ where, select: { subject: true, body: true } });

  if (input.reset) {
    if (before) {
      await db.$transaction(async (tx) => {
        await tx.notificationTemplate.delete({ where });
        await writeAudit(tx, { actorUserId, entity: "NotificationTemplate", entityId: `${input.template}/${input.channel}/${input.locale}`, action: "reset", before, after: null });
      });
    }
    return getTemplate(db, { template: input.template });
  }

  const { subject, body, fieldErrors } = checkWording(input);
  if (Object.keys(fieldErrors).length > 0) throw validationError(fieldErrors, `template ${input.template}/${input.channel}/${input.locale}: ${JSON.stringify(fieldErrors)}`);

  await db.$transaction(async (tx) => {
    await tx.notificationTemplate.upsert({
      where,
      create: { template: input.template, channel: input.channel, locale: input.locale, subject, body, updatedById: actorUserId },
      update: { subject, body, updatedById: actorUserId },
      select: { id: true },
    });
    await writeAudit(tx, { actorUserId, entity: "NotificationTemplate", entityId: `${input.template}/${input.channel}/${input.locale}`, action: "update", before, after: { subject, body } });
  });
  return getTemplate(db, { template: input.template });
}
