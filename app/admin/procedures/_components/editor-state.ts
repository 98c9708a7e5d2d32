// The procedure editor's state and every change to it, as one pure reducer (unit-tested beside):
// the version's content, the new procedure's identity, the validity window as typed, and the save.
import {
  COMPONENT_FILE_TYPES,
  type ONLINE_LEVELS,
  type PROCEDURE_LEVELS,
  type TIME_UNITS,
  type TComponentInput,
  type TFeeRule,
  type TStepInput,
} from "~/server/modules/admin/schema";
import type { TFormSchema } from "~/server/modules/eform/format";
import type { CallError } from "../../_components/ui";

export interface EditorContent {
  nameVi: string;
  nameEn: string;
  authorityVi: string;
  authorityEn: string;
  limitValue: number;
  limitUnit: (typeof TIME_UNITS)[number];
  sameDayCutoff: string | null;
  fee: TFeeRule;
  feeNoteVi: string | null;
  feeNoteEn: string | null;
  legalBasisVi: string;
  legalBasisEn: string | null;
  onlineLevel: (typeof ONLINE_LEVELS)[number];
  channels: number[];
  acrossBoundary: boolean;
  formSchema: TFormSchema;
  resultNameVi: string | null;
  resultNameEn: string | null;
  components: TComponentInput[];
  steps: TStepInput[];
  validFrom: Date;
  validTo: Date | null;
}

export interface EditorTarget {
  mode: "create" | "version";
  procedureId?: string;
  basedOnVersionId?: string;
  basedOnVersion?: number;
  sectors: { id: string; name: string }[];
  agencies: { id: string; name: string }[];
}

/** What only a new procedure has: its code, sector, level and the agencies that offer it. */
export interface EditorIdentity {
  code: string;
  sectorId: string;
  level: (typeof PROCEDURE_LEVELS)[number];
  agencyIds: string[];
}

/** Content fields edited as plain values (the lists, the fee, the channels and the dates have their own actions). */
export type EditorScalars = Pick<
  EditorContent,
  | "nameVi"
  | "nameEn"
  | "authorityVi"
  | "authorityEn"
  | "limitValue"
  | "limitUnit"
  | "sameDayCutoff"
  | "feeNoteVi"
  | "feeNoteEn"
  | "legalBasisVi"
  | "legalBasisEn"
  | "onlineLevel"
  | "acrossBoundary"
  | "resultNameVi"
  | "resultNameEn"
>;

export interface EditorState {
  content: EditorContent;
  identity: EditorIdentity;
  /** The validity window as typed in the datetime-local inputs (Vietnam time); read on save. */
  validFromText: string;
  validToText: string;
  pending: boolean;
  error: CallError | null;
}

export type FeeKind = TFeeRule["kind"];
export const FEE_KINDS = ["none", "fixed", "percent", "schedule"] as const satisfies readonly FeeKind[];
export type ListName = "steps" | "components";

export type EditorAction =
  | { type: "set"; patch: Partial<EditorScalars> }
  | { type: "identity"; patch: Partial<EditorIdentity> }
  | { type: "validity"; patch: Partial<Pick<EditorState, "validFromText" | "validToText">> }
  | { type: "feeKind"; kind: FeeKind }
  | { type: "feeAmount"; amount: number }
  | { type: "feePercent"; patch: Partial<{ rate: number; min: number; max: number }> }
  | { type: "channel"; channel: number; on: boolean }
  | { type: "addStep" }
  | { type: "step"; index: number; patch: Partial<TStepInput> }
  | { type: "addComponent" }
  | { type: "component"; index: number; patch: Partial<TComponentInput> }
  | { type: "move"; list: ListName; index: number; by: -1 | 1 }
  | { type: "remove"; list: ListName; index: number }
  | { type: "formSchema"; formSchema: TFormSchema }
  | { type: "saveStarted" }
  | { type: "saveFailed"; error: CallError };

const VN_OFFSET_MS = 7 * 3_600_000;
/** "YYYY-MM-DDTHH:MM" in Vietnam time (UTC+7 all year) for a datetime-local input. */
export function toLocalInput(date: Date): string {
  return new Date(date.getTime() + VN_OFFSET_MS).toISOString().slice(0, 16);
}
export function fromLocalInput(value: string): Date | null {
  const d = new Date(`${value}:00+07:00`);
  return Number.isNaN(d.getTime()) ? null : d;
}

