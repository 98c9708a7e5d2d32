import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getI18n } from "~/server/i18n";
import { Notice } from "../_portal/notice";
import { trackErrorMessage } from "../_portal/tracking-page";
import { trackLookupAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t("track.title") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/**
 * The look-up form. Code only: the public page of the dossier. Code and ID number: posted (never
 * in the URL), checked, then the full view. A plain GET with ?code= also works (links, the kiosk).
 */
export default async function TrackPage({ searchParams }: Props) {
  const params = await searchParams;
  const code = one(params.code)?.trim();
  const error = one(params.error);
  if (code && !error) redirect(`/track/${encodeURIComponent(code.toUpperCase())}`);
  const { t } = await getI18n();
  const message = trackErrorMessage(t, error, { code, retry: one(params.retry) });

  return (
    <div className="mx-auto max-w-2xl px-4 py-8">
      <h1 className="text-3xl text-brand-800">{t("track.title")}</h1>
      <p className="mt-2 text-ink-600">{t("track.lead")}</p>
      {message && (
        <div className="mt-4">
          <Notice tone="error" id="track-error" testId="track-error">
            {message}
          </Notice>
        </div>
      )}
      <form action={trackLookupAction} aria-label={t("track.formLabel")} className="card mt-6 space-y-5">
        <input type="hidden" name="base" value="/track" />
        <div>
          <label htmlFor="track-code" className="field-label">
            {t("track.codeLabel")}
          </label>
          <span id="track-code-hint" className="field-hint">
            {t("track.codeHint")}
          </span>
          <input
            id="track-code"
            name="code"
            type="text"
            required
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            maxLength={60}
            defaultValue={code ?? ""}
            aria-describedby={message ? "track-code-hint track-error" : "track-code-hint"}
            aria-invalid={error === "notFound" || error === "missingCode" ? true : undefined}
            className="field-input"
          />
        </div>
        <div>
          <label htmlFor="track-id" className="field-label">
            {t("track.idLabel")}
          </label>
          <span id="track-id-hint" className="field-hint">
            {t("track.idOptional")}
          </span>
          <input
            id="track-id"
            name="idNumber"
            type="text"
            inputMode="numeric"
            autoComplete="off"
            maxLength={40}
            aria-describedby="track-id-hint"
            aria-invalid={error === "idMismatch" ? true : undefined}
            className="field-input"
          />
        </div>
        <button type="submit" className="btn-primary min-h-11 w-full sm:w-auto" data-testid="track-submit">
          {t("track.submit")}
        </button>
      </form>
    </div>
  );
}
