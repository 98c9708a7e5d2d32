import type { Metadata } from "next";
import { I18nProvider } from "~/app/_components/i18n-provider";
import { OfflineApp } from "~/app/officer/_offline-shell/offline-app";
import { TRPCReactProvider } from "~/app/_trpc/react";
import { getI18n, getMessages, pickNamespaces } from "~/server/i18n";

export const metadata: Metadata = {
  title: "Làm việc ngoại tuyến",
  manifest: "/manifest.webmanifest",
  robots: { index: false, follow: false },
};

/**
 * The offline shell of the officer workspace: precached by the service worker (without cookies, so
 * it holds nobody's data) and served for /officer pages when the server cannot be reached. The
 * client renders the signed-in officer's own copy from IndexedDB.
 */
export default async function OfficerShellPage() {
  const { locale } = await getI18n();
  const messages = pickNamespaces(getMessages(locale), ["common", "errors", "status", "roles", "channels", "officer"]);
  return (
    <I18nProvider locale={locale} messages={messages}>
      <TRPCReactProvider>
        <OfflineApp />
      </TRPCReactProvider>
    </I18nProvider>
  );
}
