import Link from "next/link";
import { redirect } from "next/navigation";
import { trackLookupAction } from "~/app/(public)/track/actions";
import { Notice } from "~/app/(public)/_portal/notice";
import { refusedField, TrackLookupForm } from "~/app/(public)/_portal/track-lookup-form";
import { trackErrorMessage } from "~/app/(public)/_portal/tracking-page";
import { getI18n } from "~/server/i18n";
import { QrScanner } from "./qr-scanner";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/** Track on the kiosk: type the code (a large field) or scan the receipt's QR code. */
export default async function KioskTrackPage({ searchParams }: Props) {
  const params = await searchParams;
  const code = one(params.code)?.trim();
  const error = one(params.error);
  if (code && !error) redirect(`/kiosk/track/${encodeURIComponent(code.toUpperCase())}`);
  const { t } = await getI18n();
  const message = trackErrorMessage(t, error, { code, retry: one(params.retry) });

  return (
    <div className="space-y-6">
      <p>
        <Link href="/kiosk" className="inline-flex min-h-14 items-center text-xl font-semibold">
          ← {t("kiosk.home")}
        </Link>
      </p>
      <h1 className="text-3xl text-brand-800">{t("kiosk.trackTitle")}</h1>
      <p className="text-xl">{t("kiosk.trackLead")}</p>
      {message && (
        <Notice tone="error" id="kiosk-track-error" testId="track-error">
          {message}
        </Notice>
      )}
      <TrackLookupForm
        action={trackLookupAction}
        base="/kiosk/track"
        layout="kiosk"
        idPrefix="kiosk"
        idNumber="none"
        labels={{ code: t("track.codeLabel"), codeHint: t("track.codeHint"), submit: t("kiosk.trackButton") }}
        defaultCode={code}
        refusal={message ? { id: "kiosk-track-error", field: refusedField(error) } : null}
        submitTestId="kiosk-track-submit"
      />
      <QrScanner
        labels={{
          scan: t("kiosk.scan"),
          hint: t("kiosk.scanHint"),
          stop: t("kiosk.scanStop"),
          unsupported: t("kiosk.scanUnsupported"),
          failed: t("kiosk.scanFailed"),
        }}
      />
    </div>
  );
}
