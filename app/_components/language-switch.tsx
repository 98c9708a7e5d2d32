import type { Locale, TFunction } from "~/server/i18n/core";

/**
 * VI | EN as a plain form POST to /api/locale (works without JavaScript). The buttons are named
 * by the language in that language ("Tiếng Việt", "English"); the current one is marked.
 */
export function LanguageSwitch({ locale, t }: { locale: Locale; t: TFunction }) {
  const options = [
    { value: "vi", label: t("common.languageVi"), short: "VI" },
    { value: "en", label: t("common.languageEn"), short: "EN" },
  ] as const;
  return (
    <form method="post" action="/api/locale" aria-label={t("common.language")} className="flex items-center text-sm">
      {options.map((option, i) => {
        const current = option.value === locale;
        return (
          <span key={option.value} className="flex items-center">
            {i > 0 && (
              <span aria-hidden="true" className="px-1 text-gold-300">
                |
              </span>
            )}
            <button
              type="submit"
              name="locale"
              value={option.value}
              lang={option.value}
              aria-current={current ? "true" : undefined}
              className={`rounded px-2 py-1 text-white ${current ? "font-bold underline decoration-gold-300 decoration-2 underline-offset-4" : "hover:bg-brand-800"}`}
            >
              {option.label}
            </button>
          </span>
        );
      })}
    </form>
  );
}
