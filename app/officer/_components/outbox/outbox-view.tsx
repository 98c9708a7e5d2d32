"use client";

// The outbox and the conflicts: every action not yet on the server with its state, and for each
// conflict what the server has now, with the officer's choice to apply it again or to discard it.
// Nothing leaves this list except by reaching the server or by the officer's hand. The same view
// in the workspace (/officer/outbox) and in the offline shell; `slipSeq` prints an offline intake's slip.
import { useState } from "react";
import { useT } from "~/app/_components/i18n-provider";
import { useCachedDeskPickers } from "~/app/_offline/use-cached";
import { useOutboxCommands, useOutboxEntries } from "~/app/_offline/use-outbox";
import { ConflictList } from "./conflict-list";
import { PendingList } from "./pending-list";
import { ReceiptSlip } from "./receipt-slip";

export function OutboxView({ slipSeq }: { slipSeq?: number | null }) {
  const t = useT();
  const { entries, me } = useOutboxEntries();
  const pickers = useCachedDeskPickers(me);
  const commands = useOutboxCommands();
  const [busy, setBusy] = useState<number | null>(null);

  if (!entries) return <p>{t("officer.offline.loading")}</p>;

  const slip = slipSeq ? entries.find((e) => e.seq === slipSeq && e.kind === "intake") : undefined;
  if (slipSeq && slip?.kind === "intake") {
    const procedure = pickers?.[slip.input.agencyId]?.find((p) => p.procedureVersionId === slip.input.procedureVersionId);
    return (
      <div className="space-y-4">
        <p className="print:hidden" role="status">
          {t("officer.offline.slip.queued")}
        </p>
        <ReceiptSlip entry={slip} me={me} procedure={procedure} />
      </div>
    );
  }

  async function run(seq: number, what: "reapply" | "discard") {
    setBusy(seq);
    try {
      if (what === "discard") {
        if (!window.confirm(t("officer.offline.confirmDiscard"))) return;
        await commands.discard(seq);
      } else {
        await commands.reapply(seq);
      }
    } finally {
      setBusy(null);
    }
  }

  return (
    <div className="space-y-8">
      <ConflictList
        conflicts={entries.filter((e) => e.state === "conflict")}
        busy={busy}
        onReapply={(seq) => void run(seq, "reapply")}
        onDiscard={(seq) => void run(seq, "discard")}
      />
      <PendingList pending={entries.filter((e) => e.state !== "conflict")} busy={busy} onDiscard={(seq) => void run(seq, "discard")} />
    </div>
  );
}
