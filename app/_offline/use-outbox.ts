"use client";

// The outbox as React state, and the officer's two decisions on an entry: apply it again (on the
// newest state they have seen) or give it up.
import { useCallback, useEffect, useState } from "react";
import { discardEntry, listOutbox, reapplyEntry } from "./outbox";
import { useOffline } from "./provider";
import { kvGet, type CachedMe, type OutboxEntry } from "./store";

/** Every entry not yet on the server, oldest first (null while loading), and the officer as cached. */
export function useOutboxEntries(): { entries: OutboxEntry[] | null; me: CachedMe | undefined } {
  const { db, revision } = useOffline();
  const [state, setState] = useState<{ entries: OutboxEntry[] | null; me: CachedMe | undefined }>({ entries: null, me: undefined });
  useEffect(() => {
    if (!db) return;
    let live = true;
    void Promise.all([listOutbox(db), kvGet(db, "me")]).then(([entries, me]) => {
      if (live) setState({ entries, me });
    });
    return () => {
      live = false;
    };
  }, [db, revision]);
  return state;
}

export function useOutboxCommands(): { reapply: (seq: number) => Promise<void>; discard: (seq: number) => Promise<void> } {
  const offline = useOffline();
  const { db, notifyChanged, syncNow } = offline;

  const done = useCallback(() => {
    notifyChanged();
    void syncNow();
  }, [notifyChanged, syncNow]);

  const reapply = useCallback(
    async (seq: number) => {
      if (!db) return;
      const entry = await db.get("outbox", seq);
      const cached = entry?.kind === "act" ? await db.get("dossiers", entry.dossierId) : undefined;
      // On the newest state the officer has seen: the conflict's, or the copy refreshed since.
      const seen = Math.max(cached?.detail.version ?? 0, entry?.serverState?.version ?? 0);
      await reapplyEntry(db, seq, seen > 0 ? seen : undefined);
      done();
    },
    [db, done],
  );

  const discard = useCallback(
    async (seq: number) => {
      if (!db) return;
      await discardEntry(db, seq);
      done();
    },
    [db, done],
  );

  return { reapply, discard };
}
