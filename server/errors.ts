/**
 * The one error type of motcua. Domain functions throw it; adapters turn it into what a client
 * sees through one table (`HTTP_STATUS` below): route handlers with `server/http/respond.ts`, tRPC
 * with the error formatter (server/api/error-format.ts), both with the translated message
 * `errors.<code>` (messages/*.json). No module needs to know about HTTP or tRPC.
 */
export const APP_ERROR_CODES = [
  "NOT_FOUND",
  "FORBIDDEN",
  "UNAUTHENTICATED",
  "CONFLICT",
  "VALIDATION",
  "PAYLOAD_TOO_LARGE",
  "UNSUPPORTED_MEDIA_TYPE",
  "RATE_LIMITED",
  "INVALID_TRANSITION",
  "UNAVAILABLE",
  "INTERNAL",
] as const;

export type AppErrorCode = (typeof APP_ERROR_CODES)[number];

/** The HTTP status of each code: the one table every route handler and the tRPC formatter use. */
export const HTTP_STATUS: Readonly<Record<AppErrorCode, number>> = {
  NOT_FOUND: 404,
  FORBIDDEN: 403,
  UNAUTHENTICATED: 401,
  CONFLICT: 409,
  VALIDATION: 400,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RATE_LIMITED: 429,
  INVALID_TRANSITION: 422,
  UNAVAILABLE: 503,
  INTERNAL: 500,
};

/**
 * Problems per input field: dotted path ("applicant.idNumber", "members.0.name"; "form" for the
 * input as a whole) → a problem. A problem is either a code (`EMAIL_TAKEN`, or a validator's
 * issue code such as `too_small`), translated by the adapter with `fieldProblemMessage`, or a
 * message key of the e-form validator (`eform.required`). The one shape of field errors: forms,
 * tRPC clients and route handlers all read `AppError.fieldErrors` / `data.fieldErrors`.
 */
export type FieldErrors = Record<string, string>;

export interface AppErrorOptions {
  /** Developer-facing detail for logs; never shown to users (they see errors.<code>). */
  message?: string;
  /** Machine-readable detail safe to send to the client (e.g. the current version on a CONFLICT). */
  details?: Record<string, unknown>;
  /** VALIDATION: the problem of each field. */
  fieldErrors?: FieldErrors;
  /** RATE_LIMITED / UNAVAILABLE: seconds before trying again (sent as Retry-After). */
  retryAfterSeconds?: number;
  cause?: unknown;
}

export class AppError extends Error {
  readonly code: AppErrorCode;
  readonly details?: Record<string, unknown>;
  readonly fieldErrors?: FieldErrors;
  readonly retryAfterSeconds?: number;

  constructor(code: AppErrorCode, opts: AppErrorOptions = {}) {
    super(opts.message ?? code, opts.cause === undefined ? undefined : { cause: opts.cause });
    this.name = "AppError";
    this.code = code;
    this.details = opts.details;
    this.fieldErrors = opts.fieldErrors;
    this.retryAfterSeconds = opts.retryAfterSeconds;
  }
}

export function isAppError(value: unknown): value is AppError {
  return value instanceof AppError;
}

/** VALIDATION with the problem of each field (`message` is for logs). */
export function validationError(fieldErrors: FieldErrors, message = `invalid input: ${JSON.stringify(fieldErrors)}`): AppError {
  return new AppError("VALIDATION", { message, fieldErrors });
}

/** The message key users see for a code. */
export function appErrorMessageKey(code: AppErrorCode) {
  return `errors.${code}` as const;
}

/** The HTTP status of an error: its code's, from the one table. */
export function httpStatusOf(error: AppError): number {
  return HTTP_STATUS[error.code];
}
