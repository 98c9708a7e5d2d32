import type { Metadata } from "next";
import Link from "next/link";
import { api } from "~/server/api/caller";
import { getI18n } from "~/server/i18n";
import { getAdminScope, pick } from "../_lib/admin";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t("admin.nav.procedures") };
}

export default async function ProceduresPage({ searchParams }: { searchParams: Promise<{ q?: string; sectorId?: string }> }) {
  const params = await searchParams;
  const { locale, t } = await getI18n();
  const q = params.q?.slice(0, 100) ?? "";
  const [scope, sectors] = await Promise.all([getAdminScope(), api.admin.procedure.sectors()]);
  const sectorId = sectors.some((s) => s.id === params.sectorId) ? params.sectorId : undefined;
  const rows = await api.admin.procedure.list({ q: q || undefined, sectorId });
  return (
    <div className="max-w-6xl space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-3xl text-brand-800">{t("admin.procedures.title")}</h1>
        {scope?.isSystemAdmin && (
          <Link href="/admin/procedures/new" className="btn-primary no-underline hover:text-white">
            {t("admin.procedures.create")}
          </Link>
        )}
      </div>
      {!scope?.isSystemAdmin && <p className="rounded border-l-4 border-gold-500 bg-gold-100 px-3 py-2 text-gold-800">{t("admin.procedures.readOnly")}</p>}
      <form method="get" role="search" className="card flex flex-wrap items-end gap-3" aria-label={t("admin.procedures.search")}>
        <label className="min-w-64 flex-1">
          <span className="field-label">{t("admin.procedures.searchLabel")}</span>
          <input name="q" defaultValue={q} className="field-input" />
        </label>
        <label>
          <span className="field-label">{t("admin.procedures.sector")}</span>
          <select name="sectorId" defaultValue={sectorId ?? ""} className="field-input max-w-xs">
            <option value="">{t("admin.procedures.allSectors")}</option>
            {sectors.map((s) => (
              <option key={s.id} value={s.id}>
                {pick(locale, s.nameVi, s.nameEn)}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="btn-primary">
          {t("admin.users.searchButton")}
        </button>
      </form>
      <div className="overflow-x-auto rounded border border-line bg-white">
        <table className="w-full text-left text-sm">
          <thead className="bg-paper">
            <tr>
              <th scope="col" className="px-3 py-2">{t("admin.procedures.code")}</th>
              <th scope="col" className="px-3 py-2">{t("admin.procedures.name")}</th>
              <th scope="col" className="px-3 py-2">{t("admin.procedures.limit")}</th>
              <th scope="col" className="px-3 py-2">{t("admin.procedures.version")}</th>
              <th scope="col" className="px-3 py-2">{t("admin.procedures.agencyCount")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((p) => (
              <tr key={p.id} className="border-t border-line align-top">
                <td className="px-3 py-2 font-mono whitespace-nowrap">
                  <Link href={`/admin/procedures/${p.id}`}>{p.code}</Link>
                </td>
                <td className="px-3 py-2">
                  {pick(locale, p.nameVi, p.nameEn)}
                  <div className="text-xs text-ink-600">{pick(locale, p.sectorNameVi, p.sectorNameEn)}</div>
                  {!p.active && <span className="rounded bg-ink-600 px-1.5 py-0.5 text-xs font-semibold text-white">{t("admin.common.inactive")}</span>}
                </td>
                <td className="px-3 py-2 whitespace-nowrap">{p.limitUnit === "WORKING_DAY" ? t("admin.procedures.days", { count: p.limitValue }) : t("admin.procedures.hours", { count: p.limitValue })}</td>
                <td className="px-3 py-2 whitespace-nowrap">
                  {p.currentVersion !== null ? t("admin.procedures.currentVersion", { version: p.currentVersion }) : t("admin.procedures.noCurrent")}
                  {p.latestVersion !== p.currentVersion && <div className="text-xs text-ink-600">{t("admin.procedures.latestVersion", { version: p.latestVersion })}</div>}
                </td>
                <td className="px-3 py-2">{p.agencyCount}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
