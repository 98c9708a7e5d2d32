// submitDraft: a citizen's draft becomes an online dossier (channel 2, NEW) in one transaction:
// the dossier and its code, the draft's files filed in it, the draft gone. A replayed key answers
// with the dossier of the first attempt; a refused submission stores nothing.
import type { Db } from "../../../db";
import { AppError } from "../../../errors";
import { createDossier } from "../../dossier/commands/create-dossier";
import type { TCreateDossierInput } from "../../dossier/schema";
import { can } from "../../dossier/workflow";
import { type TSubmissionIssue, checkDraft } from "../draft-check";
import { findSubmitReplay, loadDraftForSubmit } from "../queries";
import { formatAddress, type TSubmitted } from "../schema";

function validationError(message: string, issues: TSubmissionIssue[]): AppError {
  return new AppError("VALIDATION", { message, details: { reason: "SUBMISSION_INVALID", issues } });
}

interface SubmitDraftOptions {
  now?: Date;
}

export async function submitDraft(
  db: Db,
  input: { ownerId: string; draftId: string; idempotencyKey: string },
  options: SubmitDraftOptions = {},
): Promise<TSubmitted> {
  if (!input.idempotencyKey || input.idempotencyKey.length > 200) {
    throw new AppError("VALIDATION", { message: "submitDraft: idempotencyKey must be 1-200 characters" });
  }
  const replay = await findSubmitReplay(db, input);
  if (replay) return replay;

  const draft = await loadDraftForSubmit(db, input);
  if (!draft) {
    // A replay racing the first attempt finds the draft already filed: answer with its dossier.
    const raced = await findSubmitReplay(db, input);
    if (raced) return raced;
    throw new AppError("NOT_FOUND", { message: `draft ${input.draftId} of user ${input.ownerId}` });
  }
  const version = draft.procedureVersion;
  if (version.status !== "PUBLISHED" || !version.procedure.active) {
    throw new AppError("VALIDATION", { message: `procedure version ${version.id} is no longer published`, details: { reason: "VERSION_RETIRED" } });
  }
  if (!version.channels.includes(2)) {
    throw new AppError("VALIDATION", { message: `procedure version ${version.id} is not offered online`, details: { reason: "NOT_ONLINE" } });
  }
  const verdict = can("SUBMIT", {
    status: null,
    currentStepOrder: null,
    steps: version.steps,
    actorRoles: [],
    actorIsAssignee: false,
    actorIsOwner: true,
    now: options.now ?? new Date(),
    dueAt: null,
  });
  if (!verdict.ok) {
    throw new AppError(verdict.reason === "INVALID_STEPS" ? "VALIDATION" : "INVALID_TRANSITION", {
      message: `SUBMIT refused for procedure version ${version.id}: ${verdict.reason}`,
      details: { reason: verdict.reason },
    });
  }

  const { issues, submission } = checkDraft(draft);
  if (issues.length > 0 || !submission) throw validationError(`draft ${draft.id} is not ready: ${issues.map((i) => `${i.path}:${i.key}`).join(", ")}`, issues);

  const { applicant } = submission;
  const created = await createDossier(
    db,
    {
      procedureVersionId: version.id,
      receivingAgencyId: submission.agencyId,
      applicantType: applicant.applicantType,
      applicantName: applicant.name,
      applicantIdNumber: applicant.idNumber,
      ...(applicant.dateOfBirth ? { applicantDateOfBirth: new Date(`${applicant.dateOfBirth}T00:00:00Z`) } : {}),
      applicantPhone: applicant.phone,
      ...(applicant.email ? { applicantEmail: applicant.email } : {}),
      applicantAddress: applicant.address,
      organisationName: applicant.organisationName,
      taxCode: applicant.taxCode,
      channel: 2,
      status: "NEW",
      formData: submission.fields as TCreateDossierInput["formData"],
      resultDelivery: submission.resultDelivery,
      deliveryAddress: submission.deliveryAddress ? formatAddress(submission.deliveryAddress) : undefined,
      ownerId: input.ownerId,
      ...(options.now ? { submittedAt: options.now } : {}),
      idempotencyKey: input.idempotencyKey,
      actor: { userId: input.ownerId },
    },
    {
      inTransaction: async (tx, dossier) => {
        // The draft row is locked and re-checked: a second submission of the same draft with
        // another key waits here, then finds it gone and rolls back its dossier and code.
        const locked = await tx.$queryRaw<{ updatedAt: Date }[]>`
          SELECT "updatedAt" FROM "DossierDraft" WHERE "id" = ${draft.id} AND "ownerId" = ${input.ownerId} FOR UPDATE`;
        const row = locked[0];
        if (!row) throw new AppError("CONFLICT", { message: `draft ${draft.id} was submitted or deleted meanwhile`, details: { reason: "DRAFT_GONE" } });
        if (row.updatedAt.getTime() !== draft.updatedAt.getTime()) {
          throw new AppError("CONFLICT", { message: `draft ${draft.id} changed during submission`, details: { reason: "DRAFT_CHANGED" } });
        }
        // Files first: deleting the draft would cascade to attachments still pointing at it.
        await tx.attachment.updateMany({ where: { draftId: draft.id }, data: { dossierId: dossier.id, draftId: null } });
        await tx.dossierDraft.delete({ where: { id: draft.id } });
        // Files are not part of the draft's updatedAt: check the required ones on what was filed.
        const filed = await tx.attachment.findMany({ where: { dossierId: dossier.id }, select: { documentComponentId: true } });
        const present = new Set(filed.map((a) => a.documentComponentId));
        const missing = version.components.filter((c) => c.required && !present.has(c.id));
        if (missing.length > 0) {
          throw validationError(
            `draft ${draft.id} lost required files during submission`,
            missing.map((c) => ({ path: `components.${c.id}`, key: "submission.componentRequired", vars: { order: c.order } })),
          );
        }
      },
    },
  );
  return { id: created.id, code: created.code, status: created.status, replayed: created.replayed };
}
