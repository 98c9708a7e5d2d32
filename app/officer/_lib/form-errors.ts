// The officer forms' one error path. A form is checked in the browser with the module's zod schema
// (the one the tRPC procedure validates with), and a failed parse gives the record the server would
// send (`fieldErrorsOf`: dotted path → problem); a refusal from the server carries that same record
// in `error.data.fieldErrors`. Both become react-hook-form errors the same way: each path on the form
// field it names, and one message for the form (`root.server`).
import { TRPCClientError } from "@trpc/client";
import type { FieldErrors as FormErrors, FieldValues, Path, Resolver } from "react-hook-form";
import type { z } from "zod";
import type { TFunction } from "~/server/i18n/core";
import type { FieldErrors } from "~/server/errors";
import { fieldErrorsOf } from "~/server/validation";

export type { FieldErrors };

/** A form field for a server path (null: the form has no field for it; only the message shows). */
export type FieldOf<V extends FieldValues> = (path: string) => Path<V> | null;

/** The server's wording of a validation failure (server/api/error-format.ts), for the same failure found in the browser. */
export function validationMessage(t: TFunction, fieldErrors: FieldErrors): string {
  const fields = Object.keys(fieldErrors).filter((f) => f !== "form");
  return fields.length > 0 ? t("errors.validationFields", { fields: fields.join(", ") }) : t("errors.VALIDATION");
}

/** What the server said when it refused a command: its translated message and the field problems. */
export function refusalOf(error: unknown): { message: string | null; fieldErrors: FieldErrors } {
  if (!(error instanceof TRPCClientError)) return { message: null, fieldErrors: {} };
  const data = error.data as { userMessage?: string; fieldErrors?: FieldErrors; details?: { field?: string } } | undefined;
  const fieldErrors: FieldErrors = { ...data?.fieldErrors };
  // Domain refusals may name the one field at fault in their details.
  if (typeof data?.details?.field === "string") fieldErrors[data.details.field] ??= "invalid";
  return { message: data?.userMessage ?? null, fieldErrors };
}

/** The form's errors for `fieldErrors`, with `message` for the whole form. */
export function formErrorsOf<V extends FieldValues>(fieldErrors: FieldErrors, fieldOf: FieldOf<V>, message: string): FormErrors<V> {
  const errors: Record<string, { type: string; message: string }> = {};
  for (const [path, problem] of Object.entries(fieldErrors)) {
    const field = fieldOf(path);
    if (field) errors[field] ??= { type: problem, message: problem };
  }
  return { ...errors, root: { server: { type: "server", message } } } as unknown as FormErrors<V>;
}

/** Puts a refusal on the form (react-hook-form's setError), like a failed check in the browser. */
export function showRefusal<V extends FieldValues>(
  setError: (name: Path<V> | `root.${string}`, error: { type: string; message: string }) => void,
  fieldErrors: FieldErrors,
  fieldOf: FieldOf<V>,
  message: string,
): void {
  for (const [path, problem] of Object.entries(fieldErrors)) {
    const field = fieldOf(path);
    if (field) setError(field, { type: problem, message: problem });
  }
  setError("root.server", { type: "server", message });
}

/** A failed check: the field problems and the form's message. */
export interface Rejection {
  fieldErrors: FieldErrors;
  message: string;
}

/** The command a form's values make, or why they make none (checked before the schema). */
export type Built<I> = { input: I } | { rejection: Rejection };

/**
 * A react-hook-form resolver that builds the command from the form's values (`build`, given the
 * form's context), checks it with the module's `schema`, and hands the command, unparsed (the
 * server parses it), to the submit handler.
 */
export function schemaResolver<V extends FieldValues, C extends { t: TFunction }, I>(opts: {
  schema: z.ZodType;
  build: (values: V, context: C) => Built<I>;
  fieldOf: (context: C) => FieldOf<V>;
}): Resolver<V, C, I> {
  return (values, context) => {
    if (!context) throw new Error("schemaResolver needs the form's context");
    const reject = ({ fieldErrors, message }: Rejection) => ({ values: {}, errors: formErrorsOf(fieldErrors, opts.fieldOf(context), message) });
    const built = opts.build(values, context);
    if ("rejection" in built) return reject(built.rejection);
    const parsed = opts.schema.safeParse(built.input);
    if (parsed.success) return { values: built.input, errors: {} };
    const fieldErrors = fieldErrorsOf(parsed.error.issues);
    return reject({ fieldErrors, message: validationMessage(context.t, fieldErrors) });
  };
}
