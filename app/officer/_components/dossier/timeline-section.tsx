import type { PendingEvent } from "~/app/_offline/optimistic";
import type { TDossierDetail } from "~/server/modules/dossier/schema";
import { formatDateTime, formatDateTimeSeconds, formatNumber, pickName } from "../../_lib/format";
import type { SectionProps } from "./types";

type DossierEvent = TDossierDetail["events"][number];

/** Events whose assignee is news (other events' payloads also carry the holder at the time). */
const ASSIGNING_ACTIONS = new Set<DossierEvent["action"]>(["ASSIGN", "FORWARD", "APPROVE", "SEND_BACK", "RECEIVE", "INTAKE"]);

/** The dossier's history, newest first: actions still in this device's outbox, then the server's events. */
export function TimelineSection({ d, t, locale, pending = [] }: SectionProps & { pending?: PendingEvent[] }) {
  const stepName = (order: number | null) => {
    const s = d.procedure.steps.find((x) => x.order === order);
    return s ? pickName(locale, s.nameVi, s.nameEn) : null;
  };
  // Names of the people the events mention (assignees are ids in the payload).
  const names = new Map<string, string>();
  for (const s of d.steps) if (s.holderId && s.holderName) names.set(s.holderId, s.holderName);
  for (const e of d.events) if (e.actorId && e.actorName) names.set(e.actorId, e.actorName);
  if (d.assignee?.name) names.set(d.assignee.id, d.assignee.name);

  return (
    <ol className="space-y-4 border-l-2 border-line pl-4" data-testid="timeline">
      {[...pending].reverse().map((p) => (
        <PendingItem key={`p-${p.seq}`} p={p} t={t} />
      ))}
      {[...d.events].reverse().map((e) => (
        <EventItem key={e.id} e={e} t={t} locale={locale} stepName={stepName} names={names} />
      ))}
    </ol>
  );
}

function PendingItem({ p, t }: { p: PendingEvent; t: SectionProps["t"] }) {
  return (
    <li data-testid="pending-event">
      <p className="font-semibold">
        {t(`officer.events.${p.action}`)} · <span className="text-gold-800">{t(`officer.offline.states.${p.state}`)}</span>
      </p>
      <p className="text-sm text-ink-600">{t("officer.timeline.deviceAt", { at: formatDateTimeSeconds(p.deviceAt) })}</p>
      {p.refusedLocally && <p className="text-sm text-brand-700">{t("officer.offline.likelyRefused")}</p>}
      {p.note && <p className="rounded bg-paper px-2 py-1 text-sm whitespace-pre-line">{p.note}</p>}
    </li>
  );
}

function EventItem({
  e,
  t,
  locale,
  stepName,
  names,
}: {
  e: DossierEvent;
  t: SectionProps["t"];
  locale: SectionProps["locale"];
  stepName: (order: number | null) => string | null;
  names: Map<string, string>;
}) {
  const p = e.payload && typeof e.payload === "object" && !Array.isArray(e.payload) ? (e.payload as Record<string, unknown>) : {};
  const toStep = e.toStepOrder !== e.fromStepOrder ? stepName(e.toStepOrder) : null;
  return (
    <li className="relative">
      <span aria-hidden="true" className="absolute top-2 -left-[1.4rem] h-3 w-3 rounded-full border-2 border-white bg-brand-700" />
      <p className="font-semibold">{t(`officer.events.${e.action}`)}</p>
      <p className="text-sm">
        {e.actorName ?? t("officer.timeline.system")}
        {e.actorRole && <span className="text-ink-600"> · {t(`roles.${e.actorRole}`)}</span>}
      </p>
      <p className="text-sm text-ink-600">
        {t("officer.timeline.serverAt", { at: formatDateTimeSeconds(e.serverAt) })}
        {e.deviceAt &&
          formatDateTimeSeconds(e.deviceAt) !== formatDateTimeSeconds(e.serverAt) &&
          ` · ${t("officer.timeline.deviceAt", { at: formatDateTimeSeconds(e.deviceAt) })}`}
      </p>
      {e.fromStatus !== e.toStatus && (
        <p className="text-sm">
          {e.fromStatus ? `${t(`status.${e.fromStatus}`)} → ` : ""}
          {t(`status.${e.toStatus}`)}
        </p>
      )}
      {toStep && <p className="text-sm">{t("officer.timeline.toStep", { step: toStep })}</p>}
      {typeof p.assigneeId === "string" && ASSIGNING_ACTIONS.has(e.action) && <p className="text-sm">{t("officer.timeline.assignee", { name: names.get(p.assigneeId) ?? "—" })}</p>}
      {Array.isArray(p.items) && p.items.length > 0 && (
        <ul className="list-disc pl-5 text-sm">
          {p.items.filter((x): x is string => typeof x === "string").map((item, i) => (
            <li key={i}>{item}</li>
          ))}
        </ul>
      )}
      {typeof p.newDueAt === "string" && <p className="text-sm">{t("officer.timeline.newDueAt", { at: formatDateTime(new Date(p.newDueAt)) })}</p>}
      {typeof p.amount === "number" && <p className="text-sm">{t("officer.timeline.amount", { amount: `${formatNumber(p.amount, locale)} ₫` })}</p>}
      {typeof p.resultNumber === "string" && <p className="text-sm">{t("officer.timeline.resultNumber", { number: p.resultNumber })}</p>}
      {typeof p.method === "string" && (p.method === "AT_DESK" || p.method === "BY_POST") && (
        <p className="text-sm">
          {t(`officer.delivery.${p.method}`)}
          {typeof p.waybill === "string" ? ` · ${t("officer.timeline.waybill", { waybill: p.waybill })}` : ""}
        </p>
      )}
      {e.note && <p className="mt-1 rounded bg-paper px-2 py-1 text-sm whitespace-pre-line">{e.note}</p>}
    </li>
  );
}