export function initialEditorState({ initial, target }: { initial: EditorContent; target: Pick<EditorTarget, "sectors"> }): EditorState {
  return {
    content: initial,
    identity: { code: "", sectorId: target.sectors[0]?.id ?? "", level: "PROVINCE", agencyIds: [] },
    validFromText: toLocalInput(initial.validFrom),
    validToText: initial.validTo ? toLocalInput(initial.validTo) : "",
    pending: false,
    error: null,
  };
}

/** A new procedure's starting content: the department as authority, five working days, the usual five steps. */
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

export function emptyComponent(): TComponentInput {
  return { nameVi: "", nameEn: "", required: true, copiesVi: "01 bản chính", copiesEn: "1 original", acceptedTypes: [...COMPONENT_FILE_TYPES], maxSizeBytes: 10 * 1024 * 1024 };
}

export function newStep(): TStepInput {
  return { kind: "APPRAISAL", nameVi: "Thẩm định", nameEn: "Appraisal", role: "SPECIALIST", allowanceValue: 8, allowanceUnit: "WORKING_HOUR" };
}

/** A fee of the given kind with its starting values. */
export function feeOfKind(kind: FeeKind): TFeeRule {
  return kind === "fixed" ? { kind, amount: 500000 } : kind === "percent" ? { kind, rate: 0.001, min: 0, max: 5000000 } : { kind };
}

export function moved<T>(list: readonly T[], index: number, by: number): T[] {
  const next = [...list];
  const [item] = next.splice(index, 1);
  next.splice(index + by, 0, item!);
  return next;
}

function patchedAt<T>(list: readonly T[], index: number, patch: Partial<T>): T[] {
  return list.map((item, i) => (i === index ? { ...item, ...patch } : item));
}

function withContent(state: EditorState, patch: Partial<EditorContent>): EditorState {
  return { ...state, content: { ...state.content, ...patch } };
}

export function editorReducer(state: EditorState, action: EditorAction): EditorState {
  const c = state.content;
  switch (action.type) {
    case "set":
      return withContent(state, action.patch);
    case "identity":
      return { ...state, identity: { ...state.identity, ...action.patch } };
    case "validity":
      return { ...state, ...action.patch };
    case "feeKind":
      return withContent(state, { fee: feeOfKind(action.kind) });
    case "feeAmount":
      return withContent(state, { fee: { kind: "fixed", amount: action.amount } });
    case "feePercent":
      return c.fee.kind === "percent" ? withContent(state, { fee: { ...c.fee, ...action.patch } }) : state;
    case "channel":
      return withContent(state, { channels: action.on ? [...c.channels, action.channel].sort() : c.channels.filter((x) => x !== action.channel) });
    case "addStep":
      return withContent(state, { steps: [...c.steps, newStep()] });
    case "step":
      return withContent(state, { steps: patchedAt(c.steps, action.index, action.patch) });
    case "addComponent":
      return withContent(state, { components: [...c.components, emptyComponent()] });
    case "component":
      return withContent(state, { components: patchedAt(c.components, action.index, action.patch) });
    case "move":
      return action.list === "steps"
        ? withContent(state, { steps: moved(c.steps, action.index, action.by) })
        : withContent(state, { components: moved(c.components, action.index, action.by) });
    case "remove":
      return action.list === "steps"
        ? withContent(state, { steps: c.steps.filter((_, j) => j !== action.index) })
        : withContent(state, { components: c.components.filter((_, j) => j !== action.index) });
    case "formSchema":
      return withContent(state, { formSchema: action.formSchema });
    case "saveStarted":
      return { ...state, pending: true, error: null };
    case "saveFailed":
      return { ...state, pending: false, error: action.error };
  }
}

/** Field problems of a refused save, by path (content paths with or without their "content." prefix). */
export interface EditorErrors {
  /** Exactly as the server named it. */
  fields: Record<string, string>;
  of: (path: string) => string | undefined;
}

export function editorErrors(error: CallError | null): EditorErrors {
  const fields = error?.fields ?? {};
  return { fields, of: (path) => fields[path] ?? fields[`content.${path}`] };
}

/** A number typed in an input, or the fallback when it is not one. */
export function num(raw: string, fallback = 0): number {
  const n = Number(raw);
  return Number.isFinite(n) ? n : fallback;
}
