import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { api } from "~/server/api/caller";
import { getI18n } from "~/server/i18n";
import { getAdminScope, pick, readOrNull } from "../../_lib/admin";
import { ProcedureSettingsForm } from "./settings-form";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t("admin.procedures.detailTitle") };
}

function when(date: Date | null, locale: "vi" | "en"): string {
  return date ? date.toLocaleString(locale === "en" ? "en-GB" : "vi-VN", { timeZone: "Asia/Ho_Chi_Minh", dateStyle: "short", timeStyle: "short" }) : "—";
}

export default async function ProcedurePage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ saved?: string }> }) {
  const { id } = await params;
  const { saved } = await searchParams;
  const { locale, t } = await getI18n();
  const [procedure, scope, sectors, agencies] = await Promise.all([
    readOrNull(() => api.admin.procedure.get({ procedureId: id })),
    getAdminScope(),
    api.admin.procedure.sectors(),
    api.admin.agency.list(),
  ]);
  if (!procedure) notFound();
  const current = procedure.versions.find((v) => v.id === procedure.currentVersionId) ?? procedure.versions[0]!;
  return (
    <div className="max-w-6xl space-y-6">
      <p>
        <Link href="/admin/procedures">← {t("admin.procedures.title")}</Link>
      </p>
      <header>
        <p className="font-mono text-ink-600">{procedure.code}</p>
        <h1 className="text-3xl text-brand-800">{pick(locale, current.nameVi, current.nameEn)}</h1>
      </header>
      {saved && (
        <p role="status" className="rounded border-l-4 border-green-700 bg-green-50 px-3 py-2 text-green-900">
          {saved === "created" ? t("admin.procedures.createdNotice") : saved === "settings" ? t("admin.common.saved") : t("admin.procedures.publishedNotice", { version: saved })}
        </p>
      )}

      <section className="card" aria-labelledby="versions-title">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h2 id="versions-title" className="text-xl text-brand-800">
            {t("admin.procedures.versions")}
          </h2>
          {scope?.isSystemAdmin && (
            <Link href={`/admin/procedures/${procedure.id}/new-version`} className="btn-primary no-underline hover:text-white">
              {t("admin.procedures.editAsNewVersion")}
            </Link>
          )}
        </div>
        <p className="mt-1 text-sm text-ink-600">{t("admin.procedures.versionsHint")}</p>
        <div className="mt-3 overflow-x-auto">
          <table className="w-full text-left text-sm" data-testid="versions-table">
            <thead>
              <tr>
                <th scope="col" className="py-1 pr-3">{t("admin.procedures.version")}</th>
                <th scope="col" className="py-1 pr-3">{t("admin.procedures.validFrom")}</th>
                <th scope="col" className="py-1 pr-3">{t("admin.procedures.validTo")}</th>
                <th scope="col" className="py-1 pr-3">{t("admin.procedures.limit")}</th>
                <th scope="col" className="py-1 pr-3">{t("admin.procedures.steps")}</th>
                <th scope="col" className="py-1 pr-3">{t("admin.procedures.eformFields")}</th>
                <th scope="col" className="py-1">{t("admin.procedures.dossiers")}</th>
              </tr>
            </thead>
            <tbody>
              {procedure.versions.map((v) => (
                <tr key={v.id} className="border-t border-line">
                  <td className="py-1.5 pr-3 font-semibold">
                    v{v.version}
                    {v.id === procedure.currentVersionId && <span className="ml-2 rounded bg-green-100 px-1.5 py-0.5 text-xs text-green-900">{t("admin.procedures.current")}</span>}
                  </td>
                  <td className="py-1.5 pr-3">{when(v.validFrom, locale)}</td>
                  <td className="py-1.5 pr-3">{when(v.validTo, locale)}</td>
                  <td className="py-1.5 pr-3">{v.limitUnit === "WORKING_DAY" ? t("admin.procedures.days", { count: v.limitValue }) : t("admin.procedures.hours", { count: v.limitValue })}</td>
                  <td className="py-1.5 pr-3">{v.steps.length}</td>
                  <td className="py-1.5 pr-3">{Array.isArray((v.formSchema as { fields?: unknown[] } | null)?.fields) ? (v.formSchema as { fields: unknown[] }).fields.length : 0}</td>
                  <td className="py-1.5">{v.dossierCount}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section className="card" aria-labelledby="steps-title">
        <h2 id="steps-title" className="text-xl text-brand-800">
          {t("admin.procedures.stepsOf", { version: current.version })}
        </h2>
        <ol className="mt-2 list-decimal space-y-1 pl-6">
          {current.steps.map((s) => (
            <li key={s.id}>
              {pick(locale, s.nameVi, s.nameEn)} — {t(`roles.${s.role}`)} ·{" "}
              {s.allowanceUnit === "WORKING_DAY" ? t("admin.procedures.days", { count: s.allowanceValue }) : t("admin.procedures.hours", { count: s.allowanceValue })}
            </li>
          ))}
        </ol>
        <h3 className="mt-4 font-semibold">{t("admin.procedures.components")}</h3>
        <ol className="mt-1 list-decimal space-y-1 pl-6">
          {current.components.map((c) => (
            <li key={c.id}>
              {pick(locale, c.nameVi, c.nameEn)} {c.copiesVi && <span className="text-ink-600">({pick(locale, c.copiesVi, c.copiesEn)})</span>}{" "}
              {!c.required && <span className="text-ink-600">— {t("admin.procedures.optional")}</span>}
            </li>
          ))}
        </ol>
      </section>

      {scope?.isSystemAdmin && (
        <ProcedureSettingsForm
          procedure={{ id: procedure.id, sectorId: procedure.sectorId, level: procedure.level, active: procedure.active, agencyIds: procedure.agencyIds }}
          sectors={sectors.map((s) => ({ id: s.id, name: pick(locale, s.nameVi, s.nameEn) }))}
          agencies={agencies.map((a) => ({ id: a.id, name: pick(locale, a.nameVi, a.nameEn) }))}
        />
      )}
      <p>
        <Link href={`/admin/audit?entityId=${procedure.id}`}>{t("admin.audit.forThis")}</Link>
      </p>
    </div>
  );
}
