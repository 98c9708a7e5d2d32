// The one input parser. Domain functions check their input themselves (pages, jobs and tests call
// them without the router), tRPC procedures validate with the same schemas, and the no-JavaScript
// forms read the same shape of answer: AppError("VALIDATION") with `fieldErrors` (see errors.ts).
// Isomorphic: browser forms read a failed parse of the same schemas with `fieldErrorsOf`.
import type { z } from "zod";
import { AppError, type FieldErrors } from "./errors";

interface Issue {
  readonly path: ReadonlyArray<PropertyKey | { key: PropertyKey }>;
  readonly message: string;
  readonly code?: string;
}

/** A schema's own message is a problem code (`EMAIL_TAKEN`) or a message key (`eform.required`). */
const OWN_MESSAGE = /^(?:[A-Z][A-Z0-9_]*|[a-z][A-Za-z0-9]*(?:\.[A-Za-z0-9_]+)+)$/;

/** The problem an issue reports: the schema's own message, else the validator's issue code (never zod's English sentence). */
export function problemOf(issue: Issue): string {
  return OWN_MESSAGE.test(issue.message) ? issue.message : (issue.code ?? "invalid");
}

function segment(p: PropertyKey | { key: PropertyKey }): string {
  return String(typeof p === "object" && p !== null ? p.key : p);
}

/** Field path → first problem, from a failed parse (paths joined with dots, `prefix` in front; "form" for the whole input). */
export function fieldErrorsOf(issues: ReadonlyArray<Issue>, prefix = ""): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of issues) {
    const path = [prefix, ...issue.path.map(segment)].filter(Boolean).join(".") || "form";
    out[path] ??= problemOf(issue);
  }
  return out;
}

/** The typed value of `raw`, or AppError("VALIDATION") with `fieldErrors`. */
export function parseInput<S extends z.ZodType>(schema: S, raw: unknown): z.output<S> {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const fieldErrors = fieldErrorsOf(parsed.error.issues);
  throw new AppError("VALIDATION", { message: `invalid input: ${JSON.stringify(fieldErrors)}`, fieldErrors });
}
