import type { Metadata } from "next";
import Link from "next/link";
import { api } from "~/server/api/caller";
import { getI18n } from "~/server/i18n";
import { ReadOnlyNotice } from "../_components/list-page";
import { getAdminScope, pick } from "../_lib/admin";
import { HolidayManager } from "./holiday-manager";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t("admin.nav.holidays") };
}

export default async function HolidaysPage({ searchParams }: { searchParams: Promise<{ year?: string; agencyId?: string }> }) {
  const params = await searchParams;
  const { locale, t } = await getI18n();
  const thisYear = Number(new Date().toLocaleString("en-CA", { timeZone: "Asia/Ho_Chi_Minh", year: "numeric" }));
  const asked = Number(params.year);
  const year = Number.isInteger(asked) && asked >= 2000 && asked <= 2100 ? asked : thisYear;
  const [scope, agencies] = await Promise.all([getAdminScope(), api.admin.agency.list()]);
  const agencyId = agencies.some((a) => a.id === params.agencyId) ? params.agencyId! : null;
  const days = await api.admin.holiday.list({ year, agencyId });
  const link = (y: number, a: string | null) => `/admin/holidays?${new URLSearchParams({ year: String(y), ...(a ? { agencyId: a } : {}) })}`;
  const canEdit = agencyId !== null || (scope?.isSystemAdmin ?? false);

  return (
    <div className="max-w-5xl space-y-4">
      <h1 className="text-3xl text-brand-800">{t("admin.holidays.title", { year: String(year) })}</h1>
      <p className="text-ink-600">{t("admin.holidays.lead")}</p>
      <nav aria-label={t("admin.holidays.yearNav")} className="flex flex-wrap items-center gap-3">
        <Link href={link(year - 1, agencyId)}>← {year - 1}</Link>
        <strong aria-current="page">{year}</strong>
        <Link href={link(year + 1, agencyId)}>{year + 1} →</Link>
      </nav>
      <form method="get" className="flex flex-wrap items-end gap-3">
        <input type="hidden" name="year" value={year} />
        <label>
          <span className="field-label">{t("admin.holidays.calendar")}</span>
          <select name="agencyId" defaultValue={agencyId ?? ""} className="field-input max-w-md">
            <option value="">{t("admin.holidays.nationwide")}</option>
            {agencies.map((a) => (
              <option key={a.id} value={a.id}>
                {t("admin.holidays.agencyCalendar", { name: pick(locale, a.nameVi, a.nameEn) })}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="btn-primary">
          {t("admin.holidays.show")}
        </button>
      </form>
      {!canEdit && <ReadOnlyNotice>{t("admin.holidays.readOnly")}</ReadOnlyNotice>}
      <HolidayManager year={year} agencyId={agencyId} days={days} canEdit={canEdit} />
    </div>
  );
}
