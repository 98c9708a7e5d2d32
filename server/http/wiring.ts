// The module functions that route handlers and pages call directly (not through tRPC), on the
// process-wide database and object store: app/ never imports the database, and module functions
// never choose it (they take it as their first argument). One line each; the HTTP adapters these
// wrap (request parsing, form posts) move here from server/modules as they are cleaned up.
import "server-only";
import { getDb } from "../db";
import { handleSupplementAnswerPost as supplementAnswerPost } from "../modules/account/supplement-form";
import { deleteDraftAttachment } from "../modules/files/commands/delete-draft-attachment";
import { openAttachment, type OpenedAttachment } from "../modules/files/queries";
import { getObjectStore } from "../modules/files/storage/object-store";
import type { TUploadedAttachment } from "../modules/files/schema";
import { uploadFromRequest as upload } from "../modules/files/service";
import { renderDossierForm as dossierForm, renderTrackingBookForm as trackingBookForm } from "../modules/standard-forms/queries";
import { getSubmittedDossier as submittedDossier, renderSubmissionReceipt as submissionReceipt } from "../modules/submission/confirmation";
import { handleSubmissionPost as submissionPost, submissionPostLimit as postLimit } from "../modules/submission/form-post";
import { loadSubmissionPage as submissionPage } from "../modules/submission/page-data";
import { trackPublicly as publicTracking } from "../modules/tracking/queries/lookups";

type Input<F extends (db: never, input: never, ...rest: never[]) => unknown> = Parameters<F>[1];

// ─── Files (app/api/uploads, app/api/files/[id]) ──────────────────────────

export async function uploadFromRequest(actorUserId: string, request: Request): Promise<TUploadedAttachment> {
  return upload(getDb(), { actorUserId, request }, { store: await getObjectStore() });
}

export async function openAttachmentFor(actorUserId: string, attachmentId: string): Promise<OpenedAttachment> {
  return openAttachment(getDb(), { actorUserId, attachmentId }, { store: await getObjectStore() });
}

export async function deleteDraftAttachmentFor(ownerId: string, attachmentId: string): Promise<void> {
  await deleteDraftAttachment(getDb(), { ownerId, attachmentId }, { store: await getObjectStore() });
}

// ─── Online submission (app/(public)/procedures/[code]/submit, app/(public)/dossiers/[code]) ──

export async function loadSubmissionPage(input: Input<typeof submissionPage>) {
  return submissionPage(getDb(), input);
}

export async function handleSubmissionPost(input: Input<typeof submissionPost>) {
  return submissionPost(getDb(), input, { store: await getObjectStore() });
}

export async function submissionPostLimit(procedureCode: string): Promise<number> {
  return postLimit(getDb(), { procedureCode });
}

export async function getSubmittedDossier(input: Input<typeof submittedDossier>) {
  return submittedDossier(getDb(), input);
}

export async function renderSubmissionReceipt(input: Input<typeof submissionReceipt>) {
  return submissionReceipt(getDb(), input);
}

// ─── The applicant's supplement answer (app/(public)/me/dossiers/[code]/supplement) ──

export async function handleSupplementAnswerPost(input: Input<typeof supplementAnswerPost>) {
  return supplementAnswerPost(getDb(), input, { store: await getObjectStore() });
}

// ─── Public tracking as plain HTML (app/(public)/track/[code]) ─────────────

export async function trackPublicly(input: Input<typeof publicTracking>) {
  return publicTracking(getDb(), input);
}

// ─── Officers' PDF forms (app/officer/dossiers/[id]/forms, app/officer/reports/tracking-book) ──

export async function renderDossierForm(input: Input<typeof dossierForm>) {
  return dossierForm(getDb(), input);
}

export async function renderTrackingBookForm(input: Input<typeof trackingBookForm>) {
  return trackingBookForm(getDb(), input);
}
