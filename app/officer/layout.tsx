import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import type { Metadata } from "next";
import { I18nProvider } from "~/app/_components/i18n-provider";
import { TRPCReactProvider } from "~/app/_trpc/react";
import { getSessionUser } from "~/server/auth";
import { getI18n, getMessages, pickNamespaces, type Namespace, type TFunction } from "~/server/i18n";
import { OfflineLayer } from "./_components/offline/offline-layer";
import { OfficerNav, type NavGroup } from "./_components/officer-nav";
import { agencyName, getOfficerContext, type OfficerContext } from "./_lib/officer";
import { WORKLIST_VIEWS } from "./_lib/views";

/** The installable PWA (public/manifest.webmanifest; the service worker is registered below). */
export const metadata: Metadata = { manifest: "/manifest.webmanifest" };

/** Namespaces the workspace's client components translate with useT(). */
const OFFICER_NAMESPACES: readonly Namespace[] = ["common", "errors", "status", "roles", "channels", "officer"];

function navGroups(t: TFunction, ctx: OfficerContext): NavGroup[] {
  const groups: NavGroup[] = [
    {
      label: t("officer.nav.worklists"),
      items: [
        { href: "/officer", label: t("officer.nav.overview") },
        ...WORKLIST_VIEWS.map((view) => ({ href: `/officer/worklist/${view}`, label: t(`officer.views.${view}`) })),
      ],
    },
  ];
  const desk = ctx.agencies.some((a) => a.roles.includes("RECEPTION_OFFICER"));
  const tools = [
    ...(desk ? [{ href: "/officer/intake", label: t("officer.nav.intake") }] : []),
    { href: "/officer/reports", label: t("officer.nav.trackingBook") },
  ];
  groups.push({ label: t("officer.nav.tools"), items: tools });
  return groups;
}

/**
 * The officer workspace: signed-in users only (pages check the officer role against the database).
 * Navigation and the agency switcher for officers; tRPC + React Query for the client components
 * below (citizen pages do not load them).
 */
export default async function OfficerLayout({ children }: { children: ReactNode }) {
  const session = await getSessionUser();
  if (!session) redirect("/sign-in?callbackUrl=/officer");
  const { locale, t } = await getI18n();
  const ctx = await getOfficerContext();
  const messages = pickNamespaces(getMessages(locale), OFFICER_NAMESPACES);

  return (
    <I18nProvider locale={locale} messages={messages}>
      <TRPCReactProvider>
        {ctx.isOfficer ? (
          // This officer's outbox and offline copy (app/_offline), the sync status.
          <OfflineLayer userId={session.id}>
            <div className="md:flex md:min-h-[70vh]">
              <OfficerNav
                groups={navGroups(t, ctx)}
                agencies={ctx.agencies.map((a) => ({ id: a.id, name: agencyName(a, locale) }))}
                selectedAgencyId={ctx.selectedAgencyId}
              />
              <div className="min-w-0 flex-1">{children}</div>
            </div>
          </OfflineLayer>
        ) : (
          children
        )}
      </TRPCReactProvider>
    </I18nProvider>
  );
}
