import type { z } from "zod";
import { AppError } from "../../errors";

/**
 * Domain functions check their input themselves (pages, jobs and tests call them without the
 * router): a bad value is VALIDATION with details.fieldErrors (dotted path → first problem).
 */
export function parseInput<S extends z.ZodType>(schema: S, raw: unknown): z.output<S> {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const fieldErrors: Record<string, string> = {};
  for (const issue of parsed.error.issues) fieldErrors[issue.path.map(String).join(".") || "form"] ??= issue.message;
  throw new AppError("VALIDATION", { message: `invalid input: ${JSON.stringify(fieldErrors)}`, details: { fieldErrors } });
}

/** VALIDATION with the problem of each named field (details.fieldErrors), for checks beyond the schema. */
export function fieldErrors(errors: Record<string, string>, message: string): AppError {
  return new AppError("VALIDATION", { message, details: { fieldErrors: errors } });
}
