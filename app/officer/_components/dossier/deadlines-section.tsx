import { formatDateTime, formatNumber, pickName } from "../../_lib/format";
import { Row } from "./section";
import type { SectionProps } from "./types";

/** The time limit and every date that counts against it, who holds the dossier, the fee and the clock's history. */
export function DeadlinesSection({ d, t, locale }: SectionProps) {
  const limit = t(`officer.units.${d.procedure.limitUnit}`, { count: d.procedure.limitValue });
  return (
    <div className="space-y-3">
      <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1">
        <Row label={t("officer.deadline.limit")}>{limit}</Row>
        <Row label={t("officer.deadline.submittedAt")}>{formatDateTime(d.submittedAt)}</Row>
        <Row label={t("officer.deadline.receivedAt")}>{d.receivedAt ? formatDateTime(d.receivedAt) : null}</Row>
        <Row label={t("officer.deadline.current")}>
          <span className="font-semibold">{d.dueAt ? formatDateTime(d.dueAt) : null}</span>
        </Row>
        <Row label={t("officer.deadline.original")}>{d.originalDueAt ? formatDateTime(d.originalDueAt) : null}</Row>
        <Row label={t("officer.deadline.extended")}>{d.extendedDueAt ? formatDateTime(d.extendedDueAt) : null}</Row>
        {d.currentStep && (
          <>
            <Row label={t("officer.deadline.currentStep")}>{pickName(locale, d.currentStep.nameVi, d.currentStep.nameEn)}</Row>
            <Row label={t("officer.deadline.stepDue")}>{d.stepDueAt ? formatDateTime(d.stepDueAt) : null}</Row>
          </>
        )}
        {/* An offline preview may assign someone whose name the device does not know yet. */}
        <Row label={t("officer.deadline.assignee")}>{d.assignee ? d.assignee.name || "…" : t("officer.worklist.unassigned")}</Row>
        {d.finishedAt && <Row label={t("officer.deadline.finishedAt")}>{formatDateTime(d.finishedAt)}</Row>}
        {d.returnedAt && <Row label={t("officer.deadline.returnedAt")}>{formatDateTime(d.returnedAt)}</Row>}
        {d.resultNumber && <Row label={t("officer.deadline.resultNumber")}>{d.resultNumber}</Row>}
        {d.postalWaybill && <Row label={t("officer.deadline.waybill")}>{d.postalWaybill}</Row>}
        {d.feeAmount !== null && (
          <Row label={t("officer.deadline.fee")}>
            {`${formatNumber(d.feeAmount, locale)} ₫`}
            {d.feePaidAt ? ` · ${t("officer.deadline.feePaid", { at: formatDateTime(d.feePaidAt) })}` : ""}
          </Row>
        )}
      </dl>
      {d.clockEvents.length > 0 && (
        <details>
          <summary className="cursor-pointer font-semibold">{t("officer.clock.title")}</summary>
          <ol className="mt-2 space-y-1 text-sm">
            {d.clockEvents.map((c) => (
              <li key={c.id}>
                <span className="font-semibold">{t(`officer.clock.${c.kind}`)}</span> · {formatDateTime(c.at)}
                {c.dueAt && ` → ${t("officer.clock.dueAfter", { at: formatDateTime(c.dueAt) })}`}
                {c.reason && <span className="block text-ink-600">{c.reason}</span>}
              </li>
            ))}
          </ol>
        </details>
      )}
    </div>
  );
}
