// The supplement answer as an HTML form post (multipart, works without JavaScript): the note, the
// corrected e-form fields and the files arrive together; files are stored, then the answer is filed
// in one command. On any refusal the stored files are taken back out. Used by the route handler
// app/(public)/me/dossiers/[code]/supplement/route.ts, like submission/form-post.ts for submissions.
import type { Db } from "../../db";
import { AppError, isAppError } from "../../errors";
import { valuesFromFormData } from "../eform/form-data";
import type { ObjectStore } from "../files/storage/object-store";
import { answerSupplement, discardSupplementFiles, storeSupplementFile } from "../applicant/commands/answer-supplement";
import { correctableFields, SUPPLEMENT_FILE_MAX_BYTES, SUPPLEMENT_MAX_FILES } from "../applicant/schema";
import { getMyDossier } from "../applicant/queries";

/** Input names of the answer form. */
export const SUPPLEMENT_FORM = {
  note: "note",
  idempotencyKey: "idempotencyKey",
  expectedVersion: "expectedVersion",
  /** The general file input (multiple). */
  files: "files",
  /** One input per document component: `file.<componentId>`. */
  componentFilePrefix: "file.",
  /** E-form values: `f.<path>` (eform/form-data.ts inputName). */
  fieldsPrefix: "f",
} as const;

/** The largest body the route accepts: every file at its largest, plus the text. */
export function supplementPostLimit(): number {
  return SUPPLEMENT_MAX_FILES * SUPPLEMENT_FILE_MAX_BYTES + 1024 * 1024;
}

export type TSupplementPostOutcome =
  | { ok: true; replayed: boolean }
  | { ok: false; error: string; fieldErrors?: Record<string, string> };

function text(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === "string" ? value : "";
}

function filesOf(form: FormData, name: string): File[] {
  return form.getAll(name).filter((v): v is File => typeof v === "object" && v !== null && "arrayBuffer" in v && (v as File).size > 0);
}

function outcomeOf(error: unknown): TSupplementPostOutcome | null {
  if (!isAppError(error)) return null;
  const details = error.details ?? {};
  const fieldErrors = details.fieldErrors as Record<string, string> | undefined;
  if (error.code === "VALIDATION" && fieldErrors) {
    const eform = Object.fromEntries(Object.entries(fieldErrors).filter(([k]) => k.startsWith(`${SUPPLEMENT_FORM.fieldsPrefix}.`)));
    if (Object.keys(eform).length > 0) return { ok: false, error: "FIELDS", fieldErrors: eform };
    return { ok: false, error: Object.values(fieldErrors)[0] ?? "FIELD_INVALID" };
  }
  if (error.code === "VALIDATION" && typeof details.reason === "string") return { ok: false, error: details.reason };
  if (error.code === "CONFLICT") return { ok: false, error: "CONFLICT" };
  if (error.code === "INVALID_TRANSITION") return { ok: false, error: "INVALID_TRANSITION" };
  return null;
}

export async function handleSupplementAnswerPost(
  db: Db,
  input: { ownerId: string; code: string; form: FormData },
  { store }: { store: ObjectStore },
): Promise<TSupplementPostOutcome> {
  const { form, ownerId, code } = input;
  const idempotencyKey = text(form, SUPPLEMENT_FORM.idempotencyKey);
  if (idempotencyKey.length < 8 || idempotencyKey.length > 200) throw new AppError("VALIDATION", { message: "supplement answer without a usable idempotency key" });

  // A second post of the same form (a double tap, a resend) answers like the first, storing nothing.
  if (await db.dossierEvent.findUnique({ where: { idempotencyKey }, select: { id: true } })) {
    await answerSupplement(db, { ownerId, dossierCode: code, idempotencyKey });
    return { ok: true, replayed: true };
  }

  const mine = await getMyDossier(db, { ownerId, code });
  const patch = mine.formSchema ? valuesFromFormData(form, { fields: correctableFields(mine.formSchema.fields) }, SUPPLEMENT_FORM.fieldsPrefix) : null;
  const uploads: Array<{ componentId: string | null; file: File }> = [
    ...filesOf(form, SUPPLEMENT_FORM.files).map((file) => ({ componentId: null, file })),
    ...mine.uploadSlots
      .filter((slot) => slot.componentId !== null)
      .flatMap((slot) => filesOf(form, `${SUPPLEMENT_FORM.componentFilePrefix}${slot.componentId}`).map((file) => ({ componentId: slot.componentId, file }))),
  ];
  if (uploads.length > SUPPLEMENT_MAX_FILES) return { ok: false, error: "TOO_MANY_FILES" };

  const stored: string[] = [];
  try {
    for (const upload of uploads) {
      const saved = await storeSupplementFile(
        db,
        {
          ownerId,
          dossierCode: code,
          fileName: upload.file.name || "tep",
          bytes: new Uint8Array(await upload.file.arrayBuffer()),
          documentComponentId: upload.componentId,
        },
        { store },
      );
      stored.push(saved.id);
    }
    const expected = Number(text(form, SUPPLEMENT_FORM.expectedVersion));
    const result = await answerSupplement(db, {
      ownerId,
      dossierCode: code,
      idempotencyKey,
      note: text(form, SUPPLEMENT_FORM.note).slice(0, 4000),
      formDataPatch: patch,
      attachmentIds: stored,
      ...(Number.isInteger(expected) && expected > 0 ? { expectedVersion: expected } : {}),
    });
    return { ok: true, replayed: result.replayed };
  } catch (error) {
    await discardSupplementFiles(db, { ownerId, attachmentIds: stored }, { store });
    const outcome = outcomeOf(error);
    if (outcome) return outcome;
    throw error;
  }
}
