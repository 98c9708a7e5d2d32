"use client";

// Small pieces shared by the administration's forms: reading a refused call's field errors (or a
// form's own check of the same schema), a labelled field with its hint and error, a status line.
import { TRPCClientError } from "@trpc/client";
import type { ReactNode } from "react";
import { set, type FieldErrors as FormErrors, type FieldValues, type Resolver } from "react-hook-form";
import type { z } from "zod";
import type { MessageKey, TFunction } from "~/server/i18n/core";
import { fieldErrorsOf } from "~/server/validation";

export const BUTTON_SECONDARY =
  "inline-flex items-center justify-center rounded border-2 border-brand-700 bg-white px-3 py-1.5 text-sm font-semibold text-brand-700 hover:bg-brand-50 disabled:cursor-not-allowed disabled:opacity-60";
export const BUTTON_DANGER =
  "inline-flex items-center justify-center rounded border-2 border-brand-800 bg-white px-3 py-1.5 text-sm font-semibold text-brand-800 hover:bg-brand-100 disabled:cursor-not-allowed disabled:opacity-60";
export const BUTTON_SMALL = "rounded border border-brand-700 bg-white px-2 py-0.5 text-sm font-semibold text-brand-700 hover:bg-brand-50 disabled:opacity-50";

/** Reason codes the admin module answers with, translated under admin.fieldErrors. */
const KNOWN_CODES = [
  "CODE_TAKEN",
  "CODE_USED",
  "EMAIL_TAKEN",
  "PHONE_TAKEN",
  "PHONE_FORMAT",
  "TOO_SHORT",
  "TOO_LONG",
  "NEEDS_LETTER_AND_DIGIT",
  "SAME_AS_IDENTIFIER",
  "SELF",
  "SELF_LOCKOUT",
  "EXISTS",
  "NOT_WEEKEND",
  "DATE",
  "BEFORE_PREVIOUS",
  "ALLOWANCE_EXCEEDS_LIMIT",
  "AGENCY_UNKNOWN",
  "SECTOR_UNKNOWN",
  "PERIODS_OVERLAP",
  "PERIOD_REVERSED",
] as const;

export interface CallError {
  /** Translated by the server (errors.<code>). */
  message: string;
  /** Field path → translated problem. */
  fields: Record<string, string>;
  appCode: string | null;
  details: Record<string, unknown> | null;
}

export function translateFieldProblem(t: TFunction, problem: string): string {
  return (KNOWN_CODES as readonly string[]).includes(problem)
    ? t(`admin.fieldErrors.${problem as (typeof KNOWN_CODES)[number]}`)
    : t("admin.fieldErrors.invalid", { detail: problem });
}

/** What a refused call says, for a form: the message and the problems per field. */
export function callError(error: unknown, t: TFunction): CallError {
  const fields: Record<string, string> = {};
  if (error instanceof TRPCClientError) {
    const data = (error.data ?? {}) as {
      userMessage?: string;
      appCode?: string;
      details?: Record<string, unknown>;
      fieldErrors?: Record<string, string>;
    };
    // details.fieldErrors: modules not yet on AppError.fieldErrors (server/errors.ts).
    const domain = { ...((data.details?.fieldErrors ?? {}) as Record<string, string>), ...(data.fieldErrors ?? {}) };
    for (const [path, problem] of Object.entries(domain)) fields[path] = translateFieldProblem(t, String(problem));
    return { message: data.userMessage ?? t("errors.INTERNAL"), fields, appCode: data.appCode ?? null, details: data.details ?? null };
  }
  return { message: t("errors.INTERNAL"), fields, appCode: null, details: null };
}

/**
 * A react-hook-form resolver on a module's zod schema: the server's own check of the same input
 * (`fieldErrorsOf`, server/validation.ts), each problem on the field it names (a list's own problem
 * beside its items' under `root`, as react-hook-form nests them). The values go on unparsed: the
 * server parses them with the same schema.
 */
export function schemaResolver<V extends FieldValues>(schema: z.ZodType): Resolver<V> {
  return (values) => {
    const parsed = schema.safeParse(values);
    if (parsed.success) return { values, errors: {} };
    const problems = fieldErrorsOf(parsed.error.issues);
    const paths = Object.keys(problems);
    const errors = {};
    for (const path of paths) {
      const at = paths.some((p) => p.startsWith(`${path}.`)) ? `${path}.root` : path;
      set(errors, at, { type: problems[path], message: problems[path] });
    }
    return { values: {}, errors: errors as FormErrors<V> };
  };
}

/** A refusal by schemaResolver as a refused call reads: the same problem per field, the same messages. */
export function formCallError(errors: FormErrors, t: TFunction): CallError {
  const fields: Record<string, string> = {};
  const walk = (node: unknown, path: string[]) => {
    if (!node || typeof node !== "object") return;
    const { type } = node as { type?: unknown };
    if (typeof type === "string") {
      fields[path.join(".") || "form"] ??= translateFieldProblem(t, type);
      return;
    }
    // `ref` is the input element itself.
    for (const [key, child] of Object.entries(node)) if (key !== "ref") walk(child, key === "root" ? path : [...path, key]);
  };
  walk(errors, []);
  return { message: t("errors.VALIDATION"), fields, appCode: "VALIDATION", details: null };
}

export function Field({
  id,
  label,
  hint,
  error,
  children,
  className = "",
}: {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  children: ReactNode;
  className?: string;
}) {
  return (
    <div className={`mb-4 ${className}`}>
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      {hint && (
        <span id={`${id}-hint`} className="field-hint">
          {hint}
        </span>
      )}
      {children}
      {error && (
        <p id={`${id}-error`} className="mt-1 font-semibold text-brand-700" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

/** aria attributes of an input inside Field. */
export function describedBy(id: string, opts: { hint?: boolean; error?: string }) {
  const ids = [opts.hint ? `${id}-hint` : null, opts.error ? `${id}-error` : null].filter(Boolean).join(" ");
  return { "aria-describedby": ids || undefined, "aria-invalid": opts.error ? true : undefined };
}

export function StatusLine({ kind, children }: { kind: "ok" | "error"; children: ReactNode }) {
  return kind === "ok" ? (
    <p role="status" className="rounded border-l-4 border-green-700 bg-green-50 px-3 py-2 text-green-900">
      {children}
    </p>
  ) : (
    <p role="alert" className="rounded border-l-4 border-brand-700 bg-brand-50 px-3 py-2 font-semibold text-brand-800">
      {children}
    </p>
  );
}

export function roleLabel(t: TFunction, role: string): string {
  return t(`roles.${role}` as MessageKey);
}
