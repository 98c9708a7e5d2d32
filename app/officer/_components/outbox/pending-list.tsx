"use client";

import { useT } from "~/app/_components/i18n-provider";
import type { OutboxEntry } from "~/app/_offline/store";
import { formatDateTime } from "../../_lib/format";
import { EntryLine } from "./entry-line";

/** The actions waiting to be sent, in order, with why the last attempt failed and when the next is due. */
export function PendingList({ pending, busy, onDiscard }: { pending: OutboxEntry[]; busy: number | null; onDiscard: (seq: number) => void }) {
  const t = useT();
  return (
    <section aria-labelledby="outbox-title" className="space-y-3">
      <h2 id="outbox-title" className="text-xl font-bold text-brand-800">
        {t("officer.offline.outboxTitle", { count: pending.length })}
      </h2>
      {pending.length === 0 ? (
        <p className="text-ink-600" data-testid="outbox-empty">
          {t("officer.offline.outboxEmpty")}
        </p>
      ) : (
        <ol className="space-y-2" data-testid="outbox">
          {pending.map((e) => (
            <li key={e.seq} data-testid="outbox-entry" data-state={e.state} className="card space-y-1">
              <EntryLine entry={e} />
              {e.lastError && e.state !== "sending" && (
                <p className="text-sm text-ink-600">
                  {e.lastError.code === "NETWORK" ? t("officer.offline.waitingForNetwork") : e.lastError.message}
                  {e.state === "failed" && ` · ${t("officer.offline.retryAt", { at: formatDateTime(new Date(e.nextAttemptAt)) })}`}
                </p>
              )}
              <div className="flex flex-wrap gap-2">
                {e.kind === "intake" && (
                  <a href={`/officer/outbox?slip=${e.seq}`} className="font-semibold">
                    {t("officer.offline.slip.print")}
                  </a>
                )}
                {e.state !== "sending" && (
                  <button type="button" disabled={busy === e.seq} onClick={() => onDiscard(e.seq!)} className="text-sm font-semibold text-brand-700 underline">
                    {t("officer.offline.discard")}
                  </button>
                )}
              </div>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
