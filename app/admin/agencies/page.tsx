import type { Metadata } from "next";
import Link from "next/link";
import { api } from "~/server/api/caller";
import { getI18n } from "~/server/i18n";
import { Badge, DataTable, ListHeading } from "../_components/list-page";
import { pick } from "../_lib/admin";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t("admin.nav.agencies") };
}

export default async function AgenciesPage() {
  const { locale, t } = await getI18n();
  const agencies = await api.admin.agency.list();
  const columns = [
    { label: t("admin.agencies.code") },
    { label: t("admin.agencies.name") },
    { label: t("admin.agencies.hotline") },
    { label: t("admin.agencies.workingHours") },
    { label: t("admin.agencies.state") },
    { label: t("admin.common.actions"), hidden: true },
  ];
  return (
    <div className="max-w-6xl space-y-4">
      <ListHeading title={t("admin.agencies.title")} />
      <p className="text-ink-600">{t("admin.agencies.lead")}</p>
      <DataTable columns={columns} rows={agencies}>
        {(a) => (
          <tr key={a.id} className="border-t border-line" data-testid={`agency-row-${a.id}`}>
            <td className="px-3 py-2 font-mono">
              {a.code}
              {a.codeIsDemo && (
                <Badge tone="gold" className="ml-2 font-sans">
                  {t("admin.agencies.demoCode")}
                </Badge>
              )}
            </td>
            <td className="px-3 py-2">{pick(locale, a.nameVi, a.nameEn)}</td>
            <td className="px-3 py-2">{a.hotline ?? "—"}</td>
            <td className="px-3 py-2 whitespace-nowrap">{a.workingHours.map((p) => `${p.start}–${p.end}`).join(", ")}</td>
            <td className="px-3 py-2">
              {!a.active && (
                <Badge tone="muted" className="mr-1">
                  {t("admin.common.inactive")}
                </Badge>
              )}
              {a.trainingMode && <Badge tone="brand">{t("admin.agencies.training")}</Badge>}
            </td>
            <td className="px-3 py-2 text-right">
              <Link href={`/admin/agencies/${a.id}`} aria-label={t("admin.agencies.editNamed", { name: pick(locale, a.nameVi, a.nameEn) })}>
                {t("admin.common.edit")}
              </Link>
            </td>
          </tr>
        )}
      </DataTable>
    </div>
  );
}
