import type { Metadata } from "next";
import Link from "next/link";
import { getI18n } from "~/server/i18n";
import { getAdminScope } from "./_lib/admin";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t("admin.nav.overview") };
}

export default async function AdminHomePage() {
  const { t } = await getI18n();
  const scope = await getAdminScope();
  const sections = [
    { href: "/admin/agencies", title: t("admin.nav.agencies"), lead: t("admin.home.agencies") },
    { href: "/admin/users", title: t("admin.nav.users"), lead: t("admin.home.users") },
    { href: "/admin/holidays", title: t("admin.nav.holidays"), lead: t("admin.home.holidays") },
    { href: "/admin/procedures", title: t("admin.nav.procedures"), lead: scope?.isSystemAdmin ? t("admin.home.procedures") : t("admin.home.proceduresReadOnly") },
    { href: "/admin/audit", title: t("admin.nav.audit"), lead: t("admin.home.audit") },
    ...(scope?.isSystemAdmin ? [{ href: "/admin/jobs", title: t("admin.nav.jobs"), lead: t("admin.home.jobs") }] : []),
  ];
  return (
    <div className="max-w-5xl space-y-6">
      <header>
        <h1 className="text-3xl text-brand-800">{scope?.isSystemAdmin ? t("admin.systemTitle") : t("admin.agencyTitle")}</h1>
        <p className="mt-1 text-ink-600">{scope?.isSystemAdmin ? t("admin.home.leadSystem") : t("admin.home.leadAgency", { count: scope?.agencyIds.length ?? 0 })}</p>
      </header>
      <ul className="grid gap-4 sm:grid-cols-2">
        {sections.map((s) => (
          <li key={s.href} className="card">
            <h2 className="text-xl">
              <Link href={s.href}>{s.title}</Link>
            </h2>
            <p className="mt-1 text-ink-600">{s.lead}</p>
          </li>
        ))}
      </ul>
    </div>
  );
}
