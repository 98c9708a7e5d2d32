import "server-only";
import type { RouterOutputs } from "~/server/api/root";
import type { TFormSchema } from "~/server/modules/eform/format";
import type { EditorContent } from "./_components/editor-state";

type Version = RouterOutputs["admin"]["procedure"]["get"]["versions"][number];

/** The editor's starting point for a new version: a copy of the version it is based on. */
export function contentFromVersion(v: Version, validFrom: Date): EditorContent {
  return {
    nameVi: v.nameVi,
    nameEn: v.nameEn,
    authorityVi: v.authorityVi,
    authorityEn: v.authorityEn,
    limitValue: v.limitValue,
    limitUnit: v.limitUnit,
    sameDayCutoff: v.sameDayCutoff,
    fee: v.fee,
    feeNoteVi: v.feeNoteVi,
    feeNoteEn: v.feeNoteEn,
    legalBasisVi: v.legalBasisVi,
    legalBasisEn: v.legalBasisEn,
    onlineLevel: v.onlineLevel,
    channels: v.channels,
    acrossBoundary: v.acrossBoundary,
    formSchema: (v.formSchema && typeof v.formSchema === "object" ? { version: 1, fields: [], ...(v.formSchema as object) } : { version: 1, fields: [] }) as TFormSchema,
    resultNameVi: v.resultNameVi,
    resultNameEn: v.resultNameEn,
    components: v.components.map(({ id: _id, order: _order, ...c }) => c),
    steps: v.steps.map(({ id: _id, order: _order, ...s }) => ({ ...s, role: s.role as EditorContent["steps"][number]["role"] })),
    validFrom,
    validTo: null,
  };
}

/** A new version opens after the latest one opened: now (to the minute), or just after a latest version scheduled for later. */
export function newVersionStart(latestValidFrom: Date, now = new Date()): Date {
  const minute = Math.floor(now.getTime() / 60_000) * 60_000;
  return new Date(Math.max(minute, Math.floor(latestValidFrom.getTime() / 60_000) * 60_000 + 60_000));
}
