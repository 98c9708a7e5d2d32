"use client";

// The offline shell's client side: whose workspace this device holds (the device database says;
// nothing if they signed out), then the view for the address the officer asked for.
import { useEffect, useState } from "react";
import { useT } from "~/app/_components/i18n-provider";
import { Notice } from "~/app/officer/_components/badges";
import { OfflineDossier, OfflineIntake, OfflineWorklist } from "./offline-views";
import { OutboxView } from "./outbox-view";
import { OfflineProvider } from "./provider";
import { getCurrentUserId } from "./store";
import { ServiceWorkerRegistration } from "./sw-registration";
import { SyncStatus } from "./sync-status";

type Route =
  | { kind: "worklist"; view: string }
  | { kind: "dossier"; id: string }
  | { kind: "intake" }
  | { kind: "outbox"; slip: number | null };

/** /officer/… as the shell can show it offline. */
export function routeOf(pathname: string, search: string): Route {
  const parts = pathname.replace(/\/+$/, "").split("/").filter(Boolean);
  if (parts[1] === "dossiers" && parts[2]) return { kind: "dossier", id: decodeURIComponent(parts[2]) };
  if (parts[1] === "intake") return { kind: "intake" };
  if (parts[1] === "outbox") {
    const slip = Number(new URLSearchParams(search).get("slip"));
    return { kind: "outbox", slip: Number.isInteger(slip) && slip > 0 ? slip : null };
  }
  if (parts[1] === "worklist" && parts[2]) return { kind: "worklist", view: parts[2] };
  return { kind: "worklist", view: "mine" };
}

export function OfflineApp() {
  const t = useT();
  const [state, setState] = useState<{ userId: string | null; route: Route } | null>(null);

  useEffect(() => {
    void getCurrentUserId().then((userId) => setState({ userId, route: routeOf(window.location.pathname, window.location.search) }));
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
    <OfflineProvider userId={state.userId} mode="shell">
      <ServiceWorkerRegistration />
      <SyncStatus />
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
    </OfflineProvider>
  );
}
