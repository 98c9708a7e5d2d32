import Link from "next/link";
import { TrackingPageContent, type TrackSearchParams } from "~/app/(public)/_portal/tracking-page";
import { getI18n } from "~/server/i18n";

type Props = { params: Promise<{ code: string }>; searchParams: Promise<TrackSearchParams> };

/** A dossier's tracking on the kiosk, printable; the full view needs the ID number typed here. */
export default async function KioskTrackDossierPage({ params, searchParams }: Props) {
  const code = decodeURIComponent((await params).code);
  const { t } = await getI18n();
  return (
    <div className="space-y-4">
      <p className="print:hidden">
        <Link href="/kiosk" className="inline-flex min-h-14 items-center text-xl font-semibold">
          ← {t("kiosk.home")}
        </Link>
      </p>
      <TrackingPageContent code={code} base="/kiosk/track" searchParams={await searchParams} kiosk />
    </div>
  );
}
