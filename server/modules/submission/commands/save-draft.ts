// Drafts of online submissions: what a citizen typed so far, kept as typed, and the files they
// attached. One draft per citizen and procedure version: opening the form again resumes it.
import type { Db, DbTx, Prisma } from "../../../db";
import { AppError } from "../../../errors";
import { ADDRESS_PARTS, knownValues, RAW_VALUE_MAX } from "../../eform/form-data";
import { parseFormSchema, type TFormSchema } from "../../eform/format";
import { draftSelect, toDraft, loadPublishedVersion } from "../queries";
import { APPLICANT_FORM, ZDraftDataSchema, type TDraft, type TDraftData } from "../schema";

/** Only what the form has: the schema's fields, the applicant's, the agency and the delivery. */
function cleanDraftData(data: TDraftData, formSchema: TFormSchema): TDraftData {
  const clip = (v: unknown) => (typeof v === "string" ? v.slice(0, RAW_VALUE_MAX) : undefined);
  const address: Record<string, string> = {};
  for (const part of ADDRESS_PARTS) {
    const value = clip(data.deliveryAddress?.[part]);
    if (value !== undefined) address[part] = value;
  }
  return {
    applicant: knownValues(data.applicant ?? {}, APPLICANT_FORM) as TDraftData["applicant"],
    fields: knownValues(data.fields ?? {}, formSchema) as TDraftData["fields"],
    ...(data.agencyId ? { agencyId: data.agencyId } : {}),
    ...(data.resultDelivery ? { resultDelivery: data.resultDelivery } : {}),
    deliveryAddress: address,
  };
}

/** Serialises draft creation per citizen and version, so two tabs (or two first uploads) share one draft. */
export async function lockOwnerVersion(tx: DbTx, { ownerId, procedureVersionId }: { ownerId: string; procedureVersionId: string }): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`draft:${ownerId}:${procedureVersionId}`}, 0))`;
}

/**
 * Saves what the citizen typed (any state: validation happens at submission). Without `draftId`,
 * resumes the citizen's draft for this version, or starts one.
 */
export async function saveDraft(
  db: Db,
  input: { ownerId: string; procedureVersionId: string; formData: TDraftData; draftId?: string },
): Promise<TDraft> {
  const parsed = ZDraftDataSchema.safeParse(input.formData);
  if (!parsed.success) throw new AppError("VALIDATION", { message: `saveDraft: ${parsed.error.message}`, details: { reason: "DRAFT_INVALID" } });
  const version = await loadPublishedVersion(db, input);
  const data = cleanDraftData(parsed.data, parseFormSchema(version.formSchema)) as Prisma.InputJsonObject;

  if (input.draftId) {
    const { count } = await db.dossierDraft.updateMany({
      where: { id: input.draftId, ownerId: input.ownerId, procedureVersionId: input.procedureVersionId },
      data: { formData: data },
    });
    if (count === 0) throw new AppError("NOT_FOUND", { message: `draft ${input.draftId} of user ${input.ownerId}` });
    return toDraft(await db.dossierDraft.findUniqueOrThrow({ where: { id: input.draftId }, select: draftSelect }));
  }

  const row = await db.$transaction(async (tx) => {
    await lockOwnerVersion(tx, input);
    const existing = await tx.dossierDraft.findFirst({
      where: { ownerId: input.ownerId, procedureVersionId: input.procedureVersionId },
      orderBy: { updatedAt: "desc" },
      select: { id: true },
    });
    if (existing) return tx.dossierDraft.update({ where: { id: existing.id }, data: { formData: data }, select: draftSelect });
    return tx.dossierDraft.create({ data: { ownerId: input.ownerId, procedureVersionId: input.procedureVersionId, formData: data }, select: draftSelect });
  });
  return toDraft(row);
}
