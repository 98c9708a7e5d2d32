"use client";

import { useT } from "~/app/_components/i18n-provider";
import type { OutboxEntry } from "~/app/_offline/store";
import { formatDateTime } from "../../_lib/format";
import { StatusBadge } from "../badges";
import { EntryLine } from "./entry-line";

/**
 * The conflicts: for each, why the server refused it and what the server has now, with the
 * officer's choice to apply it again or to discard it.
 */
export function ConflictList({
  conflicts,
  busy,
  onReapply,
  onDiscard,
}: {
  conflicts: OutboxEntry[];
  busy: number | null;
  onReapply: (seq: number) => void;
  onDiscard: (seq: number) => void;
}) {
  const t = useT();
  return (
    <section aria-labelledby="conflicts-title" id="conflicts" className="space-y-3">
      <h2 id="conflicts-title" className="text-xl font-bold text-brand-800">
        {t("officer.offline.conflictsTitle", { count: conflicts.length })}
      </h2>
      {conflicts.length === 0 ? (
        <p className="text-ink-600">{t("officer.offline.noConflicts")}</p>
      ) : (
        <>
          <p>{t("officer.offline.conflictsLead")}</p>
          <ul className="space-y-3" data-testid="conflicts">
            {conflicts.map((e) => (
              <li key={e.seq} data-testid="conflict" data-seq={e.seq} data-dossier={e.dossierId} className="card space-y-2">
                <EntryLine entry={e} />
                <p className="text-brand-800">
                  {e.lastError?.code === "BLOCKED" ? t("officer.offline.blocked") : (e.lastError?.message ?? "")}
                  {e.lastError?.reason && e.lastError.code !== "BLOCKED" && <span className="text-sm text-ink-600"> ({e.lastError.reason})</span>}
                </p>
                {e.serverState ? (
                  <div data-testid="server-state" className="rounded bg-paper px-3 py-2 text-sm">
                    <p className="font-semibold">{t("officer.offline.serverNow")}</p>
                    <p className="flex flex-wrap items-center gap-2">
                      <StatusBadge status={e.serverState.status} t={t} />
                      <span>{t("officer.offline.serverVersion", { version: e.serverState.version })}</span>
                      {e.serverState.dueAt && <span>{t("officer.offline.serverDue", { at: formatDateTime(e.serverState.dueAt) })}</span>}
                      <span>{t("officer.offline.serverUpdated", { at: formatDateTime(e.serverState.updatedAt) })}</span>
                    </p>
                  </div>
                ) : (
                  e.kind === "act" && <p className="text-sm text-ink-600">{t("officer.offline.serverUnknown")}</p>
                )}
                <div className="flex flex-wrap gap-2">
                  {e.kind === "act" && (
                    <a href={`/officer/dossiers/${e.dossierId}`} className="rounded border-2 border-brand-700 px-3 py-1 font-semibold no-underline">
                      {t("officer.offline.openDossier")}
                    </a>
                  )}
                  <button type="button" className="btn-primary" disabled={busy === e.seq} onClick={() => onReapply(e.seq!)} data-testid="reapply">
                    {t("officer.offline.reapply")}
                  </button>
                  <button
                    type="button"
                    disabled={busy === e.seq}
                    onClick={() => onDiscard(e.seq!)}
                    data-testid="discard"
                    className="rounded border-2 border-ink-600 bg-white px-3 py-1 font-semibold"
                  >
                    {t("officer.offline.discard")}
                  </button>
                </div>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
