// notifyDossierEvent: what one dossier event tells whom (audience.ts), written as deliveries
// (write-deliveries.ts). Run by the dispatcher job after the event's transaction committed, in
// event order per dossier; repeatable (a second run writes nothing new). The values come from the
// event itself (its payload and clock event), not from the dossier as it is now, so a message
// says what happened then even when the dispatcher runs behind.
import type { Db, Prisma } from "../../../db";
import { getSmsProvider } from "../../../integrations/sms";
import { smtpSettingsFromEnv } from "../../../integrations/email/smtp";
import type { Locale, TFunction } from "../../../i18n/core";
import { loadWorkingCalendar } from "../../calendar/queries";
import { dueDate } from "../../calendar/working-time";
import { formatShortDate, formatShortDateTime } from "../../standard-forms/format";
import { applicantRecipients, noticesFor, officerRecipients, type ChannelAvailability, type Recipient } from "../audience";
import type { TemplateKey } from "../catalogue";
import { composeMessage, translatorFor, type SmsRules } from "../compose";
import { appBaseUrl, links } from "../links";
import { loadWordingOverrides } from "../queries";
import { writeDeliveries, type DeliveryDraft } from "./write-deliveries";

/** Working days the applicant is given to answer a supplement request (SUPPLEMENT_ANSWER_WORKING_DAYS, default 10). */
export function supplementAnswerWorkingDays(env: NodeJS.ProcessEnv = process.env): number {
  const n = Number(env.SUPPLEMENT_ANSWER_WORKING_DAYS);
  return Number.isInteger(n) && n > 0 ? n : 10;
}

/** Which channels can go out from this process: those with a provider configured. */
export function channelAvailability(env: NodeJS.ProcessEnv = process.env): ChannelAvailability & { smsRules: SmsRules } {
  const sms = getSmsProvider(env);
  return { email: smtpSettingsFromEnv(env) !== null, sms: sms !== null, smsRules: { plainText: sms?.plainTextOnly ?? true, maxSegments: sms?.maxSegments ?? 3 } };
}

const eventSelect = {
  id: true,
  action: true,
  toStatus: true,
  payload: true,
  actorId: true,
  serverAt: true,
  dossier: {
    select: {
      id: true,
      code: true,
      isTest: true,
      applicantName: true,
      applicantEmail: true,
      applicantPhone: true,
      resultDelivery: true,
      stepDueAt: true,
      handlingAgency: { select: { id: true, nameVi: true, nameEn: true, timeZone: true, workingHours: true } },
      procedureVersion: { select: { nameVi: true, nameEn: true } },
      owner: { select: { id: true, active: true, email: true, phone: true, locale: true, notificationChannels: true } },
    },
  },
} as const satisfies Prisma.DossierEventSelect;

type LoadedEvent = Prisma.DossierEventGetPayload<{ select: typeof eventSelect }>;

