import type { Metadata } from "next";
import Link from "next/link";
import { api } from "~/server/api/caller";
import { getI18n } from "~/server/i18n";
import { pick } from "../_lib/admin";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t("admin.nav.agencies") };
}

export default async function AgenciesPage() {
  const { locale, t } = await getI18n();
  const agencies = await api.admin.agency.list();
  return (
    <div className="max-w-6xl space-y-4">
      <h1 className="text-3xl text-brand-800">{t("admin.agencies.title")}</h1>
      <p className="text-ink-600">{t("admin.agencies.lead")}</p>
      <div className="overflow-x-auto rounded border border-line bg-white">
        <table className="w-full text-left text-sm">
          <thead className="bg-paper">
            <tr>
              <th scope="col" className="px-3 py-2">{t("admin.agencies.code")}</th>
              <th scope="col" className="px-3 py-2">{t("admin.agencies.name")}</th>
              <th scope="col" className="px-3 py-2">{t("admin.agencies.hotline")}</th>
              <th scope="col" className="px-3 py-2">{t("admin.agencies.workingHours")}</th>
              <th scope="col" className="px-3 py-2">{t("admin.agencies.state")}</th>
              <th scope="col" className="px-3 py-2"><span className="sr-only">{t("admin.common.actions")}</span></th>
            </tr>
          </thead>
          <tbody>
            {agencies.map((a) => (
              <tr key={a.id} className="border-t border-line" data-testid={`agency-row-${a.id}`}>
                <td className="px-3 py-2 font-mono">
                  {a.code}
                  {a.codeIsDemo && <span className="ml-2 rounded bg-gold-100 px-1.5 py-0.5 font-sans text-xs font-semibold text-gold-800">{t("admin.agencies.demoCode")}</span>}
                </td>
                <td className="px-3 py-2">{pick(locale, a.nameVi, a.nameEn)}</td>
                <td className="px-3 py-2">{a.hotline ?? "—"}</td>
                <td className="px-3 py-2 whitespace-nowrap">{a.workingHours.map((p) => `${p.start}–${p.end}`).join(", ")}</td>
                <td className="px-3 py-2">
                  {!a.active && <span className="mr-1 rounded bg-ink-600 px-1.5 py-0.5 text-xs font-semibold text-white">{t("admin.common.inactive")}</span>}
                  {a.trainingMode && <span className="rounded bg-brand-100 px-1.5 py-0.5 text-xs font-semibold text-brand-800">{t("admin.agencies.training")}</span>}
                </td>
                <td className="px-3 py-2 text-right">
                  <Link href={`/admin/agencies/${a.id}`} aria-label={t("admin.agencies.editNamed", { name: pick(locale, a.nameVi, a.nameEn) })}>
                    {t("admin.common.edit")}
                  </Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
