/// <reference lib="webworker" />
// The officer workspace's service worker. Built by workbox-webpack-plugin (InjectManifest, see
// next.config.js) into public/sw.js. It precaches the build's static files and the offline shell
// (a page with no user data: fetched without cookies), answers /officer navigations from the
// network and, offline, with the shell (which renders the officer's own IndexedDB copy), waits
// for the officer's go-ahead before a new version takes over, and sends the outbox through
// Background Sync where the browser has it.
import { clientsClaim } from "workbox-core";
import { addPlugins, cleanupOutdatedCaches, matchPrecache, precacheAndRoute } from "workbox-precaching";
import { NavigationRoute, registerRoute } from "workbox-routing";
import { SYNC_TAG_NAME, SHELL_PATH, SW_MESSAGES } from "../_offline/sw-contract";
import { getCurrentUserId, openOfficerDb } from "../_offline/store";
import { drainOutbox, withOutboxLock } from "../_offline/sync-engine";
import { createOfflineClient, outboxTransport } from "../_offline/transport";

declare const self: ServiceWorkerGlobalScope & { __WB_MANIFEST: Array<string | { url: string; revision: string | null }> };

// Navigations first (before precacheAndRoute): the network, and the shell when it is unreachable.
registerRoute(
  new NavigationRoute(
    async ({ request }) => {
      try {
        return await fetch(request);
      } catch {
        return (await matchPrecache(SHELL_PATH)) ?? Response.error();
      }
    },
    { allowlist: [/^\/officer(\/|$)/] },
  ),
);

// Precached files carry no session: the shell must never hold one officer's name for the next.
addPlugins([{ requestWillFetch: async ({ request }) => new Request(request, { credentials: "omit" }) }]);
precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();
clientsClaim();

// A new version waits until the officer chooses to reload (the outbox is in IndexedDB: nothing is lost).
self.addEventListener("message", (event) => {
  if ((event.data as { type?: string } | null)?.type === SW_MESSAGES.skipWaiting) void self.skipWaiting();
});

async function drainForCurrentOfficer(): Promise<void> {
  const userId = await getCurrentUserId();
  if (!userId) return;
  const db = await openOfficerDb(userId);
  try {
    const transport = outboxTransport(createOfflineClient(self.location.origin));
    const report = await withOutboxLock(userId, () => drainOutbox(db, transport, { force: true }));
    new BroadcastChannel("motcua-offline").postMessage({ type: "changed", userId });
    // Still unreachable: fail the sync event so the browser tries again later.
    if (report.stopped === "network") throw new Error("outbox: network still down");
  } finally {
    db.close();
  }
}

self.addEventListener("sync", (event) => {
  const syncEvent = event as ExtendableEvent & { tag?: string };
  if (syncEvent.tag === SYNC_TAG_NAME) syncEvent.waitUntil(drainForCurrentOfficer());
});
