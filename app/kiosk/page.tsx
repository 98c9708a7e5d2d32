import Link from "next/link";
import { api } from "~/server/api/caller";
import { getI18n } from "~/server/i18n";
import { formatLimit } from "../(public)/_portal/format";

type Props = { searchParams: Promise<{ q?: string | string[] }> };

/** The kiosk's home: find a procedure (its checklist), track a dossier, submit online. */
export default async function KioskHome({ searchParams }: Props) {
  const raw = (await searchParams).q;
  const q = (Array.isArray(raw) ? raw[0] : raw)?.trim().slice(0, 200) || undefined;
  const { locale, t } = await getI18n();
  const result = q ? await api.catalogue.search({ q, locale, limit: 20 }).catch(() => null) : null;

  return (
    <div className="space-y-8">
      <h1 className="text-3xl text-brand-800 sm:text-4xl">{t("kiosk.welcome")}</h1>

      <section aria-labelledby="kiosk-search-title" className="card">
        <h2 id="kiosk-search-title" className="text-2xl text-brand-800">
          {t("kiosk.searchTitle")}
        </h2>
        <form method="get" action="/kiosk" role="search" aria-labelledby="kiosk-search-title" className="mt-4">
          <label htmlFor="kiosk-q" className="field-label text-xl">
            {t("kiosk.searchLabel")}
          </label>
          <div className="flex flex-col gap-3 sm:flex-row">
            <input id="kiosk-q" name="q" type="search" defaultValue={q ?? ""} autoComplete="off" className="field-input min-h-14 text-xl sm:flex-1" />
            <button type="submit" className="btn-primary min-h-14 px-8 text-xl" data-testid="kiosk-search">
              {t("kiosk.searchButton")}
            </button>
          </div>
        </form>
        {q && (
          <div className="mt-6">
            <h3 className="text-xl">{t("kiosk.resultsTitle")}</h3>
            {!result || result.items.length === 0 ? (
              <p role="status" className="mt-2">
                {t("catalogue.empty")}
              </p>
            ) : (
              <>
                <p role="status" className="mt-1 text-ink-600">
                  {t("catalogue.resultsCount", { count: result.total })}
                </p>
                <ul className="mt-3 space-y-3" data-testid="kiosk-results">
                  {result.items.map((item) => (
                    <li key={item.code}>
                      <Link
                        href={`/kiosk/procedures/${encodeURIComponent(item.code)}`}
                        className="block min-h-14 rounded-lg border-2 border-line bg-white px-4 py-3 text-xl font-semibold no-underline hover:border-brand-700"
                      >
                        {item.name}
                        <span className="mt-1 block text-base font-normal text-ink-600">
                          {item.code} · {formatLimit(item.limitValue, item.limitUnit, t)}
                        </span>
                      </Link>
                    </li>
                  ))}
                </ul>
              </>
            )}
          </div>
        )}
      </section>

      <section aria-labelledby="kiosk-track-title" className="card">
        <h2 id="kiosk-track-title" className="text-2xl text-brand-800">
          {t("kiosk.trackTitle")}
        </h2>
        <p className="mt-1">{t("kiosk.trackLead")}</p>
        <p className="mt-4">
          <Link href="/kiosk/track" className="btn-primary min-h-14 w-full px-8 text-xl no-underline hover:text-white sm:w-auto" data-testid="kiosk-track-link">
            {t("kiosk.trackTitle")}
          </Link>
        </p>
      </section>

      <section aria-labelledby="kiosk-submit-title" className="card">
        <h2 id="kiosk-submit-title" className="text-2xl text-brand-800">
          {t("kiosk.submitTitle")}
        </h2>
        <p className="mt-1">{t("kiosk.submitNotice")}</p>
        <p className="mt-4">
          <Link href="/sign-in?callbackUrl=%2Fprocedures" className="btn-primary min-h-14 w-full px-8 text-xl no-underline hover:text-white sm:w-auto">
            {t("kiosk.submitLink")}
          </Link>
        </p>
      </section>
    </div>
  );
}
