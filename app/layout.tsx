import type { Metadata, Viewport } from "next";
import { cookies } from "next/headers";
import type { ReactNode } from "react";
import { api } from "~/server/api/caller";
import { getSessionUser } from "~/server/auth";
import { getI18n, getMessages, pickNamespaces, type Namespace } from "~/server/i18n";
import { I18nProvider } from "./_components/i18n-provider";
import { SiteFooter } from "./_components/site-footer";
import { SiteHeader, type HeaderUser } from "./_components/site-header";
import { KIOSK_COOKIE, kioskIdleSeconds, kioskWarnSeconds } from "./kiosk/config";
import { KioskSession } from "./kiosk/kiosk-session";
import "./globals.css";

/** Namespaces client components translate with useT(); add one here when a client component needs it. */
const CLIENT_NAMESPACES: readonly Namespace[] = ["common", "auth", "errors", "status"];

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return {
    title: { default: t("common.appName"), template: `%s — ${t("common.appShortName")}` },
    description: t("home.heroLead"),
    applicationName: t("common.appShortName"),
  };
}

export const viewport: Viewport = { themeColor: "#a11d21", width: "device-width", initialScale: 1 };

async function loadHeaderUser(): Promise<HeaderUser | null> {
  const session = await getSessionUser();
  if (!session) return null;
  try {
    const [me, unread] = await Promise.all([api.me.get(), api.notification.unreadCount().catch(() => null)]);
    return { name: me.name, isOfficer: me.kind === "OFFICER" && me.memberships.length > 0, unread };
  } catch {
    // A deactivated account or an unreachable database must not take every page down with it.
    return { name: null, isOfficer: session.kind === "OFFICER" };
  }
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  const { locale, t } = await getI18n();
  const user = await loadHeaderUser();
  return (
    <html lang={locale}>
      <body className="font-sans antialiased">
        <a href="#main" className="skip-link">
          {t("common.skipToContent")}
        </a>
        <SiteHeader locale={locale} t={t} user={user} />
        <I18nProvider locale={locale} messages={pickNamespaces(getMessages(locale), CLIENT_NAMESPACES)}>
          <main id="main" tabIndex={-1} className="flex-1 focus:outline-none">
            {children}
          </main>
        </I18nProvider>
        <SiteFooter t={t} />
        {/* On a reception-hall kiosk every page (sign-in, online submission) resets after inactivity. */}
        {(await cookies()).get(KIOSK_COOKIE)?.value === "1" && (
          <KioskSession
            idleSeconds={kioskIdleSeconds()}
            warnSeconds={kioskWarnSeconds()}
            labels={{ title: t("kiosk.inactivityTitle"), body: t("kiosk.inactivityBody", { seconds: "{seconds}" }), stay: t("kiosk.stay") }}
          />
        )}
      </body>
    </html>
  );
}
