/**
 * The one error type of motcua. Domain functions throw it; the tRPC error formatter
 * (server/api/trpc.ts) maps it to a transport code and a translated message
 * (`errors.<code>` in messages/*.json), so no module needs to know about HTTP or tRPC.
 */
export const APP_ERROR_CODES = [
  "NOT_FOUND",
  "FORBIDDEN",
  "UNAUTHENTICATED",
  "CONFLICT",
  "VALIDATION",
  "RATE_LIMITED",
  "INVALID_TRANSITION",
  "INTERNAL",
] as const;

export type AppErrorCode = (typeof APP_ERROR_CODES)[number];

export interface AppErrorOptions {
  /** Developer-facing detail for logs; never shown to users (they see errors.<code>). */
  message?: string;
  /** Machine-readable detail safe to send to the client (e.g. the current version on a CONFLICT). */
  details?: Record<string, unknown>;
  cause?: unknown;
}

export class AppError extends Error {
  readonly code: AppErrorCode;
  readonly details?: Record<string, unknown>;

  constructor(code: AppErrorCode, opts: AppErrorOptions = {}) {
    super(opts.message ?? code, opts.cause === undefined ? undefined : { cause: opts.cause });
    this.name = "AppError";
    this.code = code;
    this.details = opts.details;
  }
}

export function isAppError(value: unknown): value is AppError {
  return value instanceof AppError;
}

/** The message key users see for a code. */
export function appErrorMessageKey(code: AppErrorCode) {
  return `errors.${code}` as const;
}
