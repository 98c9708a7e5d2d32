import type { ReactNode } from "react";

/** A message box: errors are alerts (read at once), the rest statuses. Tone is also in words. */
export function Notice({ children, tone = "info", id, testId }: { children: ReactNode; tone?: "info" | "error" | "success"; id?: string; testId?: string }) {
  const style =
    tone === "error"
      ? "border-brand-700 bg-brand-50 text-brand-900"
      : tone === "success"
        ? "border-emerald-700 bg-emerald-50 text-emerald-900"
        : "border-gold-500 bg-gold-100 text-gold-800";
  return (
    <div id={id} role={tone === "error" ? "alert" : "status"} data-testid={testId} className={`rounded border-l-4 px-4 py-3 font-semibold ${style}`}>
      {children}
    </div>
  );
}
