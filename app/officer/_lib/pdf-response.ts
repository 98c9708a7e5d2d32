import "server-only";
import { isAppError } from "~/server/errors";
import type { TFunction } from "~/server/i18n";

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

/** A short translated plain-text answer (the PDF routes are opened in a new tab). */
export function textResponse(status: number, message: string): Response {
  return new Response(`${message}\n`, {
    status,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
  });
}

/** AppErrors become their HTTP status with the translated message; anything else is rethrown. */
export function errorResponse(error: unknown, t: TFunction): Response {
  if (!isAppError(error)) throw error;
  const status =
    error.code === "NOT_FOUND" ? 404
    : error.code === "FORBIDDEN" ? 403
    : error.code === "UNAUTHENTICATED" ? 401
    : error.code === "VALIDATION" ? 400
    : error.code === "CONFLICT" ? 409
    : error.code === "RATE_LIMITED" ? 429
    : error.code === "INVALID_TRANSITION" ? 422
    : 500;
  return textResponse(status, t(`errors.${error.code}`));
}

/** The public origin of this request (behind a proxy: the forwarded host and scheme). */
export function requestOrigin(request: Request): string {
  const configured = process.env.PUBLIC_BASE_URL || process.env.NEXTAUTH_URL;
  if (configured) return configured.replace(/\/+$/, "");
  const url = new URL(request.url);
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host") ?? url.host;
  const proto = request.headers.get("x-forwarded-proto") ?? url.protocol.replace(/:$/, "");
  return `${proto}://${host}`;
}
