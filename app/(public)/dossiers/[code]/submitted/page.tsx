import type { Metadata } from "next";
import Link from "next/link";
import { formatDateTime } from "~/app/(public)/_portal/format";
import { getSessionUser } from "~/server/auth";
import { getI18n } from "~/server/i18n";
import { getSubmittedDossier } from "~/server/http/wiring";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ code: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t("submission.confirm.title"), robots: { index: false } };
}

/**
 * The confirmation after an online submission, at a stable address the citizen can bookmark.
 * Details only for the signed-in owner; anyone else sees how to sign in or track by code (the
 * page does not even say whether the code exists).
 */
export default async function SubmittedPage({ params }: Props) {
  const code = decodeURIComponent((await params).code);
  const { locale, t } = await getI18n();
  const session = await getSessionUser();
  const view = session ? await getSubmittedDossier({ code, viewerUserId: session.id }) : null;
  const self = `/dossiers/${encodeURIComponent(code)}/submitted`;
  const trackHref = `/track/${encodeURIComponent(code)}`;

  if (!view) {
    return (
      <div className="mx-auto w-full max-w-2xl px-4 py-8">
        <h1 className="text-2xl text-brand-800">{t("submission.confirm.codeLabel")}: <span className="break-all font-mono">{code}</span></h1>
        <p className="mt-3">{t("submission.confirm.publicLead", { code })}</p>
        <ul className="mt-4 flex flex-col gap-3 sm:flex-row">
          {!session && (
            <li>
              <Link href={`/sign-in?callbackUrl=${encodeURIComponent(self)}`} className="btn-primary no-underline">
                {t("submission.signIn")}
              </Link>
            </li>
          )}
          <li>
            <Link href={trackHref} className="inline-flex rounded border-2 border-brand-700 px-4 py-2 font-semibold no-underline">
              {t("submission.confirm.track")}
            </Link>
          </li>
        </ul>
      </div>
    );
  }

  const en = locale === "en";
  const received = view.receivedAt !== null;
  return (
    <div className="mx-auto w-full max-w-2xl px-4 py-8">
      <div role="status" className="rounded border-l-4 border-green-700 bg-green-50 px-4 py-3">
        <h1 className="text-2xl text-green-900">{t("submission.confirm.title")}</h1>
        <p className="mt-1">{t("submission.confirm.lead", { agency: en ? view.receivingAgencyNameEn : view.receivingAgencyNameVi })}</p>
      </div>
      {view.isTest && <p className="mt-3 rounded bg-gold-100 px-3 py-2 text-sm font-semibold text-gold-800">{t("submission.confirm.testDossier")}</p>}

      <section className="card mt-6" aria-labelledby="code-title">
        <h2 id="code-title" className="text-sm font-semibold uppercase tracking-wide text-ink-600">
          {t("submission.confirm.codeLabel")}
        </h2>
        <p className="mt-1 font-mono text-xl font-bold text-brand-800 sm:text-2xl" data-testid="dossier-code">
          {/* Breaks only between the code's parts on a narrow screen. */}
          {view.code.split("-").map((part, i) => (
            <span key={i}>
              {i > 0 && "-"}
              {i > 0 && <wbr />}
              {part}
            </span>
          ))}
        </p>
        <p className="field-hint mt-2">{t("submission.confirm.codeHint")}</p>
        <dl className="mt-4 grid gap-x-4 gap-y-2 text-sm sm:grid-cols-[auto_1fr]">
          <dt className="font-semibold">{t("submission.confirm.procedure")}</dt>
          <dd>
            {en ? view.procedureNameEn : view.procedureNameVi} ({view.procedureCode})
          </dd>
          <dt className="font-semibold">{t("submission.confirm.submittedAt")}</dt>
          <dd>{formatDateTime(view.submittedAt, locale)}</dd>
          <dt className="font-semibold">{t("submission.confirm.status")}</dt>
          <dd data-testid="dossier-status">{t(`status.${view.status}`)}</dd>
          <dt className="font-semibold">{t("submission.confirm.delivery")}</dt>
          <dd>
            {view.resultDelivery === "BY_POST" ? t("submission.deliveryByPost") : t("submission.deliveryAtDesk")}
            {view.deliveryAddress ? `: ${view.deliveryAddress}` : ""}
          </dd>
        </dl>
      </section>

      <section className="card mt-6" aria-labelledby="next-title">
        <h2 id="next-title" className="text-xl text-brand-800">
          {t("submission.confirm.nextTitle")}
        </h2>
        {received ? (
          <p className="mt-2">{t("submission.confirm.nextReceived", { time: formatDateTime(view.receivedAt!, locale) })}</p>
        ) : (
          <ol className="mt-2 list-decimal space-y-2 pl-5">
            {view.expectedReceptionBy && <li>{t("submission.confirm.nextReception", { time: formatDateTime(view.expectedReceptionBy, locale) })}</li>}
            <li>{t("submission.confirm.nextOutcome")}</li>
          </ol>
        )}
        {received && view.dueAt ? (
          <p className="mt-4">
            <span className="font-semibold">{t("submission.confirm.dueTitle")}: </span>
            {formatDateTime(view.dueAt, locale)}
          </p>
        ) : (
          view.estimatedDueAt && (
            <div className="mt-4">
              <p>
                <span className="font-semibold">{t("submission.confirm.expectedTitle")}: </span>
                <span data-testid="expected-date">{t("submission.confirm.expectedValue", { date: formatDateTime(view.estimatedDueAt, locale) })}</span>
              </p>
              <p className="field-hint mt-1">{t("submission.confirm.expectedNote")}</p>
            </div>
          )
        )}
      </section>

      {view.documents.length > 0 && (
        <section className="card mt-6" aria-labelledby="documents-title">
          <h2 id="documents-title" className="text-xl text-brand-800">
            {t("submission.confirm.documents")}
          </h2>
          <ul className="mt-2 list-disc space-y-1 pl-5 text-sm">
            {view.documents.map((d, i) => (
              <li key={i}>
                {(en ? d.componentNameEn : d.componentNameVi) || d.fileName}
                {(en ? d.componentNameEn : d.componentNameVi) && <span className="text-ink-600"> — {d.fileName}</span>}
              </li>
            ))}
          </ul>
        </section>
      )}

      <ul className="mt-6 flex flex-col gap-3">
        <li>
          <a href={`/dossiers/${encodeURIComponent(view.code)}/receipt`} className="btn-primary w-full no-underline sm:w-auto" data-testid="receipt-link">
            {received ? t("submission.confirm.receiptReceived") : t("submission.confirm.receiptNew")}
          </a>
        </li>
        <li>
          <Link href={trackHref}>{t("submission.confirm.track")}</Link>
        </li>
        <li>
          <Link href={`/procedures/${encodeURIComponent(view.procedureCode)}`}>{t("submission.confirm.another")}</Link>
        </li>
      </ul>
    </div>
  );
}
