// Everything the submission page shows, in one call: the procedure in force, the citizen's draft
// (or values prefilled from their profile), its files, and, after a refused submission, why.
import "server-only";
import { randomUUID } from "node:crypto";
import type { Db } from "../../db";
import { isAppError } from "../../errors";
import { isBlank } from "../eform/validator";
import { findDraftFor, getDraft, loadApplicantProfile, loadSubmissionTarget, type TSubmissionTarget, submissionIssues } from "./queries";
import { prefillDraftData } from "./prefill";
import type { TDraft, TDraftAttachment, TDraftData } from "./schema";
import { type TSubmissionIssue } from "./draft-check";

export interface TSubmissionPage {
  target: TSubmissionTarget;
  userKind: "CITIZEN" | "OFFICER";
  draft: Pick<TDraft, "id" | "updatedAt"> | null;
  values: TDraftData;
  /** The values came from the profile (no draft yet). */
  prefilled: boolean;
  attachments: TDraftAttachment[];
  /** Why the last submission was refused (only when asked to check). */
  issues: TSubmissionIssue[];
  /** A fresh key for this rendering's Submit: a double click or a resent form files one dossier. */
  idempotencyKey: string;
}

export async function loadSubmissionPage(
  db: Db,
  input: { userId: string; procedureCode: string; draftId?: string; check?: boolean },
): Promise<TSubmissionPage | null> {
  const target = await loadSubmissionTarget(db, { procedureCode: input.procedureCode });
  if (!target) return null;
  const user = await db.user.findUnique({ where: { id: input.userId }, select: { kind: true, active: true } });
  if (!user?.active) return null;

  let draft: TDraft | null = null;
  if (input.draftId) {
    draft = await getDraft(db, { ownerId: input.userId, draftId: input.draftId }).catch((error: unknown) => {
      if (isAppError(error) && error.code === "NOT_FOUND") return null;
      throw error;
    });
    if (draft && draft.procedureVersionId !== target.versionId) draft = null;
  }
  draft ??= await findDraftFor(db, { ownerId: input.userId, procedureVersionId: target.versionId });

  // The profile fills what the draft does not have yet: a draft made by a first upload (before any
  // typing was saved) must not come back as an empty form.
  let values: TDraftData = draft?.formData ?? {};
  let prefilled = false;
  const missingApplicant = isBlank(values.applicant);
  if (missingApplicant || isBlank(values.fields) || !values.agencyId) {
    const profile = await loadApplicantProfile(db, { userId: input.userId });
    if (profile) {
      const prefill = prefillDraftData(profile, target);
      values = {
        ...values,
        applicant: missingApplicant ? prefill.applicant : values.applicant,
        fields: isBlank(values.fields) ? prefill.fields : values.fields,
        agencyId: values.agencyId ?? prefill.agencyId,
        resultDelivery: values.resultDelivery ?? prefill.resultDelivery,
      };
      prefilled = missingApplicant;
    }
  }
  const issues = input.check && draft ? await submissionIssues(db, { ownerId: input.userId, draftId: draft.id }) : [];
  return {
    target,
    userKind: user.kind,
    draft: draft ? { id: draft.id, updatedAt: draft.updatedAt } : null,
    values,
    prefilled,
    attachments: draft?.attachments ?? [],
    issues,
    idempotencyKey: `web-${randomUUID()}`,
  };
}
