import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { LanguageSwitch } from "~/app/_components/language-switch";
import { getI18n } from "~/server/i18n";
import { endKioskSessionAction } from "./actions";
import { kioskIdleSeconds, kioskWarnSeconds } from "./config";
import { KioskSession } from "./kiosk-session";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: { default: t("kiosk.title"), template: `%s — ${t("kiosk.title")}` }, robots: { index: false } };
}

/**
 * The self-service screens in the reception hall: their own bar instead of the site's header and
 * footer (hidden while a kiosk page is shown), large text and touch targets, and the inactivity
 * reset. Pages stay server-rendered; the reset is the only script.
 */
export default async function KioskLayout({ children }: { children: ReactNode }) {
  const { locale, t } = await getI18n();
  return (
    <div id="kiosk-root" className="flex min-h-dvh flex-col bg-paper text-lg">
      {/* The root layout's header and footer are for browsing, not for a shared screen. */}
      <style>{"body:has(#kiosk-root) > header, body:has(#kiosk-root) > footer { display: none; }"}</style>
      <div className="border-b-4 border-gold-300 bg-brand-700 text-white print:hidden">
        <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-3 px-4 py-3">
          <Link href="/kiosk" className="flex min-h-14 items-center gap-3 text-2xl font-bold text-white no-underline hover:text-white">
            <span aria-hidden="true" className="flex h-12 w-12 items-center justify-center rounded-full border-2 border-gold-300 bg-brand-800 text-gold-300">
              ★
            </span>
            {t("kiosk.title")}
          </Link>
          <div className="flex flex-wrap items-center gap-3">
            <div className="[&_button]:min-h-12 [&_button]:px-4 [&_button]:text-lg">
              <LanguageSwitch locale={locale} t={t} />
            </div>
            <form action={endKioskSessionAction}>
              <button type="submit" className="min-h-14 rounded border-2 border-white px-4 text-lg font-semibold text-white hover:bg-brand-800" data-testid="kiosk-end">
                {t("kiosk.end")}
              </button>
            </form>
          </div>
        </div>
      </div>
      <div className="mx-auto w-full max-w-5xl flex-1 px-4 py-6">{children}</div>
      <KioskSession
        idleSeconds={kioskIdleSeconds()}
        warnSeconds={kioskWarnSeconds()}
        markKiosk
        labels={{ title: t("kiosk.inactivityTitle"), body: t("kiosk.inactivityBody", { seconds: "{seconds}" }), stay: t("kiosk.stay") }}
      />
    </div>
  );
}
