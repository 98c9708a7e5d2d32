"use client";

// Registers the service worker and tracks a new version waiting to take over. The new version only
// takes over when the officer says so (SKIP_WAITING), and the outbox lives in IndexedDB, so the
// reload loses no queued work. The banner offering it is the workspace's (app/officer).
import { useCallback, useEffect, useRef, useState } from "react";
import { SW_MESSAGES } from "./sw-contract";

export interface ServiceWorkerUpdate {
  /** A new version is installed and waiting. */
  waiting: boolean;
  /** Lets the waiting version take over; the page reloads when it controls it. */
  activate: () => void;
}

export function useServiceWorkerUpdate(): ServiceWorkerUpdate {
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

  const activate = useCallback(() => {
    if (!waiting) return;
    reloading.current = true;
    waiting.postMessage({ type: SW_MESSAGES.skipWaiting });
  }, [waiting]);

  return { waiting: waiting !== null, activate };
}
