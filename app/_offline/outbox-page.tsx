"use client";

import { useT } from "~/app/_components/i18n-provider";
import { OutboxView } from "./outbox-view";

export function OutboxPage({ slipSeq }: { slipSeq: number | null }) {
  const t = useT();
  return (
    <div className="space-y-5 px-4 py-6 md:px-6">
      <h1 className="text-2xl text-brand-800 print:hidden">{t("officer.offline.outboxNav")}</h1>
      <OutboxView slipSeq={slipSeq} />
    </div>
  );
}
