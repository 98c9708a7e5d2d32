// Dossier tracking, rendered on the server for /track, /me and the kiosk. Status and timeliness are
// words (colour only repeats them); times are Vietnam time.
import type { ReactNode } from "react";
import type { Locale, TFunction } from "~/server/i18n/core";
import type { TFullTracking, TPublicTracking, TTimeliness } from "~/server/modules/tracking/schema";
import { fileSize, formatDateTime, formatMoney, pick } from "./format";

type Status = TPublicTracking["status"];

const STATUS_STYLE: Record<Status, string> = {
  NEW: "border-sky-700 bg-sky-50 text-sky-900",
  RECEIVED: "border-sky-700 bg-sky-50 text-sky-900",
  PROCESSING: "border-indigo-700 bg-indigo-50 text-indigo-900",
  SUPPLEMENT_REQUESTED: "border-gold-800 bg-gold-100 text-gold-800",
  AWAITING_FEE: "border-gold-800 bg-gold-100 text-gold-800",
  PROCESSED: "border-emerald-800 bg-emerald-50 text-emerald-900",
  RETURNED: "border-emerald-800 bg-emerald-50 text-emerald-900",
  REFUSED: "border-ink-600 bg-stone-100 text-ink-900",
  WITHDRAWN: "border-ink-600 bg-stone-100 text-ink-900",
  STOPPED: "border-ink-600 bg-stone-100 text-ink-900",
};

export function StatusBadge({ status, t }: { status: Status; t: TFunction }) {
  return (
    <span data-status={status} className={`inline-block rounded border px-2 py-0.5 text-sm font-semibold ${STATUS_STYLE[status]}`}>
      {t(`status.${status}`)}
    </span>
  );
}

export function TimelinessBadge({ timeliness, t }: { timeliness: TTimeliness | null; t: TFunction }) {
  if (!timeliness) return null;
  const late = timeliness === "LATE";
  return (
    <span
      data-timeliness={timeliness}
      className={`inline-flex items-center gap-1 rounded border px-2 py-0.5 text-sm font-bold whitespace-nowrap ${
        late ? "border-brand-800 bg-brand-700 text-white" : "border-emerald-800 bg-emerald-50 text-emerald-900"
      }`}
    >
      <span aria-hidden="true">{late ? "!" : "✓"}</span>
      {t(`track.timeliness.${timeliness}`)}
    </span>
  );
}

function Row({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <div className="grid gap-1 border-b border-line py-2 last:border-b-0 sm:grid-cols-[12rem_1fr] sm:gap-4">
      <dt className="font-semibold text-ink-600">{label}</dt>
      <dd className="m-0" data-testid={testId}>
        {children}
      </dd>
    </div>
  );
}

/** The public summary: what anyone with the code may see. */
export function PublicSummary({ view, t, locale, headingLevel = 2 }: { view: TPublicTracking; t: TFunction; locale: Locale; headingLevel?: 2 | 3 }) {
  const H = headingLevel === 2 ? "h2" : "h3";
  const date = (d: Date | null) => (d ? formatDateTime(d, locale) : t("track.notYet"));
  return (
    <section aria-labelledby="tracking-summary-title" className="card">
      <H id="tracking-summary-title" className="text-xl text-brand-800">
        {t("track.summaryTitle")}
      </H>
      <dl className="mt-3">
        <Row label={t("track.procedure")}>
          {pick(view.procedureName, locale)} <span className="text-ink-600">({view.procedureCode})</span>
        </Row>
        <Row label={t("track.handlingAgency")}>{pick(view.handlingAgency, locale)}</Row>
        {pick(view.receivingAgency, locale) !== pick(view.handlingAgency, locale) && (
          <Row label={t("track.receivingAgency")}>{pick(view.receivingAgency, locale)}</Row>
        )}
        <Row label={t("track.status")} testId="tracking-status">
          <StatusBadge status={view.status} t={t} />
        </Row>
        {view.stage && <Row label={t("track.stage")}>{pick(view.stage, locale)}</Row>}
        <Row label={t("track.submittedAt")}>{date(view.submittedAt)}</Row>
        <Row label={t("track.receivedAt")}>{date(view.receivedAt)}</Row>
        <Row label={t("track.dueAt")} testId="tracking-due">
          {date(view.dueAt)}
        </Row>
        {view.finishedAt && <Row label={t("track.finishedAt")}>{date(view.finishedAt)}</Row>}
        {view.returnedAt && <Row label={t("track.returnedAt")}>{date(view.returnedAt)}</Row>}
        {view.timeliness && (
          <Row label={t("track.progress")} testId="tracking-timeliness">
            <TimelinessBadge timeliness={view.timeliness} t={t} />
          </Row>
        )}
      </dl>
      {view.paused && <p className="mt-3 rounded border-l-4 border-gold-500 bg-gold-100 px-3 py-2 text-gold-800">{t("track.paused")}</p>}
    </section>
  );
}

type TimelineEntry = TPublicTracking["timeline"][number] & { note?: string | null; items?: string[] };

