"use client";

// The officer's copy on this device, as React state: worklists and dossiers as last synced (a
// dossier with the actions waiting in the outbox applied as a preview), cached files, the desk's
// procedure lists. Each hook re-reads when the offline layer says something changed (`revision`).
import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useMemo, useState } from "react";
import { useTRPC } from "~/app/_trpc/react";
import type { TPickerProcedure } from "~/server/modules/dossier/schema";
import { applyPending, type OptimisticDossier } from "./optimistic";
import { entriesFor } from "./outbox";
import { useOffline } from "./provider";
import { kvGet, type CachedDossier, type CachedMe, type CachedWorklist } from "./store";

/** The signed-in officer as last synced; null while loading, undefined when never synced. */
export function useCachedMe(): CachedMe | undefined | null {
  const { db, revision } = useOffline();
  const [me, setMe] = useState<CachedMe | undefined | null>(null);
  useEffect(() => {
    if (db) void kvGet(db, "me").then(setMe);
  }, [db, revision]);
  return me;
}

/** One worklist view (undefined while loading, null when not cached) and the views the device holds. */
export function useCachedWorklist(view: string): { list: CachedWorklist | null | undefined; views: string[] } {
  const { db, revision } = useOffline();
  const [list, setList] = useState<CachedWorklist | null | undefined>(undefined);
  const [views, setViews] = useState<string[]>([]);
  useEffect(() => {
    if (!db) return;
    void db.get("worklists", view).then((l) => setList(l ?? null));
    void db.getAllKeys("worklists").then(setViews);
  }, [db, view, revision]);
  return { list, views };
}

/**
 * One dossier as last synced (undefined while loading, null when not cached) and the preview with
 * its pending actions applied. The assignee lists cached with it answer the action forms' queries.
 */
export function useCachedDossier(dossierId: string): { cached: CachedDossier | null | undefined; preview: OptimisticDossier | null } {
  const { db, revision } = useOffline();
  const me = useCachedMe();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [state, setState] = useState<{ cached: CachedDossier | null | undefined; preview: OptimisticDossier | null }>({ cached: undefined, preview: null });

  useEffect(() => {
    if (!db || me === null) return;
    let live = true;
    void (async () => {
      const cached = (await db.get("dossiers", dossierId)) ?? null;
      const entries = await entriesFor(db, dossierId);
      if (live) setState({ cached, preview: cached ? applyPending(cached.detail, entries, me) : null });
    })();
    return () => {
      live = false;
    };
  }, [db, dossierId, revision, me]);

  const cached = state.cached;
  useEffect(() => {
    if (!cached) return;
    for (const [order, list] of Object.entries(cached.assignees)) {
      queryClient.setQueryData(trpc.dossier.assignees.queryKey({ dossierId, stepOrder: Number(order) }), list as never);
    }
  }, [cached, dossierId, queryClient, trpc]);

  return state;
}

/** Object URLs of the dossier's files cached on the device, by attachment id (revoked on change). */
export function useCachedAttachmentUrls(dossierId: string): Record<string, string> {
  const { db, revision } = useOffline();
  const [files, setFiles] = useState<Record<string, string>>({});
  useEffect(() => {
    if (!db) return;
    const urls: string[] = [];
    void db.getAllFromIndex("attachments", "byDossier", dossierId).then((list) => {
      const map: Record<string, string> = {};
      for (const a of list) {
        const url = URL.createObjectURL(a.blob);
        urls.push(url);
        map[a.id] = url;
      }
      setFiles(map);
    });
    return () => urls.forEach((u) => URL.revokeObjectURL(u));
  }, [db, dossierId, revision]);
  return files;
}

/** Agencies where the officer works the reception desk (from the cached memberships). */
export function deskAgencyIds(me: CachedMe | undefined | null): string[] {
  return [...new Set((me?.memberships ?? []).filter((m) => m.role === "RECEPTION_OFFICER").map((m) => m.agencyId))];
}

/** The procedure picker of each desk agency as cached (null while loading). */
export function useCachedDeskPickers(me: CachedMe | undefined | null): Record<string, TPickerProcedure[]> | null {
  const { db, revision } = useOffline();
  const [pickers, setPickers] = useState<Record<string, TPickerProcedure[]> | null>(null);
  const desks = useMemo(() => deskAgencyIds(me), [me]);
  useEffect(() => {
    if (!db || desks.length === 0) return;
    void Promise.all(desks.map(async (a) => [a, ((await kvGet(db, `picker:${a}`)) ?? []) as TPickerProcedure[]] as const)).then((pairs) =>
      setPickers(Object.fromEntries(pairs)),
    );
  }, [db, desks, revision]);
  return pickers;
}

/** Offline intake: the cached pickers answer the intake form's procedure queries. */
export function useSeedProcedurePickers(pickers: Record<string, TPickerProcedure[]> | null): void {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  useEffect(() => {
    for (const [agencyId, list] of Object.entries(pickers ?? {})) {
      queryClient.setQueryData(trpc.dossier.procedurePicker.queryKey({ agencyId }), list as never);
    }
  }, [pickers, queryClient, trpc]);
}
