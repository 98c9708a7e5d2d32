// What an upload may be: the size caps, and the checks every upload passes on its bytes as they
// arrived (not empty, within the limit, a sniffed type the slot accepts). Pure.
import { AppError } from "../../errors";
import { isSniffedType, sniffContentType, type SniffedType } from "./sniff";

/** Hard cap on any single upload, whatever a component allows (UPLOAD_MAX_BYTES overrides). */
export function maxUploadBytes(): number {
  const fromEnv = Number(process.env.UPLOAD_MAX_BYTES);
  return Number.isInteger(fromEnv) && fromEnv > 0 ? fromEnv : 50 * 1024 * 1024;
}

/** Officers' scans without a document component: a multi-page colour scan fits. */
export const SCAN_MAX_BYTES = 20 * 1024 * 1024;

export function refuse(reason: string, message: string, details: Record<string, unknown> = {}): never {
  throw new AppError("VALIDATION", { message, details: { reason, ...details } });
}

export function acceptedOf(types: readonly string[]): SniffedType[] {
  const accepted = types.filter(isSniffedType);
  // A component configured with nothing we can check accepts nothing rather than anything.
  return accepted;
}

/** The checks every upload passes, on the bytes as they arrived. */
export function checkUploadBytes(bytes: Uint8Array, upload: { limitBytes: number; acceptedTypes: readonly SniffedType[] }): SniffedType {
  if (bytes.byteLength === 0) refuse("FILE_EMPTY", "empty file");
  if (bytes.byteLength > upload.limitBytes) {
    refuse("FILE_TOO_LARGE", `file of ${bytes.byteLength} bytes over the limit of ${upload.limitBytes}`, { maxBytes: upload.limitBytes });
  }
  const type = sniffContentType(bytes.subarray(0, 16));
  if (!type || !upload.acceptedTypes.includes(type)) {
    refuse("FILE_TYPE", `content is ${type ?? "not a recognised type"}; accepted: ${upload.acceptedTypes.join(", ")}`, {
      accepted: upload.acceptedTypes,
    });
  }
  return type;
}
