import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { I18nProvider } from "~/app/_components/i18n-provider";
import { TRPCReactProvider } from "~/app/_trpc/react";
import { getSessionUser } from "~/server/auth";
import { getI18n, getMessages, pickNamespaces, type Namespace } from "~/server/i18n";
import { AdminNav } from "./_components/admin-nav";
import { getAdminScope } from "./_lib/admin";

/** Namespaces the administration's client components translate (the e-form preview needs eform). */
const ADMIN_NAMESPACES: readonly Namespace[] = ["common", "errors", "roles", "agencyKinds", "eform", "admin"];

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: { default: t("admin.title"), template: `%s — ${t("admin.title")}` }, robots: { index: false } };
}

/**
 * Administration: system administrators (the ministry's) and agency administrators only. Anyone
 * else signed in gets the 403 page; rights are re-read on every call by the admin router.
 */
export default async function AdminLayout({ children }: { children: ReactNode }) {
  const session = await getSessionUser();
  if (!session) redirect("/sign-in?callbackUrl=/admin");
  const { locale, t } = await getI18n();
  const scope = await getAdminScope();
  if (!scope) {
    return (
      <div className="mx-auto max-w-2xl px-4 py-16" data-testid="admin-forbidden">
        <p className="text-5xl font-bold text-brand-700">403</p>
        <h1 className="mt-2 text-2xl text-brand-800">{t("admin.forbidden.title")}</h1>
        <p className="mt-3">{t("admin.forbidden.lead")}</p>
        <p className="mt-6">
          <Link href="/">{t("common.backHome")}</Link>
        </p>
      </div>
    );
  }
  const items = [
    { href: "/admin", label: t("admin.nav.overview") },
    { href: "/admin/agencies", label: t("admin.nav.agencies") },
    { href: "/admin/users", label: t("admin.nav.users") },
    { href: "/admin/holidays", label: t("admin.nav.holidays") },
    { href: "/admin/procedures", label: t("admin.nav.procedures") },
    { href: "/admin/notifications", label: t("admin.nav.notifications") },
    { href: "/admin/audit", label: t("admin.nav.audit") },
    ...(scope.isSystemAdmin ? [{ href: "/admin/jobs", label: t("admin.nav.jobs") }] : []),
  ];
  return (
    <I18nProvider locale={locale} messages={pickNamespaces(getMessages(locale), ADMIN_NAMESPACES)}>
      <TRPCReactProvider>
        <div className="md:flex md:min-h-[70vh]">
          <AdminNav items={items} title={scope.isSystemAdmin ? t("admin.systemTitle") : t("admin.agencyTitle")} />
          <div className="min-w-0 flex-1 px-4 py-6 md:px-8">{children}</div>
        </div>
      </TRPCReactProvider>
    </I18nProvider>
  );
}
