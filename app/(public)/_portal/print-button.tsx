"use client";

import { useEffect, useState } from "react";

/** Prints the page; rendered only once JavaScript runs (without it the browser's own print works). */
export function PrintButton({ label, className }: { label: string; className?: string }) {
  const [ready, setReady] = useState(false);
  // eslint-disable-next-line react-hooks/set-state-in-effect -- the button exists only where scripts run
  useEffect(() => setReady(true), []);
  if (!ready) return null;
  return (
    <button type="button" onClick={() => window.print()} className={className ?? "btn-primary min-h-11 print:hidden"} data-testid="print">
      {label}
    </button>
  );
}
