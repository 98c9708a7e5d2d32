import type { Metadata } from "next";
import Link from "next/link";
import { api } from "~/server/api/caller";
import { getI18n } from "~/server/i18n";
import { ReadOnlyNotice } from "../../_components/list-page";
import { getAdminScope, pick } from "../../_lib/admin";
import { ProcedureEditor } from "../_components/procedure-editor";
import { emptyContent } from "../_components/editor-state";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t("admin.procedures.create") };
}

export default async function NewProcedurePage() {
  const { locale, t } = await getI18n();
  const scope = await getAdminScope();
  if (!scope?.isSystemAdmin) {
    return <ReadOnlyNotice>{t("admin.procedures.readOnly")}</ReadOnlyNotice>;
  }
  const [sectors, agencies] = await Promise.all([api.admin.procedure.sectors(), api.admin.agency.list()]);
  return (
    <div className="max-w-7xl space-y-4">
      <p>
        <Link href="/admin/procedures">← {t("admin.procedures.title")}</Link>
      </p>
      <h1 className="text-3xl text-brand-800">{t("admin.procedures.create")}</h1>
      <ProcedureEditor
        initial={emptyContent()}
        target={{
          mode: "create",
          sectors: sectors.map((s) => ({ id: s.id, name: pick(locale, s.nameVi, s.nameEn) })),
          agencies: agencies.filter((a) => a.active).map((a) => ({ id: a.id, name: pick(locale, a.nameVi, a.nameEn) })),
        }}
      />
    </div>
  );
}
