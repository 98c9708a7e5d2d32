// Form fields with their label, hint and error wired for assistive technology: the error is
// announced with the field (aria-describedby) and the field says it is invalid (aria-invalid).
// No hooks: usable from server and client components.
import type { InputHTMLAttributes, ReactNode } from "react";

export interface FieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, "id" | "name"> {
  id: string;
  name: string;
  label: string;
  hint?: string;
  error?: string | null;
  requiredMark?: string;
  large?: boolean;
}

export function describedBy(id: string, hint?: string, error?: string | null): string | undefined {
  const ids = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean);
  return ids.length > 0 ? ids.join(" ") : undefined;
}

export function FieldError({ id, error }: { id: string; error?: string | null }) {
  if (!error) return null;
  return (
    <span id={`${id}-error`} className="mt-1 block font-semibold text-brand-800" data-testid={`${id}-error`}>
      <span aria-hidden="true">⚠ </span>
      {error}
    </span>
  );
}

export function TextField({ id, name, label, hint, error, requiredMark, large, className, ...input }: FieldProps) {
  return (
    <div>
      <label htmlFor={id} className="field-label">
        {label}
        {input.required && requiredMark ? <span className="ml-1 font-normal text-ink-600">{requiredMark}</span> : null}
      </label>
      {hint && (
        <span id={`${id}-hint`} className="field-hint">
          {hint}
        </span>
      )}
      <input
        id={id}
        name={name}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        className={`field-input ${large ? "min-h-14 text-xl" : "min-h-11"} ${error ? "border-brand-700" : ""} ${className ?? ""}`}
        {...input}
      />
      <FieldError id={id} error={error} />
    </div>
  );
}

/** The list of problems at the top of a form, each linking to its field. */
export function ErrorSummary({ title, errors, labels }: { title: string; errors: Record<string, string>; labels: Record<string, { id: string; label: string }> }): ReactNode {
  const order = Object.keys(labels);
  const rank = (field: string) => (order.includes(field) ? order.indexOf(field) : order.length);
  const entries = Object.entries(errors)
    .filter(([field]) => field in labels || field === "form")
    .sort(([a], [b]) => rank(a) - rank(b));
  if (entries.length === 0) return null;
  return (
    <div role="alert" className="rounded border-l-4 border-brand-700 bg-brand-50 px-4 py-3 text-brand-900" data-testid="form-errors">
      <p className="font-bold">{title}</p>
      <ul className="ml-5 mt-1 list-disc">
        {entries.map(([field, message]) =>
          labels[field] ? (
            <li key={field}>
              <a href={`#${labels[field].id}`} className="text-brand-900">
                {labels[field].label}: {message}
              </a>
            </li>
          ) : (
            <li key={field}>{message}</li>
          ),
        )}
      </ul>
    </div>
  );
}
