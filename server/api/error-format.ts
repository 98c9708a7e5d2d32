import { TRPCError, type TRPC_ERROR_CODE_KEY } from "@trpc/server";
import { AppError, appErrorMessageKey, HTTP_STATUS, type AppErrorCode, type FieldErrors } from "../errors";
import type { Locale } from "../i18n/core";
import { getT } from "../i18n/messages";
import { fieldErrorsOf } from "../validation";

/** The tRPC name of each code; its HTTP status is HTTP_STATUS's (error-format.test.ts holds the two together). */
export const TRPC_CODE_OF: Record<AppErrorCode, TRPC_ERROR_CODE_KEY> = {
  NOT_FOUND: "NOT_FOUND",
  FORBIDDEN: "FORBIDDEN",
  UNAUTHENTICATED: "UNAUTHORIZED",
  CONFLICT: "CONFLICT",
  VALIDATION: "BAD_REQUEST",
  PAYLOAD_TOO_LARGE: "PAYLOAD_TOO_LARGE",
  UNSUPPORTED_MEDIA_TYPE: "UNSUPPORTED_MEDIA_TYPE",
  RATE_LIMITED: "TOO_MANY_REQUESTS",
  INVALID_TRANSITION: "UNPROCESSABLE_CONTENT",
  UNAVAILABLE: "SERVICE_UNAVAILABLE",
  INTERNAL: "INTERNAL_SERVER_ERROR",
};

/** For errors raised by tRPC itself (bad input, unknown procedure, timeouts) rather than by our code. */
function appCodeOfTRPC(code: TRPC_ERROR_CODE_KEY): AppErrorCode {
  switch (code) {
    case "PARSE_ERROR":
    case "BAD_REQUEST":
    case "METHOD_NOT_SUPPORTED":
      return "VALIDATION";
    case "UNAUTHORIZED":
      return "UNAUTHENTICATED";
    case "TOO_MANY_REQUESTS":
      return "RATE_LIMITED";
    case "UNPROCESSABLE_CONTENT":
      return "INVALID_TRANSITION";
    case "SERVICE_UNAVAILABLE":
      return "UNAVAILABLE";
    default: {
      const same = (Object.keys(TRPC_CODE_OF) as AppErrorCode[]).find((c) => TRPC_CODE_OF[c] === code);
      return same ?? "INTERNAL";
    }
  }
}

export function toTRPCError(error: AppError): TRPCError {
  return new TRPCError({ code: TRPC_CODE_OF[error.code], message: error.message, cause: error });
}

/** zod (and any Standard Schema validator) errors carry `issues`. */
function schemaIssues(cause: unknown): Parameters<typeof fieldErrorsOf>[0] | null {
  if (cause && typeof cause === "object" && Array.isArray((cause as { issues?: unknown }).issues)) {
    return (cause as { issues: Parameters<typeof fieldErrorsOf>[0] }).issues;
  }
  return null;
}

export interface AppErrorData {
  appCode: AppErrorCode;
  /** Translated into the caller's locale; safe to show as is. */
  userMessage: string;
  /** VALIDATION: field path → problem (server/errors.ts `FieldErrors`). */
  fieldErrors?: FieldErrors;
  details?: Record<string, unknown>;
  retryAfterSeconds?: number;
  /** The HTTP status tRPC answers with: HTTP_STATUS of appCode. */
  httpStatus: number;
}

/**
 * The one place errors become what tRPC clients see: a stable appCode, a translated userMessage,
 * field problems for validation errors, the HTTP status of the shared table, and no stack or
 * internal message in production.
 */
export function formatError<Shape extends { message: string; data: Record<string, unknown> }>(opts: {
  shape: Shape;
  error: TRPCError;
  locale: Locale;
  production: boolean;
}): Shape & { data: Shape["data"] & AppErrorData } {
  const { shape, error, locale, production } = opts;
  const t = getT(locale);
  const cause = error.cause;

  let appCode: AppErrorCode;
  let userMessage: string;
  let fieldErrors: FieldErrors | undefined;
  let details: Record<string, unknown> | undefined;
  let retryAfterSeconds: number | undefined;

  const issues = error.code === "BAD_REQUEST" ? schemaIssues(cause) : null;
  if (cause instanceof AppError) {
    appCode = cause.code;
    userMessage = t(appErrorMessageKey(cause.code));
    details = cause.details;
    fieldErrors = cause.fieldErrors;
    retryAfterSeconds = cause.retryAfterSeconds;
  } else if (issues) {
    appCode = "VALIDATION";
    fieldErrors = fieldErrorsOf(issues);
  } else {
    appCode = appCodeOfTRPC(error.code);
    userMessage = t(appErrorMessageKey(appCode));
  }
  if (appCode === "VALIDATION" && fieldErrors) {
    const fields = Object.keys(fieldErrors).filter((f) => f !== "form");
    userMessage = fields.length > 0 ? t("errors.validationFields", { fields: fields.join(", ") }) : t("errors.VALIDATION");
  }

  const data: Record<string, unknown> = { ...shape.data, appCode, userMessage: userMessage!, httpStatus: HTTP_STATUS[appCode] };
  if (fieldErrors) data.fieldErrors = fieldErrors;
  if (details) data.details = details;
  if (retryAfterSeconds !== undefined) data.retryAfterSeconds = retryAfterSeconds;
  if (production) delete data.stack;

  // Developer messages name users, agencies, tables or hosts: in production clients get the translated one.
  const message = production ? userMessage! : shape.message;
  return { ...shape, message, data: data as Shape["data"] & AppErrorData };
}
