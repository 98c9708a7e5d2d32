// The files domain for route handlers: an upload read from the request, and how a refused upload
// or download is answered. The database and object store come from the caller (server/http/wiring.ts).
import "server-only";
import type { Db } from "../../db";
import { AppError } from "../../errors";
import type { MessageKey, MessageVars, TFunction } from "../../i18n/core";
import { maxUploadBytes } from "./upload-rules";
import { resolveUploadTarget, storeAttachment, type TUploadTarget } from "./commands/store-attachment";
import { BodyTooLargeError, BodyTruncatedError, declaredLength, readCapped, readCappedFormData } from "./body";
import type { ObjectStore } from "./storage/object-store";
import { UPLOAD_HEADERS, type TUploadedAttachment } from "./schema";
import { formatBytes, typeNames } from "./sniff";

/** Multipart framing around one file: boundaries and part headers. */
const MULTIPART_OVERHEAD = 64 * 1024;

function stringField(form: FormData, name: string): string | undefined {
  const value = form.get(name);
  return typeof value === "string" && value.trim() !== "" ? value.trim() : undefined;
}

function targetFrom(get: (name: keyof typeof UPLOAD_HEADERS) => string | undefined): TUploadTarget {
  const documentComponentId = get("documentComponentId");
  const dossierId = get("dossierId");
  const kind = get("kind");
  if (dossierId) {
    const attachmentKind = kind === "SUPPLEMENT" || kind === "RESULT" ? kind : "SCAN";
    return { kind: "dossier", dossierId, documentComponentId, attachmentKind };
  }
  if (documentComponentId) {
    return { kind: "draft", draftId: get("draftId"), procedureVersionId: get("procedureVersionId"), documentComponentId };
  }
  if (kind === "SCAN") return { kind: "unfiled" };
  throw new AppError("VALIDATION", { message: "upload names no draft component, dossier or scan", details: { reason: "NO_TARGET" } });
}

/**
 * One upload from an HTTP request: multipart/form-data (fields named like the raw headers without
 * "x-", plus `file`), or a raw body with the target in X- headers and the name in X-File-Name.
 * The size limit is the target's, enforced while reading.
 */
export async function uploadFromRequest(
  db: Db,
  { actorUserId, request }: { actorUserId: string; request: Request },
  { store }: { store: ObjectStore },
): Promise<TUploadedAttachment> {
  const contentType = request.headers.get("content-type") ?? "";
  const declared = declaredLength(request.headers) ?? 0;
  const expected = declaredLength(request.headers);
  // Cut in front of us (a body over the proxy's buffer): refused as too large, never stored short.
  const bodyError = (limit: number) => (error: unknown): never => {
    throw error instanceof BodyTooLargeError || error instanceof BodyTruncatedError ? tooLarge(limit) : error;
  };

  if (contentType.toLowerCase().startsWith("multipart/form-data")) {
    const cap = maxUploadBytes() + MULTIPART_OVERHEAD;
    if (declared > cap) throw tooLarge(maxUploadBytes());
    const form = await readCappedFormData(request.body, contentType, cap, expected).catch(bodyError(maxUploadBytes()));
    const upload = await resolveUploadTarget(db, { actorUserId, target: targetFrom((name) => stringField(form, name)) });
    const file = form.get("file");
    if (!(file instanceof File)) throw new AppError("VALIDATION", { message: "multipart upload without a file part", details: { reason: "FILE_EMPTY" } });
    if (file.size > upload.limitBytes) throw tooLarge(upload.limitBytes);
    return storeAttachment(db, { upload, file: { fileName: file.name, bytes: new Uint8Array(await file.arrayBuffer()) } }, { store });
  }

  const upload = await resolveUploadTarget(db, {
    actorUserId,
    target: targetFrom((name) => request.headers.get(UPLOAD_HEADERS[name])?.trim() || undefined),
  });
  if (declared > upload.limitBytes) throw tooLarge(upload.limitBytes);
  const bytes = await readCapped(request.body, upload.limitBytes, expected).catch(bodyError(upload.limitBytes));
  const rawName = request.headers.get(UPLOAD_HEADERS.fileName) ?? "";
  let fileName = rawName;
  try {
    fileName = decodeURIComponent(rawName);
  } catch {
    // Not percent-encoded: use it as sent.
  }
  return storeAttachment(db, { upload, file: { fileName, bytes } }, { store });
}

function tooLarge(maxBytes: number): AppError {
  return new AppError("VALIDATION", { message: `upload over ${maxBytes} bytes`, details: { reason: "FILE_TOO_LARGE", maxBytes } });
}

/** HTTP status of an upload or download failure. */
export function statusOfFileError(error: AppError): number {
  const reason = error.details?.reason;
  if (reason === "FILE_TOO_LARGE") return 413;
  if (reason === "FILE_TYPE") return 415;
  switch (error.code) {
    case "UNAUTHENTICATED":
      return 401;
    case "FORBIDDEN":
      return 403;
    case "NOT_FOUND":
      return 404;
    case "CONFLICT":
      return 409;
    case "VALIDATION":
      return 400;
    default:
      return 500;
  }
}

/** The message a citizen reads for a refused upload (size and types spelled out), or the code's. */
export function fileErrorMessage(error: AppError, t: TFunction, locale: "vi" | "en"): string {
  const { key, vars } = fileErrorMessageKey(error, locale);
  return t(key, vars);
}

export function fileErrorMessageKey(error: AppError, locale: "vi" | "en"): { key: MessageKey; vars?: MessageVars } {
  const details = error.details ?? {};
  switch (details.reason) {
    case "FILE_TOO_LARGE":
      return { key: "submission.upload.tooLarge", vars: { size: formatBytes(Number(details.maxBytes) || 0, locale) } };
    case "FILE_TYPE":
      return { key: "submission.upload.wrongType", vars: { types: typeNames(Array.isArray(details.accepted) ? (details.accepted as string[]) : []) } };
    case "FILE_EMPTY":
      return { key: "submission.upload.empty" };
    default:
      return { key: `errors.${error.code}` };
  }
}

/**
 * A state-changing request from our own pages: the Origin (sent with every cross-site POST by
 * current browsers) names this host, or is absent (old browsers, non-browser clients, whose
 * cookies sameSite=lax keeps out of cross-site posts anyway).
 */
export function isSameOriginRequest(request: Request): boolean {
  const origin = request.headers.get("origin");
  if (!origin || origin === "null") return origin === null;
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}
