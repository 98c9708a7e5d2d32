"use client";

// Always on screen in the officer workspace: connected or not, when the device last synced, how
// many actions wait in the outbox and how many need the officer (conflicts), with a link to them.
import { useT } from "~/app/_components/i18n-provider";
import { useOffline } from "~/app/_offline/provider";
import { formatDateTime } from "../../_lib/format";

export function SyncStatus() {
  const t = useT();
  const { status, syncNow, mode, db } = useOffline();
  const { online, counts, lastSyncAt, syncing, needsSignIn, lastError } = status;
  const pending = counts.waiting + counts.sending + counts.failed;

  return (
    <div
      role="status"
      aria-live="polite"
      data-testid="sync-status"
      data-online={online ? "true" : "false"}
      data-pending={pending}
      data-conflicts={counts.conflict}
      className={`flex flex-wrap items-center gap-x-4 gap-y-1 border-b px-4 py-2 text-sm md:px-6 ${online ? "border-line bg-paper" : "border-gold-800 bg-gold-100 text-gold-800"}`}
    >
      <span className="font-semibold" data-testid="sync-online">
        <span aria-hidden="true">{online ? "● " : "○ "}</span>
        {online ? t("officer.offline.online") : t("officer.offline.offline")}
      </span>
      <span data-testid="sync-last">
        {lastSyncAt ? t("officer.offline.lastSync", { at: formatDateTime(lastSyncAt) }) : t("officer.offline.neverSynced")}
      </span>
      <a href="/officer/outbox" data-testid="sync-outbox-link" className="font-semibold">
        {t("officer.offline.outboxLink", { count: pending })}
      </a>
      {counts.conflict > 0 && (
        <a href="/officer/outbox#conflicts" data-testid="sync-conflicts-link" className="rounded bg-brand-700 px-2 py-0.5 font-semibold text-white no-underline hover:text-white">
          {t("officer.offline.conflictsLink", { count: counts.conflict })}
        </a>
      )}
      {needsSignIn && (
        <a href={`/sign-in?callbackUrl=${encodeURIComponent("/officer/outbox")}`} className="font-semibold text-brand-700">
          {t("officer.offline.signInAgain")}
        </a>
      )}
      {online && !needsSignIn && lastError && !syncing && <span className="text-brand-700">{t("officer.offline.syncFailed")}</span>}
      <span className="ml-auto flex items-center gap-2">
        {syncing && <span>{t("officer.offline.syncing")}</span>}
        {online && db && (
          <button type="button" onClick={() => void syncNow({ force: true })} disabled={syncing} className="rounded border border-brand-700 px-2 py-0.5 font-semibold text-brand-700">
            {t("officer.offline.syncNow")}
          </button>
        )}
        {online && mode === "shell" && (
          <button type="button" onClick={() => window.location.reload()} className="rounded bg-brand-700 px-2 py-0.5 font-semibold text-white">
            {t("officer.offline.backOnline")}
          </button>
        )}
      </span>
    </div>
  );
}
