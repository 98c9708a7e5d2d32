// The field errors a form shows for an identity already registered: a unique violation on a user
// column (ID number, e-mail, phone) becomes that field's problem.
import { AppError } from "../../errors";
import type { FieldErrors } from "./schema";

export function fieldValidationError(message: string, fieldErrors: FieldErrors): AppError {
  return new AppError("VALIDATION", { message, details: { fieldErrors } });
}

/** A Prisma known-request error, as far as this file reads it (its code and metadata). */
interface PrismaKnownError {
  code: string;
  message: string;
  meta?: unknown;
}

/** Which unique column a P2002 hit, from the constraint's target or name. */
function uniqueTarget(error: PrismaKnownError): string {
  const meta = error.meta as { target?: unknown; driverAdapterError?: { cause?: { constraint?: { fields?: string[] } } } } | undefined;
  const target = meta?.target ?? meta?.driverAdapterError?.cause?.constraint?.fields;
  return Array.isArray(target) ? target.join(",") : String(target ?? error.message);
}

const UNIQUE_FIELD_ERRORS: Array<[column: string, field: string, reason: string]> = [
  ["idNumber", "idNumber", "ID_NUMBER_TAKEN"],
  ["email", "email", "EMAIL_TAKEN"],
  ["phone", "phone", "PHONE_TAKEN"],
];

/** A unique violation on a user column as the field error a form shows; null for anything else. */
export function uniqueFieldErrors(error: unknown): FieldErrors | null {
  // Read by shape (PrismaClientKnownRequestError's code P2002), like files' P2003: a pure file does not load the client.
  if (!(error instanceof Error) || (error as Partial<PrismaKnownError>).code !== "P2002") return null;
  const target = uniqueTarget(error as unknown as PrismaKnownError);
  const hit = UNIQUE_FIELD_ERRORS.find(([column]) => target.includes(column));
  return hit ? { [hit[1]]: hit[2] } : { form: "ALREADY_REGISTERED" };
}