export async function notifyDossierEvent(db: Db, input: { eventId: string }, options: { now?: Date; env?: NodeJS.ProcessEnv } = {}): Promise<{ written: number }> {
  const event = await db.dossierEvent.findUnique({ where: { id: input.eventId }, select: eventSelect });
  if (!event) return { written: 0 };
  const payload = (event.payload ?? {}) as Record<string, unknown>;
  const notices = noticesFor({ action: event.action, toStatus: event.toStatus, payload, actorId: event.actorId });
  if (notices.length === 0) return { written: 0 };

  const available = channelAvailability(options.env);
  const translators = { vi: await translatorFor("vi"), en: await translatorFor("en") };
  const getT = (locale: Locale) => translators[locale];
  const base = appBaseUrl(options.env);
  const overrides = await loadWordingOverrides(db, notices.map((n) => n.template));
  const d = event.dossier;
  const drafts: DeliveryDraft[] = [];
  const sourceKey = `event:${event.id}`;

  for (const notice of notices) {
    let recipients: Recipient[];
    let link: string;
    let varsFor: (locale: Locale) => Record<string, string>;
    if (notice.to === "applicant") {
      recipients = applicantRecipients(
        {
          owner: d.owner ? { ...d.owner, channels: d.owner.notificationChannels } : null,
          declared: { email: d.applicantEmail, phone: d.applicantPhone },
        },
        available,
        d.isTest,
      );
      const vars = await applicantVars(db, event, notice.template, base, getT);
      const answerUrl = d.owner ? links.myDossier(base, d.code) : links.tracking(base, d.code);
      link = notice.template === "dossier.supplementRequested" ? answerUrl : links.tracking(base, d.code);
      varsFor = (locale) => ({ ...vars(locale), answerUrl });
    } else {
      const officer = await db.user.findUnique({ where: { id: notice.userId }, select: { id: true, name: true, email: true, locale: true, active: true } });
      if (!officer?.active) continue;
      recipients = officerRecipients(officer, available);
      link = links.officerDossier(base, d.id);
      varsFor = (locale) => ({
        officerName: officer.name,
        code: d.code,
        procedureName: locale === "en" ? d.procedureVersion.nameEn : d.procedureVersion.nameVi,
        applicantName: d.applicantName,
        stepDueDate: d.stepDueAt ? formatShortDateTime(d.stepDueAt) : "",
        dossierUrl: link,
      });
    }
    for (const r of recipients) {
      const message = composeMessage({ template: notice.template, channel: r.channel, locale: r.locale, vars: varsFor(r.locale) }, overrides, available.smsRules);
      if (!message) continue;
      drafts.push({
        sourceKey,
        recipientKey: r.recipientKey,
        channel: r.channel,
        template: notice.template,
        locale: r.locale,
        userId: r.userId,
        dossierId: d.id,
        address: r.address,
        subject: message.subject,
        body: message.body,
        link,
        data: { code: d.code, linkLabel: getT(r.locale)(notice.to === "officer" ? "notifications.email.openDossier" : notice.template === "dossier.supplementRequested" ? "notifications.email.answer" : "notifications.email.track") },
      });
    }
  }
  return db.$transaction((tx) => writeDeliveries(tx, drafts, { now: options.now }));
}

/** The variables of an applicant's notice, per language, from the event. */
async function applicantVars(
  db: Db,
  event: LoadedEvent,
  template: TemplateKey,
  base: string,
  getT: (locale: Locale) => TFunction,
): Promise<(locale: Locale) => Record<string, string>> {
  const d = event.dossier;
  const p = (event.payload ?? {}) as Record<string, unknown>;
  const text = (v: unknown) => (typeof v === "string" ? v : "");
  const clock = ["dossier.received", "dossier.extended"].includes(template)
    ? await db.dossierClockEvent.findFirst({ where: { eventId: event.id }, select: { dueAt: true }, orderBy: { at: "desc" } })
    : null;
  let answerBy = "";
  if (template === "dossier.supplementRequested") {
    const calendar = await loadWorkingCalendar(db, { agency: d.handlingAgency, from: event.serverAt });
    answerBy = formatShortDate(dueDate(calendar, event.serverAt, { value: supplementAnswerWorkingDays(), unit: "WORKING_DAY" }));
  }
  const items = Array.isArray(p.items) ? p.items.map((i) => `- ${String(i)}`).join("\n") : "";
  return (locale) => {
    const t = getT(locale);
    return {
      applicantName: d.applicantName,
      code: d.code,
      procedureName: locale === "en" ? d.procedureVersion.nameEn : d.procedureVersion.nameVi,
      agencyName: locale === "en" ? d.handlingAgency.nameEn : d.handlingAgency.nameVi,
      trackingUrl: links.tracking(base, d.code),
      dueDate: clock?.dueAt ? formatShortDateTime(clock.dueAt) : "",
      newDueDate: clock?.dueAt ? formatShortDateTime(clock.dueAt) : "",
      previousDueDate: typeof p.previousDueAt === "string" ? formatShortDateTime(new Date(p.previousDueAt)) : "",
      reason: text(p.reason) || text(p.note),
      items,
      note: text(p.note),
      answerBy,
      amount: typeof p.amount === "number" ? `${new Intl.NumberFormat("vi-VN").format(p.amount)} đ` : "",
      resultNumber: text(p.resultNumber),
      delivery: t(`notifications.delivery.${d.resultDelivery}`),
      returnedDate: formatShortDate(event.serverAt),
      waybill: text(p.waybill),
    };
  };
}
