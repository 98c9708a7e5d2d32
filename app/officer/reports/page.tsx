import type { Metadata } from "next";
import { getI18n } from "~/server/i18n";
import { Notice } from "../_components/badges";
import { vietnamDateKey } from "../_lib/format";
import { agencyName, getOfficerContext } from "../_lib/officer";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t("officer.trackingBook.title") };
}

/** The dossier tracking book (form 07): a date range, then the PDF from ./tracking-book. */
export default async function ReportsPage() {
  const { locale, t } = await getI18n();
  const ctx = await getOfficerContext();
  if (!ctx.isOfficer) return <div className="mx-auto max-w-3xl px-4 py-8"><Notice>{t("auth.officerOnly")}</Notice></div>;

  const now = new Date();
  const today = vietnamDateKey(now);
  const firstOfMonth = `${today.slice(0, 8)}01`;
  const acrossAgencies = ctx.roles.has("CONTROLLER") || ctx.roles.has("SYSTEM_ADMIN");

  return (
    <div className="space-y-5 px-4 py-6 md:px-6">
      <header>
        <h1 className="text-2xl text-brand-800">{t("officer.trackingBook.title")}</h1>
        <p className="text-ink-600">{t("officer.trackingBook.lead")}</p>
      </header>
      <form method="get" action="/officer/reports/tracking-book" target="_blank" className="card max-w-2xl space-y-4" aria-label={t("officer.trackingBook.formLabel")}>
        <div>
          <label htmlFor="tb-agency" className="field-label">
            {t("officer.trackingBook.agency")}
          </label>
          <select id="tb-agency" name="agencyId" defaultValue={ctx.selectedAgencyId ?? (!acrossAgencies && ctx.agencies.length === 1 ? ctx.agencies[0]!.id : "")} className="field-input">
            {(ctx.agencies.length > 1 || acrossAgencies) && (
              <option value="">{acrossAgencies ? t("officer.trackingBook.allReadable") : t("officer.nav.allAgencies")}</option>
            )}
            {ctx.agencies.map((a) => (
              <option key={a.id} value={a.id}>
                {agencyName(a, locale)}
              </option>
            ))}
          </select>
        </div>
        <fieldset>
          <legend className="field-label">{t("officer.trackingBook.period")}</legend>
          <div className="flex flex-wrap gap-4">
            <div>
              <label htmlFor="tb-from" className="block text-sm">
                {t("officer.worklist.from")}
              </label>
              <input id="tb-from" name="from" type="date" required defaultValue={firstOfMonth} max={today} className="field-input" />
            </div>
            <div>
              <label htmlFor="tb-to" className="block text-sm">
                {t("officer.worklist.to")}
              </label>
              <input id="tb-to" name="to" type="date" required defaultValue={today} className="field-input" />
            </div>
          </div>
          <p className="field-hint mt-2">{t("officer.trackingBook.periodHint")}</p>
        </fieldset>
        <button type="submit" className="btn-primary">
          {t("officer.trackingBook.download")}
        </button>
      </form>
    </div>
  );
}
