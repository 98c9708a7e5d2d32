import type { Metadata } from "next";
import Link from "next/link";
import { api } from "~/server/api/caller";
import { getI18n } from "~/server/i18n";
import { Badge, DataTable, FilterForm, FilterSelect, FilterText, ListHeading, ReadOnlyNotice } from "../_components/list-page";
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
  const columns = [
    { label: t("admin.procedures.code") },
    { label: t("admin.procedures.name") },
    { label: t("admin.procedures.limit") },
    { label: t("admin.procedures.version") },
    { label: t("admin.procedures.agencyCount") },
  ];
  return (
    <div className="max-w-6xl space-y-4">
      <ListHeading title={t("admin.procedures.title")} action={scope?.isSystemAdmin ? { href: "/admin/procedures/new", label: t("admin.procedures.create") } : null} />
      {!scope?.isSystemAdmin && <ReadOnlyNotice>{t("admin.procedures.readOnly")}</ReadOnlyNotice>}
      <FilterForm label={t("admin.procedures.search")} submitLabel={t("admin.users.searchButton")}>
        <FilterText name="q" label={t("admin.procedures.searchLabel")} value={q} />
        <FilterSelect
          name="sectorId"
          label={t("admin.procedures.sector")}
          value={sectorId}
          allLabel={t("admin.procedures.allSectors")}
          options={sectors.map((s) => ({ value: s.id, label: pick(locale, s.nameVi, s.nameEn) }))}
          className="field-input max-w-xs"
        />
      </FilterForm>
      <DataTable columns={columns} rows={rows}>
        {(p) => (
          <tr key={p.id} className="border-t border-line align-top">
            <td className="px-3 py-2 font-mono whitespace-nowrap">
              <Link href={`/admin/procedures/${p.id}`}>{p.code}</Link>
            </td>
            <td className="px-3 py-2">
              {pick(locale, p.nameVi, p.nameEn)}
              <div className="text-xs text-ink-600">{pick(locale, p.sectorNameVi, p.sectorNameEn)}</div>
              {!p.active && <Badge tone="muted">{t("admin.common.inactive")}</Badge>}
            </td>
            <td className="px-3 py-2 whitespace-nowrap">{p.limitUnit === "WORKING_DAY" ? t("admin.procedures.days", { count: p.limitValue }) : t("admin.procedures.hours", { count: p.limitValue })}</td>
            <td className="px-3 py-2 whitespace-nowrap">
              {p.currentVersion !== null ? t("admin.procedures.currentVersion", { version: p.currentVersion }) : t("admin.procedures.noCurrent")}
              {p.latestVersion !== p.currentVersion && <div className="text-xs text-ink-600">{t("admin.procedures.latestVersion", { version: p.latestVersion })}</div>}
            </td>
            <td className="px-3 py-2">{p.agencyCount}</td>
          </tr>
        )}
      </DataTable>
    </div>
  );
}
