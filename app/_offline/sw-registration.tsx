"use client";

// Registers the service worker and offers the reload when a new version is waiting. The new
// version only takes over when the officer says so (SKIP_WAITING), and the outbox lives in
// IndexedDB, so the reload loses no queued work.
import { useEffect, useRef, useState } from "react";
import { useT } from "~/app/_components/i18n-provider";
import { SW_MESSAGES } from "./sw-contract";

export function ServiceWorkerRegistration() {
  const t = useT();
  const [waiting, setWaiting] = useState<ServiceWorker | null>(null);
  const reloading = useRef(false);

  useEffect(() => {
    if (!("serviceWorker" in navigator)) return;
    let registration: ServiceWorkerRegistration | undefined;
    const track = (reg: ServiceWorkerRegistration) => {
      if (reg.waiting && navigator.serviceWorker.controller) setWaiting(reg.waiting);
      reg.addEventListener("updatefound", () => {
        const installing = reg.installing;
        installing?.addEventListener("statechange", () => {
          // "installed" with a controller in place: an update, not the first install.
          if (installing.state === "installed" && navigator.serviceWorker.controller) setWaiting(reg.waiting ?? installing);
        });
      });
    };
    navigator.serviceWorker
      .register("/sw.js", { scope: "/" })
      .then((reg) => {
        registration = reg;
        track(reg);
      })
      .catch((error: unknown) => console.warn("[sw] registration failed", error));
    const onControllerChange = () => {
      if (reloading.current) window.location.reload();
    };
    navigator.serviceWorker.addEventListener("controllerchange", onControllerChange);
    // Look for a new version now and then (long-open counter PCs).
    const timer = window.setInterval(() => void registration?.update().catch(() => undefined), 30 * 60_000);
    return () => {
      navigator.serviceWorker.removeEventListener("controllerchange", onControllerChange);
      window.clearInterval(timer);
    };
  }, []);

  if (!waiting) return null;
  return (
    <div role="alert" data-testid="sw-update" className="flex flex-wrap items-center gap-3 border-b border-brand-700 bg-brand-50 px-4 py-2 text-brand-900 md:px-6">
      <span className="font-semibold">{t("officer.offline.updateAvailable")}</span>
      <button
        type="button"
        className="btn-primary"
        onClick={() => {
          reloading.current = true;
          waiting.postMessage({ type: SW_MESSAGES.skipWaiting });
        }}
      >
        {t("officer.offline.updateReload")}
      </button>
    </div>
  );
}