/** Stage names with dates; in the full view also the notes written to the applicant. */
export function Timeline({ entries, t, locale, headingLevel = 2 }: { entries: TimelineEntry[]; t: TFunction; locale: Locale; headingLevel?: 2 | 3 }) {
  const H = headingLevel === 2 ? "h2" : "h3";
  return (
    <section aria-labelledby="tracking-timeline-title" className="card">
      <H id="tracking-timeline-title" className="text-xl text-brand-800">
        {t("track.timelineTitle")}
      </H>
      <ol className="mt-3 space-y-3 border-l-2 border-line pl-4" data-testid="tracking-timeline">
        {entries.map((entry, i) => (
          <li key={`${entry.at.toISOString()}-${i}`} className="relative">
            <span aria-hidden="true" className="absolute -left-[1.45rem] top-2 h-3 w-3 rounded-full border-2 border-brand-700 bg-white" />
            <p className="font-semibold">{t(`track.events.${entry.action}`)}</p>
            <p className="text-sm text-ink-600">
              <time dateTime={entry.at.toISOString()}>{formatDateTime(entry.at, locale)}</time>
              {" · "}
              {t(`status.${entry.status}`)}
            </p>
            {entry.stage && <p className="text-sm">{t("track.toStage", { stage: pick(entry.stage, locale) })}</p>}
            {entry.items && entry.items.length > 0 && (
              <ul className="ml-5 list-disc text-sm">
                {entry.items.map((item, j) => (
                  <li key={j}>{item}</li>
                ))}
              </ul>
            )}
            {entry.note && <p className="text-sm">{t("track.note", { note: entry.note })}</p>}
          </li>
        ))}
      </ol>
    </section>
  );
}

/** The open supplement request, with its items and instructions. */
export function SupplementRequestBox({ view, t, locale, children }: { view: TFullTracking; t: TFunction; locale: Locale; children?: ReactNode }) {
  const request = view.supplementRequest;
  if (!request) return null;
  return (
    <section aria-labelledby="supplement-title" className="card border-l-4 border-l-gold-500" data-testid="supplement-request">
      <h2 id="supplement-title" className="text-xl text-brand-800">
        {t("track.supplementTitle")}
      </h2>
      <p className="mt-1 text-ink-600">{t("track.supplementAt", { date: formatDateTime(request.at, locale) })}</p>
      {request.items.length > 0 && (
        <>
          <h3 className="mt-3 text-base">{t("track.supplementItems")}</h3>
          <ul className="ml-5 list-disc">
            {request.items.map((item, i) => (
              <li key={i}>{item}</li>
            ))}
          </ul>
        </>
      )}
      {request.note && (
        <>
          <h3 className="mt-3 text-base">{t("track.supplementNote")}</h3>
          <p className="whitespace-pre-line">{request.note}</p>
        </>
      )}
      {children}
    </section>
  );
}

/** What the applicant filed and what came back: only for the owner or a holder of the ID number. */
export function FullDetails({ view, t, locale, fileLinks }: { view: TFullTracking; t: TFunction; locale: Locale; fileLinks: boolean }) {
  const date = (d: Date | null) => (d ? formatDateTime(d, locale) : t("track.notYet"));
  return (
    <section aria-labelledby="tracking-full-title" className="card" data-testid="tracking-full">
      <h2 id="tracking-full-title" className="text-xl text-brand-800">
        {t("track.fullTitle")}
      </h2>
      <dl className="mt-3">
        <Row label={t("track.applicant")} testId="tracking-applicant">
          {view.applicantName}
        </Row>
        {view.organisationName && <Row label={t("track.organisation")}>{view.organisationName}</Row>}
        <Row label={t("track.channel")}>{t(`channels.${view.channel as 1 | 2 | 3}`)}</Row>
        <Row label={t("track.resultDelivery")}>{t(`track.delivery.${view.resultDelivery}`)}</Row>
        {view.extendedDueAt && <Row label={t("track.extendedDueAt")}>{date(view.extendedDueAt)}</Row>}
        {view.feeAmount !== null && (
          <Row label={t("track.fee")}>
            {view.feePaidAt
              ? t("track.feePaid", { amount: formatMoney(view.feeAmount, locale), date: date(view.feePaidAt) })
              : t("track.feeUnpaid", { amount: formatMoney(view.feeAmount, locale) })}
          </Row>
        )}
        {view.resultNumber && <Row label={t("track.resultNumber")}>{view.resultNumber}</Row>}
        {view.resultIssuedAt && <Row label={t("track.resultIssuedAt")}>{date(view.resultIssuedAt)}</Row>}
        {view.postalWaybill && <Row label={t("track.waybill")}>{view.postalWaybill}</Row>}
      </dl>

      {view.documents.length > 0 && (
        <div className="mt-4 overflow-x-auto">
          <table className="w-full border-collapse text-left">
            <caption className="mb-2 text-left text-lg font-bold text-brand-800">{t("track.documentsTitle")}</caption>
            <thead>
              <tr className="border-b-2 border-ink-600">
                <th scope="col" className="py-2 pr-3">
                  {t("catalogue.component")}
                </th>
                <th scope="col" className="py-2">
                  {t("catalogue.requirement")}
                </th>
                <th scope="col" className="py-2 pl-3">
                  {t("track.attachmentsTitle")}
                </th>
              </tr>
            </thead>
            <tbody>
              {view.documents.map((d) => (
                <tr key={d.componentId} className="border-b border-line">
                  <td className="py-2 pr-3">{pick(d.name, locale)}</td>
                  <td className="py-2">{d.required ? t("catalogue.required") : t("catalogue.optional")}</td>
                  <td className="py-2 pl-3">{d.files > 0 ? t("track.filesCount", { count: d.files }) : t("track.noFiles")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      {fileLinks && view.attachments.length > 0 && (
        <>
          <h3 className="mt-4 text-lg text-brand-800">{t("track.attachmentsTitle")}</h3>
          <ul className="mt-2 space-y-1">
            {view.attachments.map((a) => (
              <li key={a.id}>
                <a href={`/api/files/${encodeURIComponent(a.id)}`} className="inline-block py-1">
                  {t("track.download", { name: a.fileName })}
                </a>{" "}
                <span className="text-sm text-ink-600">
                  ({t(`track.attachmentKinds.${a.kind}`)}, {fileSize(a.sizeBytes, locale)})
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
