// Responses of route handlers: the one mapping of errors to HTTP (the status from HTTP_STATUS in
// server/errors.ts, the same table the tRPC formatter uses) and the few body kinds we send.
import "server-only";
import { appErrorMessageKey, httpStatusOf, isAppError, type AppError } from "../errors";
import type { TFunction } from "../i18n/core";

const NO_STORE = "no-store";

/** What a route handler answers for a refused or failed request, as JSON or as plain text. */
export interface ErrorBody {
  error: { code: AppError["code"]; message: string; fieldErrors?: Record<string, string>; details?: Record<string, unknown> };
}

function errorHeaders(error: AppError | null, contentType: string): HeadersInit {
  const headers: Record<string, string> = { "Content-Type": contentType, "Cache-Control": NO_STORE };
  if (error?.retryAfterSeconds !== undefined) headers["Retry-After"] = String(Math.max(1, Math.ceil(error.retryAfterSeconds)));
  return headers;
}

/**
 * The answer to an error thrown while handling a request: an AppError gets its code's status and
 * translated message (plus field problems and details in JSON); anything else is logged and answered
 * as INTERNAL (500) without detail.
 */
export function errorResponse(error: unknown, t: TFunction, format: "json" | "text" = "json"): Response {
  const app = isAppError(error) ? error : null;
  if (!app) console.error("[http] unexpected error:", error);
  const code = app?.code ?? "INTERNAL";
  const status = app ? httpStatusOf(app) : 500;
  const message = t(appErrorMessageKey(code));
  if (format === "text") return new Response(`${message}\n`, { status, headers: errorHeaders(app, "text/plain; charset=utf-8") });
  const body: ErrorBody = { error: { code, message } };
  if (app?.fieldErrors) body.error.fieldErrors = app.fieldErrors;
  if (app?.details) body.error.details = app.details;
  return new Response(JSON.stringify(body), { status, headers: errorHeaders(app, "application/json; charset=utf-8") });
}

/** A short translated plain-text answer (PDF routes open in a new tab, so they answer in text). */
export function textResponse(status: number, message: string): Response {
  return new Response(`${message}\n`, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": NO_STORE } });
}

/** An inline PDF: opens in the browser's viewer, saves under `fileName`. */
export function pdfResponse(bytes: Uint8Array, fileName: string): Response {
  return new Response(Buffer.from(bytes), {
    status: 200,
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `inline; filename="${fileName}"`,
      "Content-Length": String(bytes.byteLength),
      // Personal data: never kept by shared caches or the service worker.
      "Cache-Control": "private, no-store",
    },
  });
}
