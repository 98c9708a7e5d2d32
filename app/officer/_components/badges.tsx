import type { TWorklistItem } from "~/server/modules/dossier/schema";
import type { TFunction } from "~/server/i18n/core";

type DossierStatus = TWorklistItem["status"];

const STATUS_STYLE: Record<DossierStatus, string> = {
  NEW: "border-sky-700 bg-sky-50 text-sky-900",
  RECEIVED: "border-sky-700 bg-sky-50 text-sky-900",
  PROCESSING: "border-indigo-700 bg-indigo-50 text-indigo-900",
  SUPPLEMENT_REQUESTED: "border-gold-800 bg-gold-100 text-gold-800",
  AWAITING_FEE: "border-gold-800 bg-gold-100 text-gold-800",
  PROCESSED: "border-emerald-800 bg-emerald-50 text-emerald-900",
  RETURNED: "border-emerald-800 bg-emerald-50 text-emerald-900",
  REFUSED: "border-ink-600 bg-stone-100 text-ink-900",
  WITHDRAWN: "border-ink-600 bg-stone-100 text-ink-900",
  STOPPED: "border-ink-600 bg-stone-100 text-ink-900",
};

/** The status as text (colour only repeats it). */
export function StatusBadge({ status, t }: { status: DossierStatus; t: TFunction }) {
  return (
    <span data-status={status} className={`inline-block rounded border px-2 py-0.5 text-sm font-semibold ${STATUS_STYLE[status]}`}>
      {t(`status.${status}`)}
    </span>
  );
}

/** "Quá hạn" / "Sắp đến hạn" as words with a symbol, never colour alone. */
export function DeadlineBadge({ overdue, dueSoon, t }: { overdue: boolean; dueSoon: boolean; t: TFunction }) {
  if (overdue) {
    return (
      <span data-deadline="overdue" className="inline-flex items-center gap-1 rounded border border-brand-800 bg-brand-700 px-2 py-0.5 text-sm font-bold whitespace-nowrap text-white">
        <span aria-hidden="true">!</span>
        {t("officer.deadline.overdue")}
      </span>
    );
  }
  if (dueSoon) {
    return (
      <span data-deadline="due-soon" className="inline-flex items-center gap-1 rounded border border-gold-800 bg-gold-100 px-2 py-0.5 text-sm font-bold whitespace-nowrap text-gold-800">
        <span aria-hidden="true">◷</span>
        {t("officer.deadline.dueSoon")}
      </span>
    );
  }
  return null;
}

export function Notice({ children, tone = "info" }: { children: React.ReactNode; tone?: "info" | "error" | "success" }) {
  const style =
    tone === "error"
      ? "border-brand-700 bg-brand-50 text-brand-900"
      : tone === "success"
        ? "border-emerald-700 bg-emerald-50 text-emerald-900"
        : "border-gold-500 bg-gold-100 text-gold-800";
  return (
    <div role={tone === "error" ? "alert" : "status"} className={`rounded border-l-4 px-4 py-3 ${style}`}>
      {children}
    </div>
  );
}
