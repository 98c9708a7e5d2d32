// The home page's content: the catalogue search, the sectors and the tracking look-up. Rendered by
// the React page (./home/page.tsx) and by the plain-HTML page (../route.tsx), from the same data.
import type { Locale, TFunction } from "~/server/i18n/core";
import { TrackLookupForm, type TrackLookupAction } from "./track-lookup-form";

export interface HomeSector {
  id: string;
  code: string;
  nameVi: string;
  nameEn: string;
  procedureCount: number;
}

export function HomeView({ sectors, locale, t, trackAction }: { sectors: HomeSector[] | null; locale: Locale; t: TFunction; trackAction: TrackLookupAction }) {
  const total = sectors?.reduce((sum, s) => sum + s.procedureCount, 0) ?? 0;
  return (
    <>
      <section aria-labelledby="hero-title" className="border-b border-line bg-white">
        <div className="mx-auto max-w-6xl px-4 py-10 sm:py-14">
          <h1 id="hero-title" className="max-w-3xl text-3xl text-brand-800 sm:text-4xl">
            {t("home.heroTitle")}
          </h1>
          <p className="mt-3 max-w-3xl text-lg text-ink-600">{t("home.heroLead")}</p>
          <form method="get" action="/procedures" role="search" className="mt-8 max-w-3xl">
            <label htmlFor="procedure-search" className="field-label text-lg">
              {t("home.searchLabel")}
            </label>
            <span id="procedure-search-hint" className="field-hint">
              {t("home.searchHint")}
            </span>
            <div className="flex flex-col gap-3 sm:flex-row">
              <input
                id="procedure-search"
                name="q"
                type="search"
                aria-describedby="procedure-search-hint"
                className="field-input sm:flex-1"
              />
              <button type="submit" className="btn-primary">
                {t("home.searchButton")}
              </button>
            </div>
          </form>
        </div>
      </section>

      <div className="mx-auto grid max-w-6xl gap-8 px-4 py-10 lg:grid-cols-3">
        <section aria-labelledby="sectors-title" className="lg:col-span-2">
          <h2 id="sectors-title" className="text-2xl text-brand-800">
            {t("home.sectorsTitle")}
          </h2>
          {sectors === null ? (
            <p role="status" className="mt-3 text-ink-600">
              {t("home.catalogueUnavailable")}
            </p>
          ) : sectors.length === 0 ? (
            <p className="mt-3 text-ink-600">{t("home.sectorsEmpty")}</p>
          ) : (
            <>
              <p className="mt-1 text-ink-600">{t("home.proceduresTotal", { count: total, sectors: sectors.length })}</p>
              <ul className="mt-4 grid gap-3 sm:grid-cols-2">
                {sectors.map((sector) => (
                  <li key={sector.id}>
                    <a
                      href={`/procedures?sector=${encodeURIComponent(sector.code)}`}
                      className="card flex h-full items-start justify-between gap-3 no-underline hover:border-brand-600"
                    >
                      <span className="font-semibold text-ink-900">{locale === "en" ? sector.nameEn : sector.nameVi}</span>
                      <span className="shrink-0 rounded bg-gold-100 px-2 py-0.5 text-sm font-semibold text-gold-800">
                        {t("home.sectorProcedures", { count: sector.procedureCount })}
                      </span>
                    </a>
                  </li>
                ))}
              </ul>
            </>
          )}
        </section>

        <section id="track" aria-labelledby="track-title" className="card self-start border-t-4 border-t-brand-700">
          <h2 id="track-title" className="text-xl text-brand-800">
            {t("home.trackTitle")}
          </h2>
          <p className="mb-4 mt-1 text-sm text-ink-600">{t("home.trackLead")}</p>
          <TrackLookupForm
            action={trackAction}
            base="/track"
            layout="card"
            idPrefix="track"
            idNumber="required"
            labels={{ code: t("home.trackCodeLabel"), codeHint: t("home.trackCodeHint"), idNumber: t("home.trackIdLabel"), submit: t("home.trackButton") }}
          />
        </section>
      </div>
    </>
  );
}
