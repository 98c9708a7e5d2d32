// The page of one dossier's tracking, for /track/[code] (portal) and /kiosk/track/[code] (kiosk):
// the public summary and timeline for anyone with the code; with the applicant's ID number or the
// owner's session, the full detail and the satisfaction rating.
import NextLink from "next/link";
import { forgetTrackingAction, rateAction, trackLookupAction } from "~/app/(public)/track/actions";
import { api } from "~/server/api/caller";
import { AppError } from "~/server/errors";
import { getI18n } from "~/server/i18n";
import type { Locale, TFunction } from "~/server/i18n/core";
import type { TTrackingView } from "~/server/modules/tracking/schema";
import { formatDateTime } from "./format";
import { Notice } from "./notice";
import { PlainLink } from "~/app/_components/plain-link";
import { PrintButton } from "./print-button";
import type { TrackLookupAction } from "./track-lookup-form";
import { FullDetails, PublicSummary, SupplementRequestBox, Timeline } from "./tracking-view";

export type TrackSearchParams = Record<string, string | string[] | undefined>;

function one(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function appErrorOf(error: unknown): AppError | null {
  if (error instanceof AppError) return error;
  const cause = (error as { cause?: unknown } | null)?.cause;
  return cause instanceof AppError ? cause : null;
}

type Loaded = { view: TTrackingView } | Failure;

export async function loadTracking(code: string): Promise<Loaded> {
  try {
    return { view: await api.tracking.get({ code }) };
  } catch (error) {
    const app = appErrorOf(error);
    if (app?.code === "NOT_FOUND") return { error: "notFound" };
    if (app?.code === "RATE_LIMITED") return { error: "rateLimited", seconds: Number(app.details?.retryAfterSeconds ?? 60) };
    throw error;
  }
}

/** Messages for the error codes the tracking actions put in the URL. */
export function trackErrorMessage(t: TFunction, error: string | undefined, params: { code?: string; retry?: string }): string | null {
  const seconds = Math.max(1, Number(params.retry) || 60);
  switch (error) {
    case "missingCode":
      return t("track.missingCode");
    case "notFound":
      return t("track.notFound", { code: params.code ?? "" });
    case "idMismatch":
      return t("track.idMismatch");
    case "rateLimited":
      return t("track.rateLimited", { seconds });
    case "idAttemptsExceeded":
      return t("track.idAttemptsExceeded", { minutes: Math.ceil(seconds / 60) });
    default:
      return null;
  }
}

/** Where the plain-HTML pages' tracking forms post (app/api/track-lookup). */
export const PLAIN_LOOKUP_URL = "/api/track-lookup";


function IdNumberForm({ code, base, t, kiosk, error, action }: { code: string; base: string; t: TFunction; kiosk: boolean; error: string | null; action: TrackLookupAction }) {
  return (
    <section aria-labelledby="full-access-title" className="card print:hidden">
      <h2 id="full-access-title" className="text-xl text-brand-800">
        {t("track.showFullTitle")}
      </h2>
      <p className="mt-1 text-ink-600">{t("track.privacyNote")}</p>
      {error && (
        <div className="mt-3">
          <Notice tone="error" id="track-id-error" testId="track-id-error">
            {error}
          </Notice>
        </div>
      )}
      <form action={action} {...(typeof action === "string" ? { method: "post" } : {})} className="mt-4 space-y-3">
        <input type="hidden" name="base" value={base} />
        <input type="hidden" name="code" value={code} />
        <input type="hidden" name="from" value="dossier" />
        <div>
          <label htmlFor="track-full-id" className="field-label">
            {t("track.idLabel")}
          </label>
          <input
            id="track-full-id"
            name="idNumber"
            type="text"
            inputMode="numeric"
            autoComplete="off"
            required
            maxLength={40}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? "track-id-error" : undefined}
            className={`field-input ${kiosk ? "min-h-14 text-xl" : ""}`}
          />
        </div>
        <button type="submit" className={`btn-primary ${kiosk ? "min-h-14 w-full text-xl" : "min-h-11"}`} data-testid="track-full-submit">
          {t("track.showFull")}
        </button>
      </form>
    </section>
  );
}

