// A procedure's page content: what to submit, the time limit, fee, legal basis, channels and the
// agencies that accept it. Rendered by the React page (./detail/page.tsx) and the plain-HTML page
// (./route.tsx) from the same data.
import NextLink from "next/link";
import { PlainLink } from "~/app/_components/plain-link";
import type { Locale, TFunction } from "~/server/i18n/core";
import type { TProcedureDetail } from "~/server/modules/procedure/schema";
import { formatAllowance, formatDate, formatFee, formatLimit } from "../../_portal/format";

export function ProcedureView({ procedure, locale, t, plain = false }: { procedure: TProcedureDetail; locale: Locale; t: TFunction; plain?: boolean }) {
  const Link = plain ? PlainLink : NextLink;
  const online = procedure.channels.includes(2);

  return (
    <div className="mx-auto max-w-5xl px-4 py-8">
      <nav aria-label={t("catalogue.breadcrumb")} className="text-sm">
        <Link href="/procedures" className="inline-block py-1">
          {t("catalogue.backToList")}
        </Link>
      </nav>
      <p className="mt-2 text-sm font-semibold text-ink-600">
        {t("catalogue.code")}: <span data-testid="procedure-code">{procedure.code}</span> · {procedure.sectorName} · {t(`catalogue.levels.${procedure.level}`)}
      </p>
      <h1 className="mt-1 text-2xl text-brand-800 sm:text-3xl">{procedure.name}</h1>

      <section aria-labelledby="submit-title" className="card mt-6 border-t-4 border-t-brand-700">
        <h2 id="submit-title" className="text-xl text-brand-800">
          {t("catalogue.submitTitle")}
        </h2>
        {online ? (
          <>
            <p className="mt-1 text-ink-600">{t(`catalogue.online.${procedure.onlineLevel}`)}</p>
            <p className="mt-3">
              <Link
                href={`/procedures/${encodeURIComponent(procedure.code)}/submit`}
                className="btn-primary min-h-12 text-lg no-underline hover:text-white"
                data-testid="submit-online"
              >
                {t("catalogue.submitOnline")}
              </Link>
            </p>
          </>
        ) : (
          <p className="mt-1">{t("catalogue.notOnline")}</p>
        )}
      </section>

      <section aria-labelledby="general-title" className="card mt-6">
        <h2 id="general-title" className="text-xl text-brand-800">
          {t("catalogue.generalTitle")}
        </h2>
        <dl className="mt-3 divide-y divide-line">
          <div className="grid gap-1 py-2 sm:grid-cols-[14rem_1fr]">
            <dt className="font-semibold text-ink-600">{t("catalogue.limit")}</dt>
            <dd data-testid="procedure-limit">{formatLimit(procedure.limitValue, procedure.limitUnit, t)}</dd>
          </div>
          <div className="grid gap-1 py-2 sm:grid-cols-[14rem_1fr]">
            <dt className="font-semibold text-ink-600">{t("catalogue.fee")}</dt>
            <dd>
              <span data-testid="procedure-fee">{formatFee(procedure.fee, t, locale)}</span>
              {procedure.feeNote && <span className="mt-1 block text-sm text-ink-600">{procedure.feeNote}</span>}
            </dd>
          </div>
          <div className="grid gap-1 py-2 sm:grid-cols-[14rem_1fr]">
            <dt className="font-semibold text-ink-600">{t("catalogue.authority")}</dt>
            <dd>{procedure.authority}</dd>
          </div>
          {procedure.resultName && (
            <div className="grid gap-1 py-2 sm:grid-cols-[14rem_1fr]">
              <dt className="font-semibold text-ink-600">{t("catalogue.result")}</dt>
              <dd>{procedure.resultName}</dd>
            </div>
          )}
          <div className="grid gap-1 py-2 sm:grid-cols-[14rem_1fr]">
            <dt className="font-semibold text-ink-600">{t("catalogue.channelsTitle")}</dt>
            <dd>
              <ul className="ml-5 list-disc">
                {procedure.channels.map((c) => (
                  <li key={c}>{t(`channels.${c as 1 | 2 | 3}`)}</li>
                ))}
              </ul>
              {procedure.acrossBoundary && <p className="mt-1 text-sm text-ink-600">{t("catalogue.acrossBoundary")}</p>}
              {procedure.sameDayCutoff && <p className="mt-1 text-sm text-ink-600">{t("catalogue.sameDayCutoff", { time: procedure.sameDayCutoff })}</p>}
            </dd>
          </div>
        </dl>
        <p className="mt-2 text-sm text-ink-600">{t("catalogue.validFrom", { date: formatDate(procedure.validFrom, locale) })}</p>
      </section>

      <section aria-labelledby="components-title" className="card mt-6">
        <h2 id="components-title" className="text-xl text-brand-800">
          {t("catalogue.componentsTitle")}
        </h2>
        {procedure.components.length === 0 ? (
          <p className="mt-2">{t("catalogue.noComponents")}</p>
        ) : (
          <div className="mt-3 overflow-x-auto">
            <table className="w-full border-collapse text-left" data-testid="procedure-components">
              <caption className="sr-only">{t("catalogue.componentsCaption")}</caption>
              <thead>
                <tr className="border-b-2 border-ink-600">
                  <th scope="col" className="py-2 pr-2">
                    #
                  </th>
                  <th scope="col" className="py-2 pr-3">
                    {t("catalogue.component")}
                  </th>
                  <th scope="col" className="py-2 pr-3">
                    {t("catalogue.copies")}
                  </th>
                  <th scope="col" className="py-2">
                    {t("catalogue.requirement")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {procedure.components.map((c) => (
                  <tr key={c.id} className="border-b border-line align-top">
                    <td className="py-2 pr-2">{c.order}</td>
                    <td className="py-2 pr-3">
                      {c.name}
                      {c.templateUrl && (
                        <>
                          {" "}
                          <a href={c.templateUrl} className="text-sm">
                            {t("catalogue.template")}
                          </a>
                        </>
                      )}
                    </td>
                    <td className="py-2 pr-3">{c.copies ?? "—"}</td>
                    <td className="py-2">{c.required ? t("catalogue.required") : t("catalogue.optional")}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section aria-labelledby="steps-title" className="card mt-6">
        <h2 id="steps-title" className="text-xl text-brand-800">
          {t("catalogue.stepsTitle")}
        </h2>
        <ol className="ml-6 mt-3 list-decimal space-y-1">
          {procedure.steps.map((s) => (
            <li key={s.order}>
              {s.name} <span className="text-ink-600">({t("catalogue.stepAllowance", { allowance: formatAllowance(s.allowanceValue, s.allowanceUnit, t) })})</span>
            </li>
          ))}
        </ol>
      </section>

      <section aria-labelledby="legal-title" className="card mt-6">
        <h2 id="legal-title" className="text-xl text-brand-800">
          {t("catalogue.legalBasisTitle")}
        </h2>
        <ul className="ml-5 mt-2 list-disc">
          {procedure.legalBasis
            .split(/;\s*/)
            .filter(Boolean)
            .map((line, i) => (
              <li key={i}>{line}</li>
            ))}
        </ul>
      </section>

      <section aria-labelledby="agencies-title" className="card mt-6">
        <h2 id="agencies-title" className="text-xl text-brand-800">
          {t("catalogue.agenciesTitle")}
        </h2>
        <p className="text-sm text-ink-600">{t("catalogue.agenciesCount", { count: procedure.agencies.length })}</p>
        {procedure.agencies.length > 6 ? (
          <details className="mt-2">
            <summary className="cursor-pointer py-2 font-semibold text-brand-700">{t("catalogue.agenciesTitle")}</summary>
            <AgencyList agencies={procedure.agencies} t={t} />
          </details>
        ) : (
          <AgencyList agencies={procedure.agencies} t={t} />
        )}
      </section>
    </div>
  );
}

function AgencyList({
  agencies,
  t,
}: {
  agencies: TProcedureDetail["agencies"];
  t: TFunction;
}) {
  return (
    <ul className="mt-2 divide-y divide-line" data-testid="procedure-agencies">
      {agencies.map((a) => (
        <li key={a.id} className="py-2">
          <span className="font-semibold">{a.name}</span>
          {a.address && <span className="block text-sm text-ink-600">{a.address}</span>}
          {a.hotline && <span className="block text-sm text-ink-600">{t("catalogue.agencyHotline", { hotline: a.hotline })}</span>}
        </li>
      ))}
    </ul>
  );
}
