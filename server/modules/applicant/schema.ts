// What an applicant may send when answering a supplement request (isomorphic: the /me page shows
// the same limits the server enforces).
import type { TFormField } from "../eform/format";

/** A file answering the request as a whole (not a component): a phone photo or a scanned PDF. */
export const SUPPLEMENT_FILE_MAX_BYTES = 10 * 1024 * 1024;
/** Files per answer. */
export const SUPPLEMENT_MAX_FILES = 10;

/** Fields a supplement answer may correct: all but repeatable groups (edited at the desk). */
export function correctableFields(fields: readonly TFormField[]): TFormField[] {
  return fields
    .filter((f) => !(f.type === "group" && f.repeatable))
    .map((f) => (f.type === "group" ? { ...f, fields: correctableFields(f.fields ?? []) } : f));
}
