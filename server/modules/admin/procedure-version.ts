// A procedure version's content once checked (checkedContent), as written to the database
// (versionData) and as the audit keeps it (contentSnapshot). Pure.
import type { Prisma } from "../../db";
import { checkProcedureContent } from "./content";
import { fieldErrors } from "./input";
import type { VersionRow } from "./queries/procedures";
import type { TProcedureContentParsed } from "./schema";

/** The audit's view of a version: its content, without row ids. */
export function contentSnapshot(row: VersionRow) {
  const { id: _id, createdAt: _c, components, steps, ...rest } = row;
  return {
    ...rest,
    components: components.map(({ id: _cid, ...c }) => c),
    steps: steps.map(({ id: _sid, ...s }) => s),
  };
}

export function checkedContent(content: TProcedureContentParsed) {
  const check = checkProcedureContent(content);
  if (Object.keys(check.errors).length > 0) throw fieldErrors(check.errors, "procedure content is invalid");
  return check.formSchema!;
}

export function versionData(content: TProcedureContentParsed, formSchema: unknown) {
  return {
    nameVi: content.nameVi,
    nameEn: content.nameEn,
    authorityVi: content.authorityVi,
    authorityEn: content.authorityEn,
    limitValue: content.limitValue,
    limitUnit: content.limitUnit,
    sameDayCutoff: content.sameDayCutoff,
    fee: content.fee,
    feeNoteVi: content.feeNoteVi,
    feeNoteEn: content.feeNoteEn,
    legalBasisVi: content.legalBasisVi,
    legalBasisEn: content.legalBasisEn,
    onlineLevel: content.onlineLevel,
    channels: [...content.channels].sort(),
    acrossBoundary: content.acrossBoundary,
    formSchema: formSchema as Prisma.InputJsonValue,
    resultNameVi: content.resultNameVi,
    resultNameEn: content.resultNameEn,
    validFrom: content.validFrom,
    validTo: content.validTo,
    components: {
      create: content.components.map((c, i) => ({
        order: i + 1,
        nameVi: c.nameVi,
        nameEn: c.nameEn,
        required: c.required,
        copiesVi: c.copiesVi,
        copiesEn: c.copiesEn,
        templateUrl: c.templateUrl,
        acceptedTypes: [...c.acceptedTypes],
        maxSizeBytes: c.maxSizeBytes,
      })),
    },
    steps: {
      create: content.steps.map((s, i) => ({
        order: i + 1,
        kind: s.kind,
        nameVi: s.nameVi,
        nameEn: s.nameEn,
        role: s.role,
        allowanceValue: s.allowanceValue,
        allowanceUnit: s.allowanceUnit,
      })),
    },
  } satisfies Omit<Prisma.ProcedureVersionUncheckedCreateInput, "procedureId" | "version">;
}
