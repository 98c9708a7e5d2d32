import type { Metadata } from "next";
import Link from "next/link";
import { api } from "~/server/api/caller";
import { getI18n } from "~/server/i18n";
import { formatFee, formatLimit } from "../_portal/format";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t("catalogue.title") };
}

type Params = { q?: string; level?: string; agency?: string; sector?: string; cursor?: string };

const LEVELS = ["MINISTRY", "PROVINCE", "COMMUNE"] as const;
type Level = (typeof LEVELS)[number];

function one(value: string | string[] | undefined): string | undefined {
  const v = Array.isArray(value) ? value[0] : value;
  return v && v.trim() ? v.trim().slice(0, 200) : undefined;
}

function queryString(params: Params): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value) search.set(key, value);
  const s = search.toString();
  return s ? `?${s}` : "";
}

/** The catalogue: a GET search form (works without JavaScript) and server-rendered results. */
export default async function ProceduresPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const raw = await searchParams;
  const params: Params = { q: one(raw.q), level: one(raw.level), agency: one(raw.agency), sector: one(raw.sector), cursor: one(raw.cursor) };
  const level = LEVELS.includes(params.level as Level) ? (params.level as Level) : undefined;
  const { locale, t } = await getI18n();

  let filters: Awaited<ReturnType<typeof api.catalogue.filters>> | null = null;
  let result: Awaited<ReturnType<typeof api.catalogue.search>> | null = null;
  try {
    filters = await api.catalogue.filters();
    const sectorId = filters.sectors.find((s) => s.code === params.sector)?.id;
    const agencyId = filters.agencies.find((a) => a.id === params.agency)?.id;
    result = await api.catalogue.search({ q: params.q, level, sectorId, agencyId, cursor: params.cursor, locale });
  } catch (error) {
    console.error("[catalogue] search failed:", error);
  }
  const filtered = Boolean(params.q || level || params.sector || params.agency);

  return (
    <div className="mx-auto max-w-6xl px-4 py-8">
      <h1 className="text-3xl text-brand-800">{t("catalogue.title")}</h1>
      <p className="mt-2 text-ink-600">{t("catalogue.lead")}</p>

      <form method="get" action="/procedures" role="search" aria-label={t("catalogue.searchLabel")} className="card mt-6 space-y-4">
        <div>
          <label htmlFor="catalogue-q" className="field-label">
            {t("catalogue.searchLabel")}
          </label>
          <span id="catalogue-q-hint" className="field-hint">
            {t("catalogue.searchHint")}
          </span>
          <input id="catalogue-q" name="q" type="search" defaultValue={params.q ?? ""} aria-describedby="catalogue-q-hint" className="field-input" maxLength={200} />
        </div>
        <fieldset className="grid gap-4 sm:grid-cols-3">
          <legend className="mb-2 font-semibold">{t("catalogue.filtersTitle")}</legend>
          <div>
            <label htmlFor="catalogue-level" className="field-label">
              {t("catalogue.level")}
            </label>
            <select id="catalogue-level" name="level" defaultValue={level ?? ""} className="field-input min-h-11">
              <option value="">{t("catalogue.anyLevel")}</option>
              {LEVELS.map((l) => (
                <option key={l} value={l}>
                  {t(`catalogue.levels.${l}`)}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="catalogue-sector" className="field-label">
              {t("catalogue.sector")}
            </label>
            <select id="catalogue-sector" name="sector" defaultValue={params.sector ?? ""} className="field-input min-h-11">
              <option value="">{t("catalogue.anySector")}</option>
              {filters?.sectors.map((s) => (
                <option key={s.id} value={s.code}>
                  {s.name}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="catalogue-agency" className="field-label">
              {t("catalogue.agency")}
            </label>
            <select id="catalogue-agency" name="agency" defaultValue={params.agency ?? ""} className="field-input min-h-11">
              <option value="">{t("catalogue.anyAgency")}</option>
              {filters?.agencies.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.name}
                </option>
              ))}
            </select>
          </div>
        </fieldset>
        <div className="flex flex-wrap items-center gap-4">
          <button type="submit" className="btn-primary min-h-11" data-testid="catalogue-submit">
            {t("catalogue.searchButton")}
          </button>
          {filtered && (
            <Link href="/procedures" className="inline-block py-2">
              {t("catalogue.clear")}
            </Link>
          )}
        </div>
      </form>

      <section aria-labelledby="catalogue-results-title" className="mt-8">
        <h2 id="catalogue-results-title" className="text-2xl text-brand-800">
          {t("catalogue.resultsTitle")}
        </h2>
        {!result ? (
          <p role="status" className="mt-3">
            {t("catalogue.unavailable")}
          </p>
        ) : (
          <>
            <p role="status" className="mt-1 text-ink-600" data-testid="catalogue-count">
              {params.q ? t("catalogue.resultsFor", { count: result.total, q: params.q }) : t("catalogue.resultsCount", { count: result.total })}
            </p>
            {result.items.length === 0 ? (
              <div className="card mt-4">
                <p className="font-semibold">{t("catalogue.empty")}</p>
                <p className="text-ink-600">{t("catalogue.emptyHint")}</p>
              </div>
            ) : (
              <ul className="mt-4 space-y-3" data-testid="catalogue-results">
                {result.items.map((item) => (
                  <li key={item.code} className="card">
                    <h3 className="text-lg">
                      <Link href={`/procedures/${encodeURIComponent(item.code)}`}>{item.name}</Link>
                    </h3>
                    <dl className="mt-2 grid gap-x-6 gap-y-1 text-sm sm:grid-cols-2">
                      <div className="flex gap-2">
                        <dt className="shrink-0 text-ink-600">{t("catalogue.code")}:</dt>
                        <dd className="font-semibold">{item.code}</dd>
                      </div>
                      <div className="flex gap-2">
                        <dt className="shrink-0 text-ink-600">{t("catalogue.sector")}:</dt>
                        <dd>{item.sectorName}</dd>
                      </div>
                      <div className="flex gap-2">
                        <dt className="shrink-0 text-ink-600">{t("catalogue.limit")}:</dt>
                        <dd>{formatLimit(item.limitValue, item.limitUnit, t)}</dd>
                      </div>
                      <div className="flex gap-2">
                        <dt className="shrink-0 text-ink-600">{t("catalogue.fee")}:</dt>
                        <dd>{formatFee(item.fee, t, locale)}</dd>
                      </div>
                      <div className="flex gap-2">
                        <dt className="shrink-0 text-ink-600">{t("catalogue.level")}:</dt>
                        <dd>{t(`catalogue.levels.${item.level}`)}</dd>
                      </div>
                      <div className="flex gap-2">
                        <dt className="shrink-0 text-ink-600">{t("catalogue.agency")}:</dt>
                        <dd>{t("catalogue.agencyCount", { count: item.agencyCount })}</dd>
                      </div>
                    </dl>
                    {item.channels.includes(2) && (
                      <p className="mt-2 inline-block rounded bg-gold-100 px-2 py-0.5 text-sm font-semibold text-gold-800">{t(`catalogue.online.${item.onlineLevel}`)}</p>
                    )}
                  </li>
                ))}
              </ul>
            )}
            {(result.nextCursor || params.cursor) && (
              <nav aria-label={t("catalogue.resultsTitle")} className="mt-6 flex flex-wrap gap-6">
                {params.cursor && (
                  <Link href={`/procedures${queryString({ ...params, cursor: undefined })}`} className="inline-block py-2">
                    {t("catalogue.firstPage")}
                  </Link>
                )}
                {result.nextCursor && (
                  <Link href={`/procedures${queryString({ ...params, cursor: result.nextCursor })}`} className="btn-primary min-h-11 no-underline hover:text-white">
                    {t("catalogue.nextPage")}
                  </Link>
                )}
              </nav>
            )}
          </>
        )}
      </section>
    </div>
  );
}
