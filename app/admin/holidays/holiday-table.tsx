"use client";

// The year's calendar days, each with its remove button (after a confirmation) when editable.
import { useLocale, useT } from "~/app/_components/i18n-provider";
import { useTRPCClient, type RouterOutputs } from "~/app/_trpc/react";
import { BUTTON_SMALL } from "../_components/ui";
import { displayDate, weekday, type RunAction } from "./holiday-state";

type Day = RouterOutputs["admin"]["holiday"]["list"][number];

export function HolidayTable({ year, days, canEdit, busy, run }: { year: number; days: Day[]; canEdit: boolean; busy: boolean; run: RunAction }) {
  const t = useT();
  const locale = useLocale();
  const client = useTRPCClient();
  return (
    <section className="overflow-x-auto rounded border border-line bg-white" aria-labelledby="days-title">
      <h2 id="days-title" className="sr-only">
        {t("admin.holidays.listTitle")}
      </h2>
      {days.length === 0 ? (
        <p className="p-4">{t("admin.holidays.none", { year: String(year) })}</p>
      ) : (
        <table className="w-full text-left text-sm" data-testid="holiday-table">
          <thead className="bg-paper">
            <tr>
              <th scope="col" className="px-3 py-2">{t("admin.holidays.date")}</th>
              <th scope="col" className="px-3 py-2">{t("admin.holidays.kind")}</th>
              <th scope="col" className="px-3 py-2">{t("admin.holidays.name")}</th>
              {canEdit && <th scope="col" className="px-3 py-2"><span className="sr-only">{t("admin.common.actions")}</span></th>}
            </tr>
          </thead>
          <tbody>
            {days.map((d) => (
              <tr key={d.id} className="border-t border-line">
                <td className="px-3 py-2 whitespace-nowrap">
                  <span className="font-semibold">{displayDate(d.date)}</span> <span className="text-ink-600">{weekday(d.date, locale)}</span>
                </td>
                <td className="px-3 py-2">
                  <span className={`rounded px-1.5 py-0.5 text-xs font-semibold ${d.kind === "HOLIDAY" ? "bg-brand-100 text-brand-800" : "bg-green-100 text-green-900"}`}>
                    {t(`admin.holidays.kind${d.kind}`)}
                  </span>
                </td>
                <td className="px-3 py-2">{locale === "en" ? d.nameEn : d.nameVi}</td>
                {canEdit && (
                  <td className="px-3 py-2 text-right">
                    <button
                      type="button"
                      className={BUTTON_SMALL}
                      disabled={busy}
                      aria-label={t("admin.holidays.removeNamed", { date: displayDate(d.date) })}
                      onClick={() => {
                        if (window.confirm(t("admin.holidays.removeConfirm", { date: displayDate(d.date) }))) {
                          void run(() => client.admin.holiday.remove.mutate({ holidayId: d.id }), () => t("admin.holidays.removed"));
                        }
                      }}
                    >
                      {t("admin.common.remove")}
                    </button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
