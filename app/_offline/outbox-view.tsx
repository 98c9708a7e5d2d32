"use client";

// The outbox and the conflicts: every action not yet on the server with its state, and for each
// conflict what the server has now, with the officer's choice to apply it again or to discard it.
// Nothing leaves this list except by reaching the server or by the officer's hand.
import { useEffect, useState } from "react";
import { useT } from "~/app/_components/i18n-provider";
import { StatusBadge } from "~/app/officer/_components/badges";
import { formatDateTime, formatDateTimeSeconds } from "~/app/officer/_lib/format";
import type { TPickerProcedure } from "~/server/modules/dossier/schema";
import { discardEntry, listOutbox, reapplyEntry } from "./outbox";
import { useOffline } from "./provider";
import { ReceiptSlip } from "./receipt-slip";
import { kvGet, type CachedMe, type OutboxEntry } from "./store";

function useOutboxEntries(): { entries: OutboxEntry[] | null; me: CachedMe | undefined } {
  const { db, revision } = useOffline();
  const [entries, setEntries] = useState<OutboxEntry[] | null>(null);
  const [me, setMe] = useState<CachedMe | undefined>();
  useEffect(() => {
    if (!db) return;
    let live = true;
    void Promise.all([listOutbox(db), kvGet(db, "me")]).then(([list, cachedMe]) => {
      if (!live) return;
      setEntries(list);
      setMe(cachedMe);
    });
    return () => {
      live = false;
    };
  }, [db, revision]);
  return { entries, me };
}

const STATE_STYLE: Record<OutboxEntry["state"], string> = {
  waiting: "border-ink-600 bg-stone-100 text-ink-900",
  sending: "border-sky-700 bg-sky-50 text-sky-900",
  failed: "border-gold-800 bg-gold-100 text-gold-800",
  conflict: "border-brand-800 bg-brand-700 text-white",
};

export function OutboxView({ slipSeq }: { slipSeq?: number | null }) {
  const t = useT();
  const offline = useOffline();
  const { entries, me } = useOutboxEntries();
  const [busy, setBusy] = useState<number | null>(null);
  const [picker, setPicker] = useState<Record<string, TPickerProcedure[]>>({});

  useEffect(() => {
    const db = offline.db;
    if (!db || !me) return;
    const agencies = [...new Set(me.memberships.filter((m) => m.role === "RECEPTION_OFFICER").map((m) => m.agencyId))];
    void Promise.all(agencies.map(async (a) => [a, ((await kvGet(db, `picker:${a}`)) ?? []) as TPickerProcedure[]] as const)).then((pairs) =>
      setPicker(Object.fromEntries(pairs)),
    );
  }, [offline.db, me]);

  if (!entries) return <p>{t("officer.offline.loading")}</p>;

  const slip = slipSeq ? entries.find((e) => e.seq === slipSeq && e.kind === "intake") : undefined;
  if (slipSeq && slip?.kind === "intake") {
    const procedure = picker[slip.input.agencyId]?.find((p) => p.procedureVersionId === slip.input.procedureVersionId);
    return (
      <div className="space-y-4">
        <p className="print:hidden" role="status">
          {t("officer.offline.slip.queued")}
        </p>
        <ReceiptSlip entry={slip} me={me} procedure={procedure} />
      </div>
    );
  }

  const conflicts = entries.filter((e) => e.state === "conflict");
  const pending = entries.filter((e) => e.state !== "conflict");

  async function act(seq: number, what: "reapply" | "discard") {
    const db = offline.db;
    if (!db) return;
    setBusy(seq);
    try {
      if (what === "discard") {
        if (!window.confirm(t("officer.offline.confirmDiscard"))) return;
        await discardEntry(db, seq);
      } else {
        const entry = entries?.find((e) => e.seq === seq);
        const cached = entry?.kind === "act" ? await db.get("dossiers", entry.dossierId) : undefined;
        // On the newest state the officer has seen: the conflict's, or the copy refreshed since.
        const seen = Math.max(cached?.detail.version ?? 0, entry?.serverState?.version ?? 0);
        await reapplyEntry(db, seq, seen > 0 ? seen : undefined);
      }
      offline.notifyChanged();
      void offline.syncNow();
    } finally {
      setBusy(null);
    }
  }

  return (
    <div className="space-y-8">
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
                    <button type="button" className="btn-primary" disabled={busy === e.seq} onClick={() => void act(e.seq!, "reapply")} data-testid="reapply">
                      {t("officer.offline.reapply")}
                    </button>
                    <button
                      type="button"
                      disabled={busy === e.seq}
                      onClick={() => void act(e.seq!, "discard")}
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
                    <button type="button" disabled={busy === e.seq} onClick={() => void act(e.seq!, "discard")} className="text-sm font-semibold text-brand-700 underline">
                      {t("officer.offline.discard")}
                    </button>
                  )}
                </div>
              </li>
            ))}
          </ol>
        )}
      </section>
    </div>
  );
}

function EntryLine({ entry }: { entry: OutboxEntry }) {
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
