import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getI18n } from "~/server/i18n";
import { Notice } from "../_portal/notice";
import { refusedField, TrackLookupForm } from "../_portal/track-lookup-form";
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
      <TrackLookupForm
        action={trackLookupAction}
        base="/track"
        layout="page"
        idPrefix="track"
        ariaLabel={t("track.formLabel")}
        idNumber="optional"
        labels={{ code: t("track.codeLabel"), codeHint: t("track.codeHint"), idNumber: t("track.idLabel"), idNumberHint: t("track.idOptional"), submit: t("track.submit") }}
        defaultCode={code}
        refusal={message ? { id: "track-error", field: refusedField(error) } : null}
        submitTestId="track-submit"
      />
    </div>
  );
}
