// The scaffolding of the administration's list pages (agencies, users, procedures, audit): the
// heading with its action, the GET filter form and its inputs, the table, badges, the next-page
// link. Server components without hooks: the filters work without JavaScript.
import Link from "next/link";
import type { ReactNode } from "react";

export function ListHeading({ title, action }: { title: string; action?: { href: string; label: string } | null }) {
  return (
    <div className="flex flex-wrap items-center justify-between gap-3">
      <h1 className="text-3xl text-brand-800">{title}</h1>
      {action && (
        <Link href={action.href} className="btn-primary no-underline hover:text-white">
          {action.label}
        </Link>
      )}
    </div>
  );
}

/** A read-only view's explanation (the viewer may look, not change). */
export function ReadOnlyNotice({ children }: { children: ReactNode }) {
  return <p className="rounded border-l-4 border-gold-500 bg-gold-100 px-3 py-2 text-gold-800">{children}</p>;
}

/** Filters sent as the page's query string (GET), so a filtered list is a link. */
export function FilterForm({ label, submitLabel, search = true, after, children }: { label: string; submitLabel: string; search?: boolean; after?: ReactNode; children: ReactNode }) {
  return (
    <form method="get" {...(search ? { role: "search" } : {})} className="card flex flex-wrap items-end gap-3" aria-label={label}>
      {children}
      <button type="submit" className="btn-primary">
        {submitLabel}
      </button>
      {after}
    </form>
  );
}

export function FilterText({
  name,
  label,
  value,
  placeholder,
  className = "min-w-64 flex-1",
  inputClassName = "field-input",
}: {
  name: string;
  label: string;
  value: string;
  placeholder?: string;
  className?: string;
  inputClassName?: string;
}) {
  return (
    <label className={className}>
      <span className="field-label">{label}</span>
      <input name={name} defaultValue={value} className={inputClassName} placeholder={placeholder} />
    </label>
  );
}

/** A choice with an "all" option first (the empty value: no filter). */
export function FilterSelect({
  name,
  label,
  value,
  allLabel,
  options,
  className = "field-input",
}: {
  name: string;
  label: string;
  value: string | undefined;
  allLabel: string;
  options: readonly { value: string; label: string }[];
  className?: string;
}) {
  return (
    <label>
      <span className="field-label">{label}</span>
      <select name={name} defaultValue={value ?? ""} className={className}>
        <option value="">{allLabel}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}

export interface Column {
  label: string;
  /** Named for screen readers only (an actions column). */
  hidden?: boolean;
}

/** The list's table: one header row, then a row per item; `empty` is said instead when there is none. */
export function DataTable<T>({ columns, rows, empty, children }: { columns: readonly Column[]; rows: readonly T[]; empty?: string; children: (row: T) => ReactNode }) {
  if (rows.length === 0 && empty !== undefined) return <p role="status">{empty}</p>;
  return (
    <div className="overflow-x-auto rounded border border-line bg-white">
      <table className="w-full text-left text-sm">
        <thead className="bg-paper">
          <tr>
            {columns.map((c) => (
              <th key={c.label} scope="col" className="px-3 py-2">
                {c.hidden ? <span className="sr-only">{c.label}</span> : c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{rows.map(children)}</tbody>
      </table>
    </div>
  );
}

const BADGE_TONES = { muted: "bg-ink-600 text-white", brand: "bg-brand-100 text-brand-800", gold: "bg-gold-100 text-gold-800" } as const;

export function Badge({ tone, className = "", children }: { tone: keyof typeof BADGE_TONES; className?: string; children: ReactNode }) {
  return <span className={`${className} rounded px-1.5 py-0.5 text-xs font-semibold ${BADGE_TONES[tone]}`.trim()}>{children}</span>;
}

/** `path?query` with the filters that have a value, in the order given. */
export function listHref(path: string, params: Record<string, string | null | undefined>): string {
  const query = new URLSearchParams(Object.entries(params).filter((e): e is [string, string] => Boolean(e[1])));
  return `${path}?${query}`;
}

export function NextPageLink({ href, label }: { href: string | null; label: string }) {
  if (!href) return null;
  return (
    <p>
      <Link href={href}>{label}</Link>
    </p>
  );
}
