// Reads of the notification module: the administrators' wordings in force, a person's in-app
// list and unread count, the template list of the administration.
import type { Db, DbTx } from "../../db";
import { AppError } from "../../errors";
import type { Locale } from "../../i18n/core";
import { CATALOGUE, TEMPLATE_KEYS, defaultWording, isTemplateKey, type Channel, type TemplateKey, type Wording } from "./catalogue";
import { checkWording, composeMessage, wordingKey, type WordingOverrides } from "./compose";
import { ZTemplatePreviewInputSchema, type TNotificationItem, type TNotificationPage, type TTemplateDetail, type TTemplatePreview, type TTemplatePreviewInput, type TTemplateSummary } from "./schema";
import { smsLength } from "./sms-text";
import { parseInput } from "../../validation";

/** The administrators' wordings of these templates (every channel and language). */
export async function loadWordingOverrides(db: Db | DbTx, templates: readonly TemplateKey[]): Promise<WordingOverrides> {
  if (templates.length === 0) return new Map();
  const rows = await db.notificationTemplate.findMany({
    where: { template: { in: [...new Set(templates)] } },
    select: { template: true, channel: true, locale: true, subject: true, body: true },
  });
  return new Map(rows.map((r) => [wordingKey(r.template, r.channel, r.locale as Locale), { subject: r.subject ?? undefined, body: r.body } satisfies Wording]));
}

const PAGE_SIZE = 20;

const itemSelect = { id: true, template: true, subject: true, body: true, link: true, createdAt: true, readAt: true, dossier: { select: { code: true } } } as const;

function toItem(row: { id: string; template: string; subject: string | null; body: string; link: string | null; createdAt: Date; readAt: Date | null; dossier: { code: string } | null }): TNotificationItem {
  return { id: row.id, template: row.template, title: row.subject ?? "", body: row.body, link: row.link, createdAt: row.createdAt, readAt: row.readAt, dossierCode: row.dossier?.code ?? null };
}

/** The person's in-app notifications, newest first, keyset-paged. */
export async function listMyNotifications(db: Db, input: { userId: string; cursor?: string | null }): Promise<TNotificationPage> {
  const rows = await db.notificationDelivery.findMany({
    where: { userId: input.userId, channel: "IN_APP" },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: PAGE_SIZE + 1,
    ...(input.cursor ? { cursor: { id: input.cursor }, skip: 1 } : {}),
    select: itemSelect,
  });
  const items = rows.slice(0, PAGE_SIZE).map(toItem);
  return { items, nextCursor: rows.length > PAGE_SIZE ? items.at(-1)!.id : null };
}

export async function getMyNotification(db: Db, input: { userId: string; id: string }): Promise<TNotificationItem> {
  const row = await db.notificationDelivery.findFirst({ where: { id: input.id, userId: input.userId, channel: "IN_APP" }, select: itemSelect });
  if (!row) throw new AppError("NOT_FOUND", { message: `notification ${input.id}` });
  return toItem(row);
}

export async function countUnreadNotifications(db: Db, input: { userId: string }): Promise<number> {
  return db.notificationDelivery.count({ where: { userId: input.userId, channel: "IN_APP", readAt: null } });
}

export async function getNotificationChannels(db: Db, input: { userId: string }): Promise<{ channels: Channel[]; email: string | null; phone: string | null }> {
  const user = await db.user.findUnique({ where: { id: input.userId }, select: { notificationChannels: true, email: true, phone: true } });
  if (!user) throw new AppError("NOT_FOUND", { message: `user ${input.userId}` });
  return { channels: user.notificationChannels, email: user.email, phone: user.phone };
}

/** Every template with, per channel and language, whether an administrator changed it. */
export async function listTemplates(db: Db): Promise<TTemplateSummary[]> {
  const rows = await db.notificationTemplate.findMany({ select: { template: true, channel: true, locale: true, updatedAt: true } });
  return TEMPLATE_KEYS.map((key) => {
    const own = rows.filter((r) => r.template === key);
    return {
      template: key,
      channels: [...CATALOGUE[key].channels],
      customised: own.map((r) => ({ channel: r.channel, locale: r.locale as Locale })),
      updatedAt: own.reduce<Date | null>((latest, r) => (!latest || r.updatedAt > latest ? r.updatedAt : latest), null),
    };
  });
}

export async function getTemplate(db: Db, input: { template: string }): Promise<TTemplateDetail> {
  if (!isTemplateKey(input.template)) throw new AppError("NOT_FOUND", { message: `template ${input.template}` });
  const key = input.template;
  const spec = CATALOGUE[key];
  const overrides = await loadWordingOverrides(db, [key]);
  const wordings = spec.channels.flatMap((channel) =>
    (["vi", "en"] as const).map((locale) => {
      const own = overrides.get(wordingKey(key, channel, locale));
      const fallback = defaultWording(key, channel, locale)!;
      return { channel, locale, subject: (own ?? fallback).subject ?? null, body: (own ?? fallback).body, customised: own !== undefined, defaultSubject: fallback.subject ?? null, defaultBody: fallback.body };
    }),
  );
  return { template: key, channels: [...spec.channels], variables: [...spec.variables], sample: { ...spec.sample }, wordings };
}

/**
 * The live preview of a wording being edited: rendered with the template's sample values exactly
 * as a message would be (an SMS fitted to a plain-text gateway), with the problems saving would meet.
 */
export function previewTemplate(raw: TTemplatePreviewInput): TTemplatePreview {
  const input = parseInput(ZTemplatePreviewInputSchema, raw);
  const { subject, body, fieldErrors } = checkWording(input);
  const wording = new Map([[wordingKey(input.template, input.channel, input.locale), { subject: subject ?? undefined, body: body || " " }]]);
  const message = composeMessage({ template: input.template, channel: input.channel, locale: input.locale, vars: CATALOGUE[input.template].sample }, wording, { plainText: true, maxSegments: 3 });
  return {
    subject: message?.subject ?? null,
    body: message?.body ?? "",
    sms: input.channel === "SMS" && message ? { units: smsLength(message.body).units, segments: smsLength(message.body).segments } : null,
    fieldErrors,
  };
}
