import type { TFunction } from "~/server/i18n/core";

export function SiteFooter({ t }: { t: TFunction }) {
  return (
    <footer className="mt-12 border-t-4 border-gold-300 bg-brand-900 text-sm text-white">
      <div className="mx-auto max-w-6xl space-y-1 px-4 py-6">
        <p className="font-semibold">{t("common.appName")}</p>
        <p>{t("common.footerAbout")}</p>
        <p>{t("common.footerLegal")}</p>
        <p className="text-gold-100">{t("common.footerSource")}</p>
      </div>
    </footer>
  );
}
