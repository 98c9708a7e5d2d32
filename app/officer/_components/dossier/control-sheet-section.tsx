import { formatDateTime, pickName } from "../../_lib/format";
import type { SectionProps } from "./types";

/** The process control sheet (form 06): every step instance, who held it, its allowance and whether it kept to it. */
export function ControlSheetSection({ d, t, locale, now }: SectionProps & { now: Date }) {
  if (d.steps.length === 0) return <p className="text-ink-600">{t("officer.control.empty")}</p>;
  const def = new Map(d.procedure.steps.map((s) => [s.order, s]));
  return (
    <div className="overflow-x-auto" tabIndex={0} role="region" aria-label={t("officer.control.caption")}>
      <table className="w-full border-collapse text-left text-sm" data-testid="control-sheet">
        <caption className="sr-only">{t("officer.control.caption")}</caption>
        <thead>
          <tr className="border-b border-line">
            <th scope="col" className="py-1 pr-2">{t("officer.control.step")}</th>
            <th scope="col" className="py-1 pr-2">{t("officer.control.holder")}</th>
            <th scope="col" className="py-1 pr-2">{t("officer.control.allowed")}</th>
            <th scope="col" className="py-1 pr-2">{t("officer.control.started")}</th>
            <th scope="col" className="py-1 pr-2">{t("officer.control.due")}</th>
            <th scope="col" className="py-1 pr-2">{t("officer.control.finished")}</th>
            <th scope="col" className="py-1">{t("officer.control.outcome")}</th>
          </tr>
        </thead>
        <tbody>
          {d.steps.map((s) => {
            const stepDef = def.get(s.order);
            const late = s.onTime === false || (s.onTime === null && s.dueAt.getTime() < now.getTime());
            return (
              <tr key={s.id} className="border-b border-line align-top">
                <th scope="row" className="min-w-[10rem] py-1.5 pr-2 font-normal">{pickName(locale, s.nameVi, s.nameEn)}</th>
                <td className="min-w-[8rem] py-1.5 pr-2">{s.holderName ?? "—"}</td>
                <td className="py-1.5 pr-2 whitespace-nowrap">
                  {stepDef ? t(`officer.units.${stepDef.allowanceUnit}`, { count: stepDef.allowanceValue }) : "—"}
                </td>
                <td className="py-1.5 pr-2 whitespace-nowrap">{formatDateTime(s.startedAt)}</td>
                <td className="py-1.5 pr-2 whitespace-nowrap">{formatDateTime(s.dueAt)}</td>
                <td className="py-1.5 pr-2 whitespace-nowrap">{s.finishedAt ? formatDateTime(s.finishedAt) : "—"}</td>
                <td className={`min-w-[8rem] py-1.5 font-semibold ${late ? "text-brand-700" : ""}`}>
                  {s.onTime === true
                    ? `✓ ${t("officer.control.onTime")}`
                    : s.onTime === false
                      ? `! ${t("officer.control.late")}`
                      : late
                        ? `! ${t("officer.control.openLate")}`
                        : t("officer.control.open")}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
