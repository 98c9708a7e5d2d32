// writeOfficerDigests: the morning list for each officer of the dossiers in their hands that are
// overdue or due within DIGEST_DUE_SOON_WORKING_DAYS working days (default 2), on days that are
// working days at the handling agency (its calendar: weekends, holidays, swapped days). Nobody
// with nothing due is written to. One digest per officer per day (sourceKey digest:<date>), so
// the cron firing twice, or a retry, writes nothing more.
import type { Db } from "../../../db";
import { loadWorkingCalendar } from "../../calendar/queries";
import { localDateOf } from "../../calendar/time-zone";
import { dueDate, isWorkingDay } from "../../calendar/working-time";
import { formatShortDate, formatShortDateTime } from "../../standard-forms/format";
import { officerRecipients } from "../audience";
import { composeMessage, translatorFor } from "../compose";
import { appBaseUrl, links } from "../links";
import { loadWordingOverrides } from "../queries";
import { channelAvailability } from "./notify-dossier-event";
import { writeDeliveries, type DeliveryDraft } from "./write-deliveries";

const VIETNAM = "Asia/Ho_Chi_Minh";

export function dueSoonWorkingDays(env: NodeJS.ProcessEnv = process.env): number {
  const n = Number(env.DIGEST_DUE_SOON_WORKING_DAYS);
  return Number.isInteger(n) && n > 0 ? n : 2;
}

interface DigestItem {
  code: string;
  deadline: Date;
  which: "step" | "dossier";
  overdue: boolean;
}

export async function writeOfficerDigests(db: Db, options: { now?: Date; env?: NodeJS.ProcessEnv } = {}): Promise<{ officers: number; written: number }> {
  const now = options.now ?? new Date();
  const open = { assigneeId: { not: null }, status: { in: ["RECEIVED", "PROCESSING"] as ("RECEIVED" | "PROCESSING")[] }, pausedAt: null };
  const agencies = await db.agency.findMany({
    where: { active: true, handledDossiers: { some: open } },
    select: { id: true, timeZone: true, workingHours: true },
  });
  const byOfficer = new Map<string, DigestItem[]>();
  for (const agency of agencies) {
    const calendar = await loadWorkingCalendar(db, { agency, from: now });
    if (!isWorkingDay(calendar, localDateOf(now, agency.timeZone))) continue;
    const horizon = dueDate(calendar, now, { value: dueSoonWorkingDays(options.env), unit: "WORKING_DAY" });
    const dossiers = await db.dossier.findMany({
      where: { handlingAgencyId: agency.id, ...open, OR: [{ dueAt: { lte: horizon } }, { stepDueAt: { lte: horizon } }] },
      select: { code: true, dueAt: true, stepDueAt: true, assigneeId: true },
      orderBy: { dueAt: "asc" },
      take: 5_000,
    });
    for (const d of dossiers) {
      const candidates = [
        d.stepDueAt && d.stepDueAt <= horizon ? { deadline: d.stepDueAt, which: "step" as const } : null,
        d.dueAt && d.dueAt <= horizon ? { deadline: d.dueAt, which: "dossier" as const } : null,
      ].filter((c) => c !== null);
      const first = candidates.sort((a, b) => a.deadline.getTime() - b.deadline.getTime())[0];
      if (!first || !d.assigneeId) continue;
      const list = byOfficer.get(d.assigneeId) ?? [];
      list.push({ code: d.code, ...first, overdue: first.deadline < now });
      byOfficer.set(d.assigneeId, list);
    }
  }
  if (byOfficer.size === 0) return { officers: 0, written: 0 };

  const officers = await db.user.findMany({ where: { id: { in: [...byOfficer.keys()] }, active: true }, select: { id: true, name: true, email: true, locale: true } });
  const available = channelAvailability(options.env);
  const overrides = await loadWordingOverrides(db, ["officer.digest"]);
  const base = appBaseUrl(options.env);
  const today = localDateOf(now, VIETNAM);
  const drafts: DeliveryDraft[] = [];
  for (const officer of officers) {
    const items = byOfficer.get(officer.id)!.sort((a, b) => Number(b.overdue) - Number(a.overdue) || a.deadline.getTime() - b.deadline.getTime());
    for (const r of officerRecipients(officer, available)) {
      const t = await translatorFor(r.locale);
      const lines = items.map(
        (i) => `- [${t(i.overdue ? "notifications.digest.overdue" : "notifications.digest.dueSoon")}] ${i.code}, ${t(i.which === "step" ? "notifications.digest.stepDue" : "notifications.digest.dossierDue")} ${formatShortDateTime(i.deadline)}`,
      );
      const message = composeMessage(
        {
          template: "officer.digest",
          channel: r.channel,
          locale: r.locale,
          vars: {
            officerName: officer.name,
            date: formatShortDate(now),
            overdueCount: String(items.filter((i) => i.overdue).length),
            dueSoonCount: String(items.filter((i) => !i.overdue).length),
            items: lines.join("\n"),
            worklistUrl: links.worklist(base),
          },
        },
        overrides,
        available.smsRules,
      );
      if (!message) continue;
      drafts.push({
        sourceKey: `digest:${today}`,
        recipientKey: r.recipientKey,
        channel: r.channel,
        template: "officer.digest",
        locale: r.locale,
        userId: officer.id,
        address: r.address,
        subject: message.subject,
        body: message.body,
        link: links.worklist(base),
        data: { linkLabel: t("notifications.email.openWorklist") },
      });
    }
  }
  const { written } = await db.$transaction((tx) => writeDeliveries(tx, drafts, { now }));
  return { officers: officers.length, written };
}
