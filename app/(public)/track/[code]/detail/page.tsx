import type { Metadata } from "next";
import { getI18n } from "~/server/i18n";
import { TrackingPageContent, type TrackSearchParams } from "../../../_portal/tracking-page";

type Props = { params: Promise<{ code: string }>; searchParams: Promise<TrackSearchParams> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { t } = await getI18n();
  // The code only: nothing personal goes into titles (browser history, shared screens).
  return { title: t("track.resultTitle", { code: decodeURIComponent((await params).code).toUpperCase() }), robots: { index: false } };
}

/** Public tracking of one dossier (the receipt's QR code opens this page). */
export default async function TrackDossierPage({ params, searchParams }: Props) {
  const code = decodeURIComponent((await params).code);
  return (
    <div className="mx-auto max-w-4xl px-4 py-8">
      <TrackingPageContent code={code} base="/track" searchParams={await searchParams} />
    </div>
  );
}
