import { randomUUID } from "node:crypto";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { EformFields } from "~/app/_components/eform/fields";
import { api } from "~/server/api/caller";
import { getSessionUser } from "~/server/auth";
import { AppError } from "~/server/errors";
import { getI18n, type MessageKey, type TFunction } from "~/server/i18n";
import { correctableFields, SUPPLEMENT_FILE_MAX_BYTES, SUPPLEMENT_MAX_FILES } from "~/server/modules/applicant/schema";
import { SUPPLEMENT_FORM } from "~/server/modules/account/supplement-form";
import { acceptAttribute } from "~/server/modules/files/sniff";
import { pick } from "../../../_portal/format";
import { Notice } from "../../../_portal/notice";
import { FullDetails, PublicSummary, SupplementRequestBox, Timeline } from "../../../_portal/tracking-view";
import { MeNav } from "../../me-nav";
import { withdrawAction } from "./actions";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ code: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t("track.resultTitle", { code: decodeURIComponent((await params).code).toUpperCase() }), robots: { index: false } };
}

/** A message for an error code from the answer route or the withdrawal action. */
function errorMessage(t: TFunction, code: string | undefined): string | null {
  if (!code) return null;
  if (code === "CONFLICT") return t("me.conflict");
  if (code === "INVALID_TRANSITION") return t("me.invalidTransition");
  if (code === "FIELDS") return t("account.errors.FIELD_INVALID");
  const key = `account.errors.${code}` as MessageKey;
  const message = t(key);
  return message === key ? t("me.failed") : message;
}

/** Input name → message, from `fe=f.name:eform.required,...`; unknown keys read as "not valid". */
function fieldErrorsOf(t: TFunction, raw: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const pair of (raw ?? "").split(",").slice(0, 30)) {
    const at = pair.lastIndexOf(":");
    if (at <= 0) continue;
    const name = pair.slice(0, at);
    const key = pair.slice(at + 1);
    const message = key.startsWith("eform.") ? t(key as MessageKey) : key;
    out[name] = message === key || message.includes("{") ? t("account.errors.FIELD_INVALID") : message;
  }
  return out;
}

