// The submission page's plain HTML form post (it works without JavaScript): save what was typed
// into the draft, store any files chosen, add or remove a row or a file, or submit. Answers with
// where the browser goes next (303): back to the page with the draft, or to the confirmation.
import "server-only";
import type { Db } from "../../db";
import { AppError, isAppError } from "../../errors";
import { resolveUploadTarget, storeAttachment } from "../files/commands/store-attachment";
import { deleteDraftAttachment } from "../files/commands/delete-draft-attachment";
import type { ObjectStore } from "../files/storage/object-store";
import { withItemAdded, withItemRemoved } from "../eform/form-data";
import { saveDraft } from "./commands/save-draft";
import { loadSubmissionTarget, findSubmitReplay } from "./queries";
import { draftDataFromForm, FIELDS_PREFIX, type TDraftData } from "./schema";
import { submitDraft } from "./commands/submit-draft";

export type TFormIntent =
  | { kind: "save" }
  | { kind: "submit" }
  | { kind: "addItem"; path: string[] }
  | { kind: "removeItem"; path: string[]; index: number }
  | { kind: "removeFile"; attachmentId: string };

/** "save", "submit", "addItem:f.members", "removeItem:f.members:2", "removeFile:<id>". */
export function parseIntent(value: unknown): TFormIntent {
  const text = typeof value === "string" ? value : "";
  if (text === "submit") return { kind: "submit" };
  const [verb, name, index] = text.split(":");
  const path = name?.startsWith(`${FIELDS_PREFIX}.`) ? name.slice(FIELDS_PREFIX.length + 1).split(".") : null;
  if (verb === "addItem" && path) return { kind: "addItem", path };
  if (verb === "removeItem" && path && index && /^\d{1,4}$/.test(index)) return { kind: "removeItem", path, index: Number(index) };
  if (verb === "removeFile" && name) return { kind: "removeFile", attachmentId: name };
  return { kind: "save" };
}

export interface FileProblem {
  componentId: string;
  reason: string;
  /** The component's size limit, for the message. */
  maxBytes?: number;
}

export type TFormPostOutcome =
  | { kind: "draft"; draftId: string; saved: boolean; check: boolean; anchor?: string; fileProblems: FileProblem[]; notice?: "draftChanged" }
  | { kind: "submitted"; dossierCode: string };

/** Where the browser goes after a post. */
export function locationOf(procedureCode: string, outcome: TFormPostOutcome): string {
  if (outcome.kind === "submitted") return `/dossiers/${encodeURIComponent(outcome.dossierCode)}/submitted`;
  const query = new URLSearchParams({ draft: outcome.draftId });
  if (outcome.saved) query.set("saved", "1");
  if (outcome.check) query.set("check", "1");
  if (outcome.notice) query.set("notice", outcome.notice);
  for (const p of outcome.fileProblems) query.append("fe", `${p.componentId}~${p.reason}`);
  return `/procedures/${encodeURIComponent(procedureCode)}/submit?${query.toString()}${outcome.anchor ? `#${outcome.anchor}` : ""}`;
}

