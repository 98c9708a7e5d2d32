"use client";

// The offline shell's client side: whose workspace this device holds (the device database says;
// nothing if they signed out), then the workspace's screen for the address the officer asked for,
// fed by the device's copy.
import { useEffect, useState } from "react";
import { useT } from "~/app/_components/i18n-provider";
import { shellRouteOf, type ShellRoute } from "~/app/_offline/shell-route";
import { getCurrentUserId } from "~/app/_offline/store";
import { Notice } from "../_components/badges";
import { OfflineLayer } from "../_components/offline/offline-layer";
import { OutboxView } from "../_components/outbox/outbox-view";
import { OfflineDossier } from "./offline-dossier";
import { OfflineIntake } from "./offline-intake";
import { OfflineWorklist } from "./offline-worklist";

export function OfflineApp() {
  const t = useT();
  const [state, setState] = useState<{ userId: string | null; route: ShellRoute } | null>(null);

  useEffect(() => {
    void getCurrentUserId().then((userId) => setState({ userId, route: shellRouteOf(window.location.pathname, window.location.search) }));
  }, []);

  if (!state) return <p className="px-4 py-6">{t("officer.offline.loading")}</p>;
  if (!state.userId) {
    return (
      <div className="mx-auto max-w-3xl space-y-3 px-4 py-8">
        <Notice>{t("officer.offline.noWorkspace")}</Notice>
        <a href="/sign-in?callbackUrl=/officer" className="font-semibold">
          {t("common.signIn")}
        </a>
      </div>
    );
  }
  const { route } = state;
  return (
    <OfflineLayer userId={state.userId} mode="shell">
      <div className="space-y-4 px-4 py-6 md:px-6" data-testid="offline-shell">
        {/* Plain links: full navigations, which the service worker answers with this shell while offline. */}
        <nav aria-label={t("officer.nav.worklists")} className="flex flex-wrap gap-4 text-sm font-semibold">
          {/* eslint-disable-next-line @next/next/no-html-link-for-pages -- see above */}
          <a href="/officer/worklist/mine">{t("officer.views.mine")}</a>
          {/* eslint-disable-next-line @next/next/no-html-link-for-pages -- see above */}
          <a href="/officer/worklist/queue">{t("officer.views.queue")}</a>
          <a href="/officer/intake">{t("officer.nav.intake")}</a>
          <a href="/officer/outbox">{t("officer.offline.outboxNav")}</a>
        </nav>
        <p className="text-sm text-ink-600">{t("officer.offline.shellLead")}</p>
        {route.kind === "dossier" ? (
          <OfflineDossier dossierId={route.id} />
        ) : route.kind === "intake" ? (
          <OfflineIntake />
        ) : route.kind === "outbox" ? (
          <OutboxView slipSeq={route.slip} />
        ) : (
          <OfflineWorklist view={route.view} />
        )}
      </div>
    </OfflineLayer>
  );
}
