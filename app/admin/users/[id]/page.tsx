import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { api } from "~/server/api/caller";
import { getI18n } from "~/server/i18n";
import { getAdminScope, pick, readOrNull } from "../../_lib/admin";
import { UserAdmin } from "./user-admin";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t("admin.users.detailTitle") };
}

export default async function UserPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ created?: string }> }) {
  const { id } = await params;
  const { created } = await searchParams;
  const { locale, t } = await getI18n();
  const [user, agencies, scope] = await Promise.all([readOrNull(() => api.admin.user.get({ userId: id })), api.admin.agency.list(), getAdminScope()]);
  if (!user || !scope) notFound();
  return (
    <div className="max-w-4xl space-y-4">
      <p>
        <Link href="/admin/users">← {t("admin.users.title")}</Link>
      </p>
      <UserAdmin
        user={user}
        created={created === "1"}
        isSelf={user.id === scope.userId}
        isSystemAdmin={scope.isSystemAdmin}
        agencies={agencies.filter((a) => a.active).map((a) => ({ id: a.id, name: pick(locale, a.nameVi, a.nameEn) }))}
      />
      <p>
        <Link href={`/admin/audit?entity=User&entityId=${user.id}`}>{t("admin.audit.forThis")}</Link>
      </p>
    </div>
  );
}
