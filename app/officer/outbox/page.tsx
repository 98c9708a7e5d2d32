import type { Metadata } from "next";
import { slipSeqOf } from "~/app/_offline/shell-route";
import { getI18n } from "~/server/i18n";
import { OutboxView } from "../_components/outbox/outbox-view";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t("officer.offline.outboxNav") };
}

/** The outbox and its conflicts; the same view opens offline in the shell (app/officer/_offline-shell). */
export default async function OfficerOutboxPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const sp = await searchParams;
  const { t } = await getI18n();
  return (
    <div className="space-y-5 px-4 py-6 md:px-6">
      <h1 className="text-2xl text-brand-800 print:hidden">{t("officer.offline.outboxNav")}</h1>
      <OutboxView slipSeq={slipSeqOf(typeof sp.slip === "string" ? sp.slip : null)} />
    </div>
  );
}
