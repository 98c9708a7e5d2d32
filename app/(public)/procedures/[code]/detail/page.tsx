import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getI18n } from "~/server/i18n";
import { loadProcedure } from "../procedure-data";
import { ProcedureView } from "../procedure-view";

type Props = { params: Promise<{ code: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { code } = await params;
  const procedure = await loadProcedure(decodeURIComponent(code));
  const { t } = await getI18n();
  return { title: procedure ? procedure.name : t("catalogue.notFoundTitle") };
}

/**
 * A procedure's page for signed-in visitors, kiosks and the client router: /procedures/<code> itself
 * is the plain-HTML page (../route.tsx), and next.config.js rewrites these requests here.
 */
export default async function ProcedurePage({ params }: Props) {
  const code = decodeURIComponent((await params).code);
  const procedure = await loadProcedure(code);
  if (!procedure) notFound();
  const { locale, t } = await getI18n();
  return <ProcedureView procedure={procedure} locale={locale} t={t} />;
}
