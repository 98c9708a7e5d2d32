import type { ReactNode } from "react";

/** One titled card of the dossier screen (the heading names the region). */
export function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={`${id}-title`} className="card space-y-3">
      <h2 id={`${id}-title`} className="text-lg font-bold text-brand-800">
        {title}
      </h2>
      {children}
    </section>
  );
}

/** A label and its value in a description list; "—" when there is no value. */
export function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="contents">
      <dt className="text-ink-600">{label}</dt>
      <dd className="break-words">{children ?? "—"}</dd>
    </div>
  );
}

export const dlClass = "grid gap-x-4 gap-y-1 sm:grid-cols-[minmax(9rem,14rem)_1fr]";
