import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { api } from "~/server/api/caller";
import { getI18n } from "~/server/i18n";
import { ReadOnlyNotice } from "../../../_components/list-page";
import { getAdminScope, pick, readOrNull } from "../../../_lib/admin";
import { ProcedureEditor } from "../../_components/procedure-editor";
import { contentFromVersion, newVersionStart } from "../../_lib";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t("admin.procedures.newVersionTitle") };
}

/** Edit as a new version: the latest version copied into the editor; saving publishes version + 1. */
export default async function NewVersionPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { locale, t } = await getI18n();
  const scope = await getAdminScope();
  if (!scope?.isSystemAdmin) {
    return <ReadOnlyNotice>{t("admin.procedures.readOnly")}</ReadOnlyNotice>;
  }
  const [procedure, sectors, agencies] = await Promise.all([readOrNull(() => api.admin.procedure.get({ procedureId: id })), api.admin.procedure.sectors(), api.admin.agency.list()]);
  if (!procedure) notFound();
  const latest = procedure.versions[0]!;
  const startsAt = newVersionStart(latest.validFrom);
  return (
    <div className="max-w-7xl space-y-4">
      <p>
        <Link href={`/admin/procedures/${procedure.id}`}>← {procedure.code}</Link>
      </p>
      <h1 className="text-3xl text-brand-800">{t("admin.procedures.newVersionHeading", { code: procedure.code, version: latest.version + 1 })}</h1>
      <p className="text-ink-600">{t("admin.procedures.newVersionLead", { version: latest.version })}</p>
      <ProcedureEditor
        initial={contentFromVersion(latest, startsAt)}
        target={{
          mode: "version",
          procedureId: procedure.id,
          basedOnVersionId: latest.id,
          basedOnVersion: latest.version,
          sectors: sectors.map((s) => ({ id: s.id, name: pick(locale, s.nameVi, s.nameEn) })),
          agencies: agencies.map((a) => ({ id: a.id, name: pick(locale, a.nameVi, a.nameEn) })),
        }}
      />
    </div>
  );
}
