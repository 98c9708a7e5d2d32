"use client";

import { useT } from "~/app/_components/i18n-provider";
import type { OutboxEntry } from "~/app/_offline/store";
import { formatDateTimeSeconds } from "../../_lib/format";

const STATE_STYLE: Record<OutboxEntry["state"], string> = {
  waiting: "border-ink-600 bg-stone-100 text-ink-900",
  sending: "border-sky-700 bg-sky-50 text-sky-900",
  failed: "border-gold-800 bg-gold-100 text-gold-800",
  conflict: "border-brand-800 bg-brand-700 text-white",
};

/** One outbox entry in a line: its state, the action, the dossier (or reserved) code, when it was taken. */
export function EntryLine({ entry }: { entry: OutboxEntry }) {
  const t = useT();
  return (
    <p className="flex flex-wrap items-center gap-2">
      <span className={`rounded border px-2 py-0.5 text-sm font-semibold ${STATE_STYLE[entry.state]}`} data-testid="entry-state">
        {t(`officer.offline.states.${entry.state}`)}
      </span>
      <span className="font-semibold">{entry.kind === "act" ? t(`officer.actions.${entry.action}`) : t("officer.offline.intakeAction")}</span>
      <span className="font-mono">{entry.label}</span>
      {entry.kind === "intake" && <span>{entry.input.applicantName}</span>}
      <span className="text-sm text-ink-600">{t("officer.offline.takenAt", { at: formatDateTimeSeconds(entry.deviceAt) })}</span>
      {entry.kind === "act" && <span className="text-sm text-ink-600">{t("officer.offline.expects", { version: entry.expectedVersion })}</span>}
    </p>
  );
}