export async function handleSubmissionPost(
  db: Db,
  input: { ownerId: string; procedureCode: string; form: FormData },
  { store }: { store: ObjectStore },
): Promise<TFormPostOutcome> {
  const target = await loadSubmissionTarget(db, { procedureCode: input.procedureCode });
  if (!target || !target.online) throw new AppError("NOT_FOUND", { message: `procedure ${input.procedureCode} is not open for online submission` });

  const { form } = input;
  const intent = parseIntent(form.get("intent"));
  const idempotencyKey = typeof form.get("idempotencyKey") === "string" ? String(form.get("idempotencyKey")).slice(0, 200) : "";
  if (intent.kind === "submit" && idempotencyKey) {
    // A second click, or Back and Submit again: the first submission stands, and no draft is remade.
    const replay = await findSubmitReplay(db, { idempotencyKey, ownerId: input.ownerId });
    if (replay) return { kind: "submitted", dossierCode: replay.code };
  }
  let data = draftDataFromForm(form, target.formSchema);
  let anchor: string | undefined;
  if (intent.kind === "addItem") {
    data = { ...data, fields: withItemAdded(data.fields ?? {}, intent.path) as TDraftData["fields"] };
    anchor = `group-${[FIELDS_PREFIX, ...intent.path].join("-")}`;
  } else if (intent.kind === "removeItem") {
    data = { ...data, fields: withItemRemoved(data.fields ?? {}, intent.path, intent.index) as TDraftData["fields"] };
    anchor = `group-${[FIELDS_PREFIX, ...intent.path].join("-")}`;
  }

  const postedDraftId = typeof form.get("draftId") === "string" && form.get("draftId") !== "" ? String(form.get("draftId")) : undefined;
  const save = (draftId?: string) => saveDraft(db, { ownerId: input.ownerId, procedureVersionId: target.versionId, formData: data, draftId });
  let draft;
  try {
    draft = await save(postedDraftId);
  } catch (error) {
    // A draft of an older version of the procedure (or one deleted meanwhile): keep the typing in the current one.
    if (!(isAppError(error) && error.code === "NOT_FOUND" && postedDraftId)) throw error;
    draft = await save();
  }

  // Files chosen in the form go to the draft whatever the button (nothing picked is lost).
  const fileProblems: FileProblem[] = [];
  for (const component of target.components) {
    const file = form.get(`file.${component.id}`);
    if (!(file instanceof File) || (file.size === 0 && file.name === "")) continue;
    try {
      const upload = await resolveUploadTarget(db, { actorUserId: input.ownerId, target: { kind: "draft", draftId: draft.id, documentComponentId: component.id } });
      if (file.size > upload.limitBytes) {
        throw new AppError("VALIDATION", { message: "file too large", details: { reason: "FILE_TOO_LARGE", maxBytes: upload.limitBytes } });
      }
      await storeAttachment(db, { upload, file: { fileName: file.name, bytes: new Uint8Array(await file.arrayBuffer()) } }, { store });
    } catch (error) {
      if (!isAppError(error) || error.code !== "VALIDATION") throw error;
      const reason = typeof error.details?.reason === "string" ? error.details.reason : "FILE_TYPE";
      fileProblems.push({ componentId: component.id, reason });
    }
  }
  if (fileProblems.length > 0) anchor = `component-${fileProblems[0]!.componentId}`;

  if (intent.kind === "removeFile") {
    await deleteDraftAttachment(db, { ownerId: input.ownerId, attachmentId: intent.attachmentId }, { store }).catch((error: unknown) => {
      // Already gone (a second click): nothing to do.
      if (!(isAppError(error) && error.code === "NOT_FOUND")) throw error;
    });
    anchor = "documents";
  }

  if (intent.kind !== "submit") return { kind: "draft", draftId: draft.id, saved: intent.kind === "save", check: false, anchor, fileProblems };
  // A refused file means the citizen meant to attach something: do not file the dossier without it.
  if (fileProblems.length > 0) return { kind: "draft", draftId: draft.id, saved: false, check: true, anchor, fileProblems };

  try {
    const submitted = await submitDraft(db, { ownerId: input.ownerId, draftId: draft.id, idempotencyKey: idempotencyKey || `web-${draft.id}-${draft.updatedAt.getTime()}` });
    return { kind: "submitted", dossierCode: submitted.code };
  } catch (error) {
    if (isAppError(error) && error.code === "VALIDATION") return { kind: "draft", draftId: draft.id, saved: false, check: true, anchor: "errors", fileProblems };
    if (isAppError(error) && error.code === "CONFLICT") {
      return { kind: "draft", draftId: draft.id, saved: false, check: true, anchor: "errors", fileProblems, notice: "draftChanged" };
    }
    throw error;
  }
}

/** Upper bound on a form post's body: every component's largest file, plus the typing. */
export async function submissionPostLimit(db: Db, { procedureCode }: { procedureCode: string }): Promise<number> {
  const target = await loadSubmissionTarget(db, { procedureCode });
  const files = target?.components.reduce((sum, c) => sum + c.maxSizeBytes, 0) ?? 0;
  return files + 2 * 1024 * 1024;
}
