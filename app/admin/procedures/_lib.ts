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

export function emptyContent(): EditorContent {
  return {
    nameVi: "",
    nameEn: "",
    authorityVi: "Sở Khoa học và Công nghệ",
    authorityEn: "Department of Science and Technology",
    limitValue: 5,
    limitUnit: "WORKING_DAY",
    sameDayCutoff: null,
    fee: { kind: "none" },
    feeNoteVi: null,
    feeNoteEn: null,
    legalBasisVi: "",
    legalBasisEn: null,
    onlineLevel: "PARTIAL",
    channels: [1, 2, 3],
    acrossBoundary: false,
    formSchema: { version: 1, fields: [] },
    resultNameVi: null,
    resultNameEn: null,
    components: [],
    steps: [
      { kind: "RECEPTION", nameVi: "Tiếp nhận hồ sơ", nameEn: "Reception", role: "RECEPTION_OFFICER", allowanceValue: 4, allowanceUnit: "WORKING_HOUR" },
      { kind: "APPRAISAL", nameVi: "Thẩm định hồ sơ", nameEn: "Appraisal", role: "SPECIALIST", allowanceValue: 24, allowanceUnit: "WORKING_HOUR" },
      { kind: "APPROVAL", nameVi: "Phê duyệt", nameEn: "Approval", role: "LEADER", allowanceValue: 8, allowanceUnit: "WORKING_HOUR" },
      { kind: "ISSUANCE", nameVi: "Phát hành kết quả", nameEn: "Issuance", role: "RECORDS_CLERK", allowanceValue: 2, allowanceUnit: "WORKING_HOUR" },
      { kind: "RETURN", nameVi: "Trả kết quả", nameEn: "Return of result", role: "RECEPTION_OFFICER", allowanceValue: 2, allowanceUnit: "WORKING_HOUR" },
    ],
    validFrom: new Date(),
    validTo: null,
  };
}

/** A new version opens after the latest one opened: now (to the minute), or just after a latest version scheduled for later. */
export function newVersionStart(latestValidFrom: Date, now = new Date()): Date {
  const minute = Math.floor(now.getTime() / 60_000) * 60_000;
  return new Date(Math.max(minute, Math.floor(latestValidFrom.getTime() / 60_000) * 60_000 + 60_000));
}