function RatingSection({
  view,
  base,
  t,
  params,
}: {
  view: TTrackingView;
  base: string;
  t: TFunction;
  params: { rated?: string; rateError?: string };
}) {
  if (view.public.status !== "RETURNED") return null;
  const rated = view.full?.rated ?? false;
  const criteria = ["overall", "timeliness", "staffAttitude", "contactsNeeded"] as const;
  const error = params.rateError && ["alreadyRated", "notReturned", "needAccess", "missingScores"].includes(params.rateError) ? params.rateError : null;
  return (
    <section id="rating" aria-labelledby="rating-title" className="card print:hidden" data-testid="rating">
      <h2 id="rating-title" className="text-xl text-brand-800">
        {t("rating.title")}
      </h2>
      {params.rated ? (
        <div className="mt-3">
          <Notice tone="success" testId="rating-thanks">
            {t("rating.thanks")}
          </Notice>
        </div>
      ) : rated ? (
        <p className="mt-2" data-testid="rating-already">
          {t("rating.alreadyRated")}
        </p>
      ) : !view.full ? (
        <p className="mt-2">{t("rating.needAccess")}</p>
      ) : (
        <>
          <p className="mt-1 text-ink-600">{t("rating.lead")}</p>
          {error && (
            <div className="mt-3">
              <Notice tone="error" testId="rating-error">
                {t(`rating.${error as "alreadyRated" | "notReturned" | "needAccess" | "missingScores"}`)}
              </Notice>
            </div>
          )}
          <form action={rateAction} className="mt-4 space-y-5">
            <input type="hidden" name="base" value={base} />
            <input type="hidden" name="code" value={view.public.code} />
            {criteria.map((criterion) => (
              <fieldset key={criterion} className="rounded border border-line p-3">
                <legend className="px-1 font-semibold">{t(`rating.criteria.${criterion}`)}</legend>
                <div className="mt-1 grid gap-1 sm:grid-cols-5">
                  {([5, 4, 3, 2, 1] as const).map((score) => (
                    <label key={score} className="flex min-h-11 cursor-pointer items-center gap-2 rounded px-2 hover:bg-gold-100">
                      <input type="radio" name={criterion} value={score} required className="h-5 w-5 accent-brand-700" />
                      <span>
                        {score} – {t(`rating.scale.${score}`)}
                      </span>
                    </label>
                  ))}
                </div>
              </fieldset>
            ))}
            <div>
              <label htmlFor="rating-comment" className="field-label">
                {t("rating.comment")}
              </label>
              <span id="rating-comment-hint" className="field-hint">
                {t("rating.commentHint")}
              </span>
              <textarea id="rating-comment" name="comment" rows={3} maxLength={2000} aria-describedby="rating-comment-hint" className="field-input" />
            </div>
            <button type="submit" className="btn-primary min-h-11" data-testid="rating-submit">
              {t("rating.submit")}
            </button>
          </form>
        </>
      )}
    </section>
  );
}

export async function TrackingPageContent({
  code,
  base,
  searchParams,
  kiosk = false,
}: {
  code: string;
  base: "/track" | "/kiosk/track";
  searchParams: TrackSearchParams;
  kiosk?: boolean;
}) {
  const { locale, t } = await getI18n();
  const loaded = await loadTracking(code);
  const params = { error: one(searchParams.error), retry: one(searchParams.retry), rated: one(searchParams.rated), rateError: one(searchParams.rateError) };

  if (!("view" in loaded)) return <TrackingNotShown code={code} base={base} t={t} failure={loaded} />;

  const { view } = loaded;
  const full = view.full;
  return <Tracking view={view} full={full} base={base} kiosk={kiosk} t={t} locale={locale} params={params} />;
}

type Failure = { error: "notFound" } | { error: "rateLimited"; seconds: number };

