// submitDraft: a citizen's draft becomes an online dossier (channel 2, NEW) in one transaction:
// the dossier and its code, the draft's files filed in it, the draft gone. A replayed key answers
// with the dossier of the first attempt; a refused submission stores nothing.
import type { Db } from "../../../db";
import { AppError } from "../../../errors";
import type { MessageVars } from "../../../i18n/core";
import { createDossier } from "../../dossier/create-dossier";
import type { TCreateDossierInput } from "../../dossier/schema";
import { can } from "../../dossier/workflow";
import { parseFormSchema } from "../../eform/format";
import { issueKey } from "../../eform/validator";
import { buildSubmissionValidator, formatAddress, ZDraftDataSchema, type TSubmitted } from "../schema";

export interface TSubmissionIssue {
  /** "applicant.idNumber", "fields.organisation.taxCode", "agencyId", "components.<id>". */
  path: string;
  /** Message key, e.g. "eform.idNumber", "submission.componentRequired". */
  key: string;
  vars: MessageVars;
}

function validationError(message: string, issues: TSubmissionIssue[]): AppError {
  return new AppError("VALIDATION", { message, details: { reason: "SUBMISSION_INVALID", issues } });
}

/** The dossier a submit key already made for this owner, or null (CONFLICT when the key is someone else's). */
export async function findSubmitReplay(db: Db, { idempotencyKey, ownerId }: { idempotencyKey: string; ownerId: string }): Promise<TSubmitted | null> {
  const event = await db.dossierEvent.findUnique({
    where: { idempotencyKey },
    select: { action: true, dossier: { select: { id: true, code: true, status: true, ownerId: true } } },
  });
  if (!event) return null;
  if (event.action !== "SUBMIT" || event.dossier.ownerId !== ownerId) {
    throw new AppError("CONFLICT", { message: `idempotency key ${idempotencyKey} was used for another command`, details: { reason: "KEY_REUSED" } });
  }
  return { id: event.dossier.id, code: event.dossier.code, status: event.dossier.status, replayed: true };
}

/** The issues that stop a draft from being submitted (empty when it may go). */
export async function submissionIssues(db: Db, input: { ownerId: string; draftId: string }): Promise<TSubmissionIssue[]> {
  const loaded = await loadDraftForSubmit(db, input);
  if (!loaded) throw new AppError("NOT_FOUND", { message: `draft ${input.draftId} of user ${input.ownerId}` });
  return check(loaded).issues;
}

async function loadDraftForSubmit(db: Db, { ownerId, draftId }: { ownerId: string; draftId: string }) {
  return db.dossierDraft.findFirst({
    where: { id: draftId, ownerId },
    select: {
      id: true,
      formData: true,
      updatedAt: true,
      attachments: { select: { id: true, documentComponentId: true } },
      procedureVersion: {
        select: {
          id: true,
          status: true,
          channels: true,
          formSchema: true,
          steps: { select: { order: true, kind: true, role: true } },
          components: { orderBy: { order: "asc" }, select: { id: true, order: true, required: true, nameVi: true, nameEn: true } },
          procedure: { select: { active: true, agencies: { where: { agency: { active: true } }, select: { agencyId: true } } } },
        },
      },
    },
  });
}

type LoadedDraft = NonNullable<Awaited<ReturnType<typeof loadDraftForSubmit>>>;

function check(draft: LoadedDraft) {
  const version = draft.procedureVersion;
  const validator = buildSubmissionValidator({
    formSchema: parseFormSchema(version.formSchema),
    agencyIds: version.procedure.agencies.map((a) => a.agencyId),
  });
  const data = ZDraftDataSchema.safeParse(draft.formData);
  const result = validator.safeParse(data.success ? data.data : {});
  const issues: TSubmissionIssue[] = result.success
    ? []
    : result.error.issues.map((issue) => ({ path: issue.path.map(String).join("."), ...issueKey(issue) }));
  // One file slot per component: a required one must hold a file.
  const filed = new Set(draft.attachments.map((a) => a.documentComponentId));
  for (const component of version.components) {
    if (component.required && !filed.has(component.id)) {
      issues.push({ path: `components.${component.id}`, key: "submission.componentRequired", vars: { order: component.order } });
    }
  }
  return { issues, submission: result.success ? result.data : null };
}

export interface SubmitDraftOptions {
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

  const { issues, submission } = check(draft);
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
