import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { api } from "~/server/api/caller";
import { getI18n } from "~/server/i18n";
import { getAdminScope, pick, readOrNull } from "../../_lib/admin";
import { AgencyForm } from "./agency-form";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t("admin.agencies.editTitle") };
}

export default async function AgencyEditPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { locale, t } = await getI18n();
  const [agency, scope] = await Promise.all([readOrNull(() => api.admin.agency.get({ agencyId: id })), getAdminScope()]);
  if (!agency) notFound();
  return (
    <div className="max-w-3xl space-y-4">
      <p>
        <Link href="/admin/agencies">← {t("admin.agencies.title")}</Link>
      </p>
      <h1 className="text-3xl text-brand-800">{pick(locale, agency.nameVi, agency.nameEn)}</h1>
      <p className="text-ink-600">
        {t(`agencyKinds.${agency.kind}`)}
        {agency.provinceName ? ` · ${agency.provinceName}` : ""}
      </p>
      <AgencyForm agency={agency} isSystemAdmin={scope?.isSystemAdmin ?? false} />
      <p>
        <Link href={`/admin/audit?entity=Agency&entityId=${agency.id}`}>{t("admin.audit.forThis")}</Link>
      </p>
    </div>
  );
}
