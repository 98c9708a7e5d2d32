import type { Metadata } from "next";
import Link from "next/link";
import { api } from "~/server/api/caller";
import { getI18n } from "~/server/i18n";
import { getAdminScope, pick } from "../../_lib/admin";
import { CreateOfficerForm } from "./create-officer-form";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t("admin.users.create") };
}

export default async function NewOfficerPage() {
  const { locale, t } = await getI18n();
  const [agencies, scope] = await Promise.all([api.admin.agency.list(), getAdminScope()]);
  return (
    <div className="max-w-3xl space-y-4">
      <p>
        <Link href="/admin/users">← {t("admin.users.title")}</Link>
      </p>
      <h1 className="text-3xl text-brand-800">{t("admin.users.create")}</h1>
      <CreateOfficerForm
        agencies={agencies.filter((a) => a.active).map((a) => ({ id: a.id, name: pick(locale, a.nameVi, a.nameEn) }))}
        isSystemAdmin={scope?.isSystemAdmin ?? false}
      />
    </div>
  );
}
