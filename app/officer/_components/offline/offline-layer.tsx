import type { ReactNode } from "react";
import { OfflineProvider, type OfflineMode } from "~/app/_offline/provider";
import { ServiceWorkerUpdateBanner } from "./sw-update-banner";
import { SyncStatus } from "./sync-status";

/**
 * The offline layer of the workspace, live or in the offline shell: this officer's outbox and
 * offline copy (app/_offline), the service worker with its update banner, and the sync status bar.
 */
export function OfflineLayer({ userId, mode = "live", children }: { userId: string; mode?: OfflineMode; children: ReactNode }) {
  return (
    <OfflineProvider userId={userId} mode={mode}>
      <ServiceWorkerUpdateBanner />
      <SyncStatus />
      {children}
    </OfflineProvider>
  );
}