/** An unknown code, or too many look-ups: the message and the way back to the form. */
export function TrackingNotShown({ code, base, t, failure, plain = false }: { code: string; base: string; t: TFunction; failure: Failure; plain?: boolean }) {
  const Link = plain ? PlainLink : NextLink;
  return (
    <div className="space-y-4">
      <h1 className="text-2xl text-brand-800 sm:text-3xl">{t("track.resultTitle", { code: code.toUpperCase() })}</h1>
      <Notice tone="error" testId="track-error">
        {failure.error === "notFound" ? t("track.notFound", { code: code.toUpperCase() }) : t("track.rateLimited", { seconds: failure.seconds })}
      </Notice>
      <p>
        <Link href={base} className="inline-block py-2">
          {t("track.another")}
        </Link>
      </p>
    </div>
  );
}

/** The public view as the plain-HTML page sends it (app/(public)/track/[code]/route.tsx). */
export function PlainPublicTracking({ view, t, locale }: { view: TTrackingView["public"]; t: TFunction; locale: Locale }) {
  return <Tracking view={{ public: view, full: null, access: "PUBLIC" }} full={null} base="/track" kiosk={false} t={t} locale={locale} params={{}} plain />;
}

function Tracking({
  view,
  full,
  base,
  kiosk,
  t,
  locale,
  params,
  plain = false,
}: {
  view: TTrackingView;
  full: TTrackingView["full"];
  base: "/track" | "/kiosk/track";
  kiosk: boolean;
  t: TFunction;
  locale: Locale;
  params: { error?: string; retry?: string; rated?: string; rateError?: string };
  /** The plain-HTML page: no client components, the ID form posts to a plain URL. */
  plain?: boolean;
}) {
  const Link = plain ? PlainLink : NextLink;
  const code = view.public.code;
  const idError = trackErrorMessage(t, params.error, { code, retry: params.retry });
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl text-brand-800 sm:text-3xl">{t("track.resultTitle", { code })}</h1>
        <p className="hidden text-sm print:block">{t("track.printedAt", { date: formatDateTime(new Date(), locale) })}</p>
      </div>

      <PublicSummary view={full ?? view.public} t={t} locale={locale} />

      {full ? (
        <>
          <div className="print:hidden">
            <Notice tone="success" testId="track-access">
              {view.access === "OWNER" ? t("track.accessOwner") : t("track.accessIdNumber")}
            </Notice>
            {view.access === "ID_NUMBER" && (
              <form action={forgetTrackingAction} className="mt-2">
                <input type="hidden" name="base" value={base} />
                <input type="hidden" name="code" value={code} />
                <button type="submit" className="min-h-11 py-2 font-semibold text-brand-700 underline" data-testid="track-hide-full">
                  {t("track.hideFull")}
                </button>
              </form>
            )}
          </div>
          <SupplementRequestBox view={full} t={t} locale={locale}>
            <p className="mt-3 print:hidden">
              {view.access === "OWNER" && !kiosk ? (
                <Link href={`/me/dossiers/${encodeURIComponent(code)}`} className="btn-primary min-h-11 no-underline hover:text-white">
                  {t("track.supplementAnswer")}
                </Link>
              ) : (
                t("track.supplementSignIn")
              )}
            </p>
          </SupplementRequestBox>
          <FullDetails view={full} t={t} locale={locale} fileLinks={view.access === "OWNER" && !kiosk} />
          <Timeline entries={full.timeline} t={t} locale={locale} />
        </>
      ) : (
        <>
          <Timeline entries={view.public.timeline} t={t} locale={locale} />
          <IdNumberForm
            code={code}
            base={base}
            t={t}
            kiosk={kiosk}
            error={idError}
            action={plain ? PLAIN_LOOKUP_URL : trackLookupAction}
          />
        </>
      )}

      <RatingSection view={view} base={base} t={t} params={params} />

      <div className="flex flex-wrap items-center gap-4 print:hidden">
        {/* Needs JavaScript; the plain page has none (the browser's own print works). */}
        {!plain && (
          <PrintButton label={kiosk ? t("kiosk.print") : t("track.printReceipt")} className={kiosk ? "btn-primary min-h-14 px-6 text-xl print:hidden" : undefined} />
        )}
        <Link href={base} className={kiosk ? "btn-primary min-h-14 px-6 text-xl no-underline hover:text-white" : "inline-block py-2"}>
          {t("track.another")}
        </Link>
      </div>
    </div>
  );
}