export default async function MyDossierPage({ params, searchParams }: Props) {
  const code = decodeURIComponent((await params).code);
  const page = `/me/dossiers/${encodeURIComponent(code)}`;
  if (!(await getSessionUser())) redirect(`/sign-in?callbackUrl=${encodeURIComponent(page)}`);
  const query = await searchParams;
  const { locale, t } = await getI18n();

  let mine: Awaited<ReturnType<typeof api.account.dossier>>;
  try {
    mine = await api.account.dossier({ code });
  } catch (error) {
    const app = error instanceof AppError ? error : (error as { cause?: unknown }).cause;
    if (app instanceof AppError && app.code === "NOT_FOUND") notFound();
    throw error;
  }
  const { view } = mine;
  const answerError = errorMessage(t, one(query.error));
  const fieldErrors = fieldErrorsOf(t, one(query.fe));
  const werror = one(query.werror);
  const withdrawError = werror?.startsWith("reason:") ? t(`account.errors.${werror.slice(7)}` as MessageKey) : errorMessage(t, werror);
  const maxMb = Math.round(SUPPLEMENT_FILE_MAX_BYTES / (1024 * 1024));

  return (
    <div className="mx-auto max-w-4xl px-4 py-8">
      <p>
        <Link href="/me" className="inline-block py-2">
          {t("me.back")}
        </Link>
      </p>
      <h1 className="mt-2 text-2xl text-brand-800 sm:text-3xl">{t("track.resultTitle", { code: view.code })}</h1>
      <p className="mt-1 text-lg">{pick(view.procedureName, locale)}</p>
      <div className="mt-4">
        <MeNav t={t} current={null} />
      </div>

      <div className="mt-6 space-y-6">
        {one(query.answered) && (
          <Notice tone="success" testId="answered">
            {t("me.answered")}
          </Notice>
        )}
        {one(query.withdrawn) && (
          <Notice tone="success" testId="withdrawn">
            {t("me.withdrawn")}
          </Notice>
        )}
        {mine.isTest && <Notice>{t("me.training")}</Notice>}

        <PublicSummary view={view} t={t} locale={locale} />

        <SupplementRequestBox view={view} t={t} locale={locale}>
          {mine.canSupplement && (
            <form
              id="answer"
              method="post"
              action={`${page}/supplement`}
              encType="multipart/form-data"
              className="mt-5 space-y-5 border-t border-line pt-4"
              aria-labelledby="answer-title"
              data-testid="supplement-form"
            >
              <h3 id="answer-title" className="text-lg text-brand-800">
                {t("me.answerTitle")}
              </h3>
              <p className="text-ink-600">{t("me.answerLead")}</p>
              {answerError && (
                <Notice tone="error" testId="answer-error">
                  {answerError}
                </Notice>
              )}
              <input type="hidden" name={SUPPLEMENT_FORM.idempotencyKey} value={`supplement-${randomUUID()}`} />
              <input type="hidden" name={SUPPLEMENT_FORM.expectedVersion} value={mine.version} />
              <div>
                <label htmlFor="answer-note" className="field-label">
                  {t("me.answerNote")}
                </label>
                <textarea id="answer-note" name={SUPPLEMENT_FORM.note} rows={4} maxLength={2000} className="field-input" />
              </div>

              <fieldset className="space-y-3">
                <legend className="field-label">{t("me.filesTitle")}</legend>
                <p id="answer-files-hint" className="field-hint">
                  {t("me.filesHint", { size: maxMb, count: SUPPLEMENT_MAX_FILES })}
                </p>
                {mine.uploadSlots.map((slot) => {
                  const id = slot.componentId ? `answer-file-${slot.componentId}` : "answer-files";
                  return (
                    <div key={id}>
                      <label htmlFor={id} className="block font-normal">
                        {slot.name ? t("me.fileFor", { name: pick(slot.name, locale) }) : t("me.fileGeneral")}
                      </label>
                      <input
                        id={id}
                        name={slot.componentId ? `${SUPPLEMENT_FORM.componentFilePrefix}${slot.componentId}` : SUPPLEMENT_FORM.files}
                        type="file"
                        multiple={slot.componentId === null}
                        accept={acceptAttribute(slot.acceptedTypes)}
                        aria-describedby="answer-files-hint"
                        className="mt-1 block min-h-11 w-full text-sm file:mr-3 file:min-h-11 file:rounded file:border-2 file:border-brand-700 file:bg-white file:px-3 file:font-semibold file:text-brand-700"
                      />
                    </div>
                  );
                })}
              </fieldset>

              {mine.formSchema && (
                <details className="rounded border border-line p-3" open={Object.keys(fieldErrors).length > 0}>
                  <summary className="min-h-11 cursor-pointer py-2 font-semibold text-brand-700">{t("me.correctTitle")}</summary>
                  <p className="mb-3 text-sm text-ink-600">{t("me.correctHint")}</p>
                  <div className="space-y-4">
                    <EformFields
                      fields={correctableFields(mine.formSchema.fields)}
                      ctx={{ locale, t, prefix: SUPPLEMENT_FORM.fieldsPrefix, values: mine.formValues, errors: fieldErrors }}
                      nativeRequired={false}
                    />
                  </div>
                  {mine.formSchema.fields
                    .filter((f) => f.type === "group" && f.repeatable)
                    .map((f) => (
                      <p key={f.key} className="mt-3 text-sm text-ink-600">
                        {t("me.repeatableNote", { label: locale === "en" ? f.labelEn : f.labelVi })}
                      </p>
                    ))}
                </details>
              )}

              <button type="submit" className="btn-primary min-h-11" data-testid="supplement-submit">
                {t("me.answerSubmit")}
              </button>
            </form>
          )}
        </SupplementRequestBox>

        <FullDetails view={view} t={t} locale={locale} fileLinks />
        <Timeline entries={view.timeline} t={t} locale={locale} />

        {mine.canRate && (
          <p>
            <Link href={`/track/${encodeURIComponent(view.code)}#rating`} className="btn-primary min-h-11 no-underline hover:text-white" data-testid="rate-link">
              {t("rating.rateLink")}
            </Link>
          </p>
        )}

        {mine.canWithdraw && (
          <section id="withdraw" aria-labelledby="withdraw-title" className="card">
            <h2 id="withdraw-title" className="text-xl text-brand-800">
              {t("me.withdrawTitle")}
            </h2>
            <p className="mt-1 text-ink-600">{t("me.withdrawLead")}</p>
            {withdrawError && (
              <div className="mt-3">
                <Notice tone="error" testId="withdraw-error">
                  {withdrawError}
                </Notice>
              </div>
            )}
            <form action={withdrawAction} className="mt-4 space-y-4" data-testid="withdraw-form">
              <input type="hidden" name="code" value={view.code} />
              <input type="hidden" name="idempotencyKey" value={`withdraw-${randomUUID()}`} />
              <input type="hidden" name="expectedVersion" value={mine.version} />
              <div>
                <label htmlFor="withdraw-reason" className="field-label">
                  {t("me.withdrawReason")}
                </label>
                <textarea id="withdraw-reason" name="reason" rows={3} required maxLength={2000} className="field-input" />
              </div>
              <label className="flex min-h-11 items-center gap-2">
                <input type="checkbox" name="confirm" required className="h-5 w-5 accent-brand-700" id="withdraw-confirm" />
                {t("me.withdrawConfirm")}
              </label>
              <button type="submit" className="btn-primary min-h-11" data-testid="withdraw-submit">
                {t("me.withdrawSubmit")}
              </button>
            </form>
          </section>
        )}

        <p>
          <Link href={`/track/${encodeURIComponent(view.code)}`} className="inline-block py-2">
            {t("me.trackLink")}
          </Link>
        </p>
      </div>
    </div>
  );
}
