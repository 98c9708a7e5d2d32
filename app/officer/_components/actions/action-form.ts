// One action's form, as data: the values the dialog edits, the command they make (the payload
// shapes of ZActSchema), and which form field each command path is (for the errors of a check in
// the browser or of a refusal by the server: both name the command's paths).
import type { TFunction } from "~/server/i18n/core";
import { ZActSchema, type TActInput, type TDossierDetail } from "~/server/modules/dossier/schema";
import { vietnamInstant } from "../../_lib/format";
import { schemaResolver, type Built, type FieldOf } from "../../_lib/form-errors";

export type Transition = TDossierDetail["availableActions"][number];
export type Action = Transition["action"];

/** What the action panel needs of a dossier (the detail DTO, online or from the device). */
export interface ActionPanelDossier {
  id: string;
  code: string;
  version: number;
  status: TDossierDetail["status"];
  dueAt: Date | null;
  resultDelivery: TDossierDetail["resultDelivery"];
  currentStepOrder: number | null;
  steps: { order: number; nameVi: string; nameEn: string }[];
  actions: Transition[];
}

/** Every field any action's form has (each action sends only those it uses). */
export interface ActionFormValues {
  assigneeId: string;
  /** The note, reason or comment: where it goes depends on the action (textPath). */
  text: string;
  items: { value: string }[];
  amount: string;
  resultNumber: string;
  method: "AT_DESK" | "BY_POST";
  waybill: string;
  /** YYYY-MM-DD (a working day; the dossier is then due at its close of business). */
  newDate: string;
}

export function defaultActionValues(dossier: Pick<ActionPanelDossier, "resultDelivery">): ActionFormValues {
  return {
    assigneeId: "",
    text: "",
    items: [{ value: "" }],
    amount: "",
    resultNumber: "",
    method: dossier.resultDelivery === "BY_POST" ? "BY_POST" : "AT_DESK",
    waybill: "",
    newDate: "",
  };
}

export const ASSIGNING: readonly Action[] = ["ASSIGN", "FORWARD", "APPROVE"];
const REASON: readonly Action[] = ["STOP", "WITHDRAW", "REFUSE", "EXTEND"];
/** Actions whose form has no free text (their payload says it all). */
const NO_TEXT: readonly Action[] = ["REQUEST_FEE", "ISSUE_RESULT", "RETURN_RESULT"];

export function hasText(action: Action): boolean {
  return !NO_TEXT.includes(action);
}

/** Where the free text goes in the command. */
export function textPath(action: Action): string {
  if (REASON.includes(action)) return "payload.reason";
  if (action === "SEND_BACK" || action === "REQUEST_SUPPLEMENT" || action === "COMMENT" || action === "FORWARD") return "payload.note";
  return "note";
}

export function textLabel(t: TFunction, action: Action): string {
  if (action === "SEND_BACK" || REASON.includes(action)) return t("officer.act.reason");
  if (action === "REQUEST_SUPPLEMENT") return t("officer.act.supplementNote");
  if (action === "COMMENT") return t("officer.act.comment");
  return t("officer.act.note");
}

export function textRequired(transition: Transition): boolean {
  return transition.requiresNote || transition.action === "COMMENT";
}

/** The form field a command path names (payload.items.2 is the items list). */
export function actionFieldOf(action: Action): FieldOf<ActionFormValues> {
  const paths: [string, keyof ActionFormValues][] = [
    ["payload.assigneeId", "assigneeId"],
    ["payload.items", "items"],
    ["payload.amount", "amount"],
    ["payload.resultNumber", "resultNumber"],
    ["payload.method", "method"],
    ["payload.waybill", "waybill"],
    ["payload.newDueAt", "newDate"],
    [textPath(action), "text"],
  ];
  return (path) => paths.find(([p]) => path === p || path.startsWith(`${p}.`))?.[1] ?? null;
}

/** The payload and note the values make for `action`; null when the new date is no date. */
export function payloadAndNote(action: Action, values: ActionFormValues): { payload: Record<string, unknown>; note?: string } | null {
  const trimmed = values.text.trim();
  const note = trimmed ? { note: trimmed } : {};
  const { assigneeId } = values;
  switch (action) {
    case "ASSIGN":
      return { payload: { assigneeId }, ...note };
    case "FORWARD":
      return { payload: { ...(assigneeId ? { assigneeId } : {}), ...note } };
    case "APPROVE":
      return { payload: assigneeId ? { assigneeId } : {}, ...note };
    case "SEND_BACK":
      return { payload: { note: trimmed } };
    case "REQUEST_SUPPLEMENT":
      return { payload: { items: values.items.map((i) => i.value.trim()).filter(Boolean), note: trimmed } };
    case "REQUEST_FEE":
      return { payload: { amount: Number(values.amount) } };
    case "ISSUE_RESULT":
      return { payload: { resultNumber: values.resultNumber.trim() } };
    case "RETURN_RESULT":
      return { payload: { method: values.method, ...(values.method === "BY_POST" ? { waybill: values.waybill.trim() } : {}) } };
    case "EXTEND": {
      const newDueAt = vietnamInstant(values.newDate, "17:00");
      return newDueAt ? { payload: { newDueAt, reason: trimmed } } : null;
    }
    case "STOP":
    case "WITHDRAW":
    case "REFUSE":
      return { payload: { reason: trimmed } };
    case "COMMENT":
      return { payload: { note: trimmed } };
    default:
      return { payload: {}, ...note };
  }
}

export interface ActionFormContext {
  t: TFunction;
  dossier: Pick<ActionPanelDossier, "id" | "version">;
  action: Action;
  /** Made once, when the dialog opens: a retried submission is the same command. */
  idempotencyKey: string;
}

export function buildActionCommand(values: ActionFormValues, { t, dossier, action, idempotencyKey }: ActionFormContext): Built<TActInput> {
  const built = payloadAndNote(action, values);
  if (!built) return { rejection: { fieldErrors: { "payload.newDueAt": "invalid_date" }, message: t("errors.VALIDATION") } };
  return {
    input: {
      dossierId: dossier.id,
      action,
      expectedVersion: dossier.version,
      idempotencyKey,
      ...(built.note ? { note: built.note } : {}),
      payload: built.payload,
    } as TActInput,
  };
}

/** The action's command, checked with the schema the server checks it with (ZActSchema). */
export const actionResolver = schemaResolver<ActionFormValues, ActionFormContext, TActInput>({
  schema: ZActSchema,
  build: buildActionCommand,
  fieldOf: (context) => actionFieldOf(context.action),
});
