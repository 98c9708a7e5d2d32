import Link from "next/link";
import { redirect } from "next/navigation";
import { trackLookupAction } from "~/app/(public)/track/actions";
import { Notice } from "~/app/(public)/_portal/notice";
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
      <form action={trackLookupAction} className="card space-y-4">
        <input type="hidden" name="base" value="/kiosk/track" />
        <div>
          <label htmlFor="kiosk-code" className="field-label text-xl">
            {t("track.codeLabel")}
          </label>
          <span id="kiosk-code-hint" className="field-hint text-base">
            {t("track.codeHint")}
          </span>
          <input
            id="kiosk-code"
            name="code"
            type="text"
            required
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            maxLength={60}
            defaultValue={code ?? ""}
            aria-describedby={message ? "kiosk-code-hint kiosk-track-error" : "kiosk-code-hint"}
            className="field-input min-h-14 text-2xl tracking-wide"
          />
        </div>
        <button type="submit" className="btn-primary min-h-14 w-full px-8 text-xl sm:w-auto" data-testid="kiosk-track-submit">
          {t("kiosk.trackButton")}
        </button>
      </form>
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
