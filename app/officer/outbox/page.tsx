import type { Metadata } from "next";
import { OutboxPage } from "~/app/_offline/outbox-page";
import { getI18n } from "~/server/i18n";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t("officer.offline.outboxNav") };
}

/** The outbox and its conflicts (app/_offline); the same view opens offline in the shell. */
export default async function OfficerOutboxPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const sp = await searchParams;
  const slip = Number(typeof sp.slip === "string" ? sp.slip : "");
  return <OutboxPage slipSeq={Number.isInteger(slip) && slip > 0 ? slip : null} />;
}
