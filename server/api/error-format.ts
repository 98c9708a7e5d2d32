import { TRPCError, type TRPC_ERROR_CODE_KEY } from "@trpc/server";
import { AppError, appErrorMessageKey, type AppErrorCode } from "../errors";
import type { Locale } from "../i18n/core";
import { getT } from "../i18n/messages";

/** How each AppError code travels: the tRPC code decides the HTTP status (404, 403, 401, 409, 400, 429, 422, 500). */
export const TRPC_CODE_OF: Record<AppErrorCode, TRPC_ERROR_CODE_KEY> = {
  NOT_FOUND: "NOT_FOUND",
  FORBIDDEN: "FORBIDDEN",
  UNAUTHENTICATED: "UNAUTHORIZED",
  CONFLICT: "CONFLICT",
  VALIDATION: "BAD_REQUEST",
  RATE_LIMITED: "TOO_MANY_REQUESTS",
  INVALID_TRANSITION: "UNPROCESSABLE_CONTENT",
  INTERNAL: "INTERNAL_SERVER_ERROR",
};

/** For errors raised by tRPC itself (bad input, unknown procedure, timeouts) rather than by our code. */
function appCodeOfTRPC(code: TRPC_ERROR_CODE_KEY): AppErrorCode {
  switch (code) {
    case "NOT_FOUND":
      return "NOT_FOUND";
    case "FORBIDDEN":
      return "FORBIDDEN";
    case "UNAUTHORIZED":
      return "UNAUTHENTICATED";
    case "CONFLICT":
      return "CONFLICT";
    case "TOO_MANY_REQUESTS":
      return "RATE_LIMITED";
    case "BAD_REQUEST":
    case "PARSE_ERROR":
    case "UNPROCESSABLE_CONTENT":
    case "PAYLOAD_TOO_LARGE":
    case "METHOD_NOT_SUPPORTED":
      return "VALIDATION";
    default:
      return "INTERNAL";
  }
}

export function toTRPCError(error: AppError): TRPCError {
  return new TRPCError({ code: TRPC_CODE_OF[error.code], message: error.message, cause: error });
}

export interface FieldError {
  /** Dotted path of the input field, e.g. "applicant.idNumber" ("" for the input as a whole). */
  path: string;
  /** The validator's issue code (zod: "too_small", "invalid_type", ...), stable for clients to map. */
  code: string;
}

interface SchemaIssue {
  path?: ReadonlyArray<PropertyKey | { key: PropertyKey }>;
  code?: string;
}

/** zod (and any Standard Schema validator) errors carry `issues`. */
function schemaIssues(cause: unknown): SchemaIssue[] | null {
  if (cause && typeof cause === "object" && Array.isArray((cause as { issues?: unknown }).issues)) {
    return (cause as { issues: SchemaIssue[] }).issues;
  }
  return null;
}

function toFieldErrors(issues: SchemaIssue[]): FieldError[] {
  return issues.map((issue) => ({
    path: (issue.path ?? []).map((p) => String(typeof p === "object" && p !== null ? p.key : p)).join("."),
    code: issue.code ?? "invalid",
  }));
}

export interface AppErrorData {
  appCode: AppErrorCode;
  /** Translated into the caller's locale; safe to show as is. */
  userMessage: string;
  fieldErrors?: FieldError[];
  details?: Record<string, unknown>;
}

/**
 * The one place errors become what clients see: a stable appCode, a translated userMessage,
 * field paths for validation errors, and no stack or internal message in production.
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
  let fieldErrors: FieldError[] | undefined;
  let details: Record<string, unknown> | undefined;

  const issues = error.code === "BAD_REQUEST" ? schemaIssues(cause) : null;
  if (cause instanceof AppError) {
    appCode = cause.code;
    userMessage = t(appErrorMessageKey(cause.code));
    details = cause.details;
  } else if (issues) {
    appCode = "VALIDATION";
    fieldErrors = toFieldErrors(issues);
    const fields = [...new Set(fieldErrors.map((f) => f.path).filter(Boolean))];
    userMessage = fields.length > 0 ? t("errors.validationFields", { fields: fields.join(", ") }) : t("errors.VALIDATION");
  } else {
    appCode = appCodeOfTRPC(error.code);
    userMessage = t(appErrorMessageKey(appCode));
  }

  const data: Record<string, unknown> = { ...shape.data, appCode, userMessage };
  if (fieldErrors) data.fieldErrors = fieldErrors;
  if (details) data.details = details;
  if (production) delete data.stack;

  // Developer messages name users, agencies, tables or hosts: in production clients get the translated one.
  const message = production ? userMessage : shape.message;
  return { ...shape, message, data: data as Shape["data"] & AppErrorData };
}
