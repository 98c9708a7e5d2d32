"use client";

// Inactivity reset for the self-service screens. After `idleSeconds` without a touch, key or scroll
// (a warning with a countdown for the last `warnSeconds`), it clears every form, the browser's
// storage for this site, signs out and returns to /kiosk. It also marks the browser as a kiosk
// (cookie `kiosk=1`), so pages outside /kiosk (sign-in, online submission) reset the same way.
import { useCallback, useEffect, useRef, useState } from "react";
import { endKioskSession } from "./actions";
import { KIOSK_COOKIE } from "./config";


/** One active timer per page, whichever layout mounted it first (the root layout's or the kiosk's). */
let activeInstance: symbol | null = null;

export interface KioskSessionLabels {
  title: string;
  /** With "{seconds}". */
  body: string;
  stay: string;
}

export function KioskSession({ idleSeconds, warnSeconds, labels, markKiosk = false }: { idleSeconds: number; warnSeconds: number; labels: KioskSessionLabels; markKiosk?: boolean }) {
  const [remaining, setRemaining] = useState<number | null>(null);
  const [self] = useState(() => Symbol("kiosk-session"));
  const lastActivity = useRef(0);
  const resetting = useRef(false);
  const stayButton = useRef<HTMLButtonElement>(null);

  const reset = useCallback(async () => {
    if (resetting.current) return;
    resetting.current = true;
    for (const form of Array.from(document.forms)) form.reset();
    for (const input of Array.from(document.querySelectorAll<HTMLInputElement>("input[type=file]"))) input.value = "";
    try {
      sessionStorage.clear();
      localStorage.clear();
    } catch {
      // Storage may be disabled; nothing to clear then.
    }
    try {
      await endKioskSession();
    } catch {
      // Offline or the server is down: still leave the screen; the session expires on its own.
    }
    // A full load: nothing typed survives in memory or in the back/forward cache.
    window.location.replace("/kiosk");
  }, []);

  useEffect(() => {
    if (markKiosk) document.cookie = `${KIOSK_COOKIE}=1; path=/; SameSite=Lax`;
    if (activeInstance && activeInstance !== self) return;
    activeInstance = self;
    lastActivity.current = Date.now();
    const onActivity = () => {
      lastActivity.current = Date.now();
      setRemaining(null);
    };
    const events = ["pointerdown", "keydown", "touchstart", "scroll", "input", "wheel"] as const;
    for (const e of events) window.addEventListener(e, onActivity, { passive: true, capture: true });
    const timer = window.setInterval(() => {
      const left = Math.ceil(idleSeconds - (Date.now() - lastActivity.current) / 1000);
      if (left <= 0) void reset();
      else setRemaining(left <= warnSeconds ? left : null);
    }, 1000);
    return () => {
      for (const e of events) window.removeEventListener(e, onActivity, { capture: true });
      window.clearInterval(timer);
      if (activeInstance === self) activeInstance = null;
    };
  }, [idleSeconds, warnSeconds, markKiosk, reset, self]);

  const warning = remaining !== null;
  useEffect(() => {
    if (warning) stayButton.current?.focus();
  }, [warning]);

  if (!warning) return null;
  return (
    <div className="fixed inset-0 z-50 flex items-center justify-center bg-ink-900/70 p-4 print:hidden">
      <div role="alertdialog" aria-modal="true" aria-labelledby="kiosk-idle-title" aria-describedby="kiosk-idle-body" className="w-full max-w-lg rounded-lg bg-white p-6 text-center shadow-xl" data-testid="kiosk-idle">
        <h2 id="kiosk-idle-title" className="text-2xl text-brand-800">
          {labels.title}
        </h2>
        <p id="kiosk-idle-body" className="mt-3 text-xl" aria-live="polite">
          {labels.body.replace("{seconds}", String(remaining))}
        </p>
        <button ref={stayButton} type="button" className="btn-primary mt-6 min-h-14 w-full text-xl" onClick={() => setRemaining(null)} data-testid="kiosk-stay">
          {labels.stay}
        </button>
      </div>
    </div>
  );
}
