"use client";

import { useQuery } from "@tanstack/react-query";
import { TRPCClientError } from "@trpc/client";
import { useRouter } from "next/navigation";
import { useEffect, useId, useRef, useState } from "react";
import { useLocale, useT } from "~/app/_components/i18n-provider";
import { useOfficerAction, type OfficerActionInput } from "~/app/_offline/use-officer-action";
import { useTRPC, type RouterOutputs } from "~/app/_trpc/react";
import { Notice } from "../../_components/badges";
import { formatDateTime, pickName, vietnamDateKey, vietnamInstant } from "../../_lib/format";
import { newIdempotencyKey } from "../../_lib/keys";

type Detail = RouterOutputs["dossier"]["get"];
type Transition = Detail["availableActions"][number];
type Action = Transition["action"];

export interface ActionPanelDossier {
  id: string;
  code: string;
  version: number;
  status: Detail["status"];
  dueAt: Date | null;
  resultDelivery: Detail["resultDelivery"];
  currentStepOrder: number | null;
  steps: { order: number; nameVi: string; nameEn: string }[];
  actions: Transition[];
}

/** Destructive or final actions get the outlined, not the filled, style: they are rarely the next step. */
const SECONDARY: readonly Action[] = ["REFUSE", "STOP", "WITHDRAW", "SEND_BACK", "EXTEND", "COMMENT", "ASSIGN"];

/**
 * The actions this officer may take now (the server's availableActions, nothing else), each a
 * button opening a small form for its payload.
 */
export function ActionPanel({ dossier }: { dossier: ActionPanelDossier }) {
  const t = useT();
  const [open, setOpen] = useState<Transition | null>(null);
  const [done, setDone] = useState<Action | null>(null);
  // The action went to the outbox (offline, or behind other queued actions) rather than straight through.
  const [queued, setQueued] = useState(false);
  const returnFocus = useRef<HTMLButtonElement | null>(null);
  const doneRef = useRef<HTMLDivElement>(null);

  // The dialog is gone and its button may be too (the dossier moved on): focus the confirmation.
  useEffect(() => {
    if (done) doneRef.current?.focus();
  }, [done]);

  const primary = dossier.actions.filter((a) => !SECONDARY.includes(a.action));
  const secondary = dossier.actions.filter((a) => SECONDARY.includes(a.action));

  return (
    <div className="space-y-3">
      {done && (
        <div ref={doneRef} tabIndex={-1} className="focus:outline-none">
          <Notice tone="success">
            {queued ? t("officer.offline.actionQueued", { action: t(`officer.actions.${done}`) }) : t("officer.act.done", { action: t(`officer.actions.${done}`) })}
          </Notice>
        </div>
      )}
      {dossier.actions.length === 0 ? (
        <p className="text-ink-600">{t("officer.act.none")}</p>
      ) : (
        <div className="flex flex-wrap gap-2" role="group" aria-label={t("officer.dossier.actions")}>
          {[...primary, ...secondary].map((a) => (
            <button
              key={a.action}
              type="button"
              data-action={a.action}
              onClick={(e) => {
                returnFocus.current = e.currentTarget;
                setDone(null);
                setOpen(a);
              }}
              className={
                SECONDARY.includes(a.action)
                  ? "rounded border-2 border-brand-700 bg-white px-3 py-2 font-semibold text-brand-700 hover:bg-brand-50"
                  : "btn-primary"
              }
            >
              {t(`officer.actions.${a.action}`)}
            </button>
          ))}
        </div>
      )}
      {open && (
        <ActionDialog
          dossier={dossier}
          transition={open}
          onClose={(succeeded, wasQueued = false) => {
            setOpen(null);
            setQueued(wasQueued);
            if (succeeded) setDone(open.action);
            else returnFocus.current?.focus();
          }}
        />
      )}
    </div>
  );
}

interface ConflictState {
  status: Detail["status"];
  version: number;
}

function conflictOf(error: unknown): ConflictState | null {
  if (!(error instanceof TRPCClientError)) return null;
  const data = error.data as { appCode?: string; details?: { current?: { status?: Detail["status"]; version?: number } } } | undefined;
  if (data?.appCode !== "CONFLICT") return null;
  const current = data.details?.current;
  return current?.status && typeof current.version === "number" ? { status: current.status, version: current.version } : { status: "NEW", version: -1 };
}

function errorInfo(error: unknown): { message: string | null; fields: Set<string> } {
  if (error instanceof TRPCClientError) {
    const data = error.data as { userMessage?: string; fieldErrors?: Record<string, string>; details?: { field?: string } } | undefined;
    const fields = new Set<string>(Object.keys(data?.fieldErrors ?? {}));
    if (typeof data?.details?.field === "string") fields.add(data.details.field);
    return { message: data?.userMessage ?? null, fields };
  }
  return { message: null, fields: new Set() };
}

/** One action's form in a modal dialog. Its idempotency key is made once, when the dialog opens. */
function ActionDialog({
  dossier,
  transition,
  onClose,
}: {
  dossier: ActionPanelDossier;
  transition: Transition;
  onClose: (succeeded: boolean, queued?: boolean) => void;
}) {
  const t = useT();
  const locale = useLocale();
  const router = useRouter();
  // Every action goes through the offline outbox (app/_offline): straight to the server when online.
  const { submit: submitAction } = useOfficerAction();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const [idempotencyKey] = useState(newIdempotencyKey);
  const [pending, setPending] = useState(false);
  const [conflict, setConflict] = useState<ConflictState | null>(null);
  const [error, setError] = useState<{ message: string; fields: Set<string> } | null>(null);
  const action = transition.action;

  useEffect(() => {
    const dialog = dialogRef.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);

  // Field values (only those the action uses are sent).
  const [assigneeId, setAssigneeId] = useState("");
  const [text, setText] = useState("");
  const [items, setItems] = useState<string[]>([""]);
  const [amount, setAmount] = useState("");
  const [resultNumber, setResultNumber] = useState("");
  const [method, setMethod] = useState<"AT_DESK" | "BY_POST">(dossier.resultDelivery === "BY_POST" ? "BY_POST" : "AT_DESK");
  const [waybill, setWaybill] = useState("");
  const [newDate, setNewDate] = useState("");

  const needsAssignee = action === "ASSIGN" || action === "FORWARD" || action === "APPROVE";
  const assigneeStep = action === "ASSIGN" ? dossier.currentStepOrder : transition.toStepOrder;
  const stepLabel = (order: number | null) => {
    const s = dossier.steps.find((x) => x.order === order);
    return s ? pickName(locale, s.nameVi, s.nameEn) : "";
  };

  function payloadAndNote(): { payload: Record<string, unknown>; note?: string } | null {
    const trimmed = text.trim();
    switch (action) {
      case "ASSIGN":
        return { payload: { assigneeId }, ...(trimmed ? { note: trimmed } : {}) };
      case "FORWARD":
        return { payload: { ...(assigneeId ? { assigneeId } : {}), ...(trimmed ? { note: trimmed } : {}) } };
      case "APPROVE":
        return { payload: assigneeId ? { assigneeId } : {}, ...(trimmed ? { note: trimmed } : {}) };
      case "SEND_BACK":
        return { payload: { note: trimmed } };
      case "REQUEST_SUPPLEMENT":
        return { payload: { items: items.map((i) => i.trim()).filter(Boolean), note: trimmed } };
      case "REQUEST_FEE":
        return { payload: { amount: Number(amount) } };
      case "ISSUE_RESULT":
        return { payload: { resultNumber: resultNumber.trim() } };
      case "RETURN_RESULT":
        return { payload: { method, ...(method === "BY_POST" ? { waybill: waybill.trim() } : {}) } };
      case "EXTEND": {
        // The proposed date is a working day; the dossier is due at its close of business.
        const newDueAt = vietnamInstant(newDate, "17:00");
        return newDueAt ? { payload: { newDueAt, reason: trimmed } } : null;
      }
      case "STOP":
      case "WITHDRAW":
      case "REFUSE":
        return { payload: { reason: trimmed } };
      case "COMMENT":
        return { payload: { note: trimmed } };
      default:
        return { payload: {}, ...(trimmed ? { note: trimmed } : {}) };
    }
  }

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    const built = payloadAndNote();
    if (!built) return;
    setPending(true);
    setError(null);
    setConflict(null);
    try {
      const outcome = await submitAction({
        label: dossier.code,
        dossierId: dossier.id,
        action,
        expectedVersion: dossier.version,
        idempotencyKey,
        ...(built.note ? { note: built.note } : {}),
        payload: built.payload,
      } as OfficerActionInput);
      if (outcome.kind === "refused") throw outcome.error;
      onClose(true, outcome.kind === "queued");
      if (outcome.kind === "applied") router.refresh();
    } catch (err) {
      const c = conflictOf(err);
      if (c) setConflict(c);
      else {
        const info = errorInfo(err);
        setError({ message: info.message ?? t("errors.INTERNAL"), fields: info.fields });
      }
    } finally {
      setPending(false);
    }
  }

  const invalid = (path: string) => (error?.fields.has(path) ? true : undefined);
  const textLabel =
    action === "SEND_BACK" || action === "STOP" || action === "WITHDRAW" || action === "REFUSE" || action === "EXTEND"
      ? t("officer.act.reason")
      : action === "REQUEST_SUPPLEMENT"
        ? t("officer.act.supplementNote")
        : action === "COMMENT"
          ? t("officer.act.comment")
          : t("officer.act.note");
  const textRequired = transition.requiresNote || action === "COMMENT";
  const textPath =
    action === "STOP" || action === "WITHDRAW" || action === "REFUSE" || action === "EXTEND"
      ? "payload.reason"
      : action === "SEND_BACK" || action === "REQUEST_SUPPLEMENT" || action === "COMMENT" || action === "FORWARD"
        ? "payload.note"
        : "note";
  const minExtendDate = dossier.dueAt ? vietnamDateKey(new Date(dossier.dueAt.getTime() + 24 * 3600 * 1000)) : undefined;

  return (
    <dialog
      ref={dialogRef}
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault();
        if (!pending) onClose(false);
      }}
      className="m-auto w-[min(36rem,calc(100vw-2rem))] rounded-lg border border-line p-0 shadow-xl backdrop:bg-ink-900/50"
    >
      <form onSubmit={submit} className="space-y-4 p-5" noValidate={false}>
        <h2 id={titleId} className="text-xl font-bold text-brand-800">
          {t(`officer.actions.${action}`)}
        </h2>
        <p className="text-sm text-ink-600">
          {t("officer.act.dossierLine", { code: dossier.code })}
          {transition.toStatus !== dossier.status && ` · ${t("officer.act.leadsTo", { status: t(`status.${transition.toStatus}`) })}`}
          {transition.toStepOrder !== dossier.currentStepOrder && transition.toStepOrder !== null && ` · ${t("officer.act.toStep", { step: stepLabel(transition.toStepOrder) })}`}
        </p>
        {transition.form && <p className="text-sm">{t("officer.act.producesForm", { form: transition.form })}</p>}

        {needsAssignee && (
          <AssigneeSelect
            dossierId={dossier.id}
            stepOrder={assigneeStep}
            required={action === "ASSIGN"}
            value={assigneeId}
            onChange={setAssigneeId}
            label={action === "ASSIGN" ? t("officer.act.assignee") : t("officer.act.nextHolder", { step: stepLabel(assigneeStep) })}
            invalid={invalid("payload.assigneeId")}
          />
        )}

        {action === "REQUEST_SUPPLEMENT" && (
          <fieldset className="space-y-2">
            <legend className="field-label">{t("officer.act.items")}</legend>
            {items.map((item, i) => (
              <div key={i} className="flex gap-2">
                <label htmlFor={`supp-item-${i}`} className="sr-only">
                  {t("officer.act.itemN", { n: i + 1 })}
                </label>
                <input
                  id={`supp-item-${i}`}
                  value={item}
                  onChange={(e) => setItems((prev) => prev.map((x, j) => (j === i ? e.target.value : x)))}
                  required={i === 0}
                  maxLength={500}
                  placeholder={t("officer.act.itemN", { n: i + 1 })}
                  aria-invalid={invalid("payload.items")}
                  className="field-input"
                />
                {items.length > 1 && (
                  <button
                    type="button"
                    onClick={() => setItems((prev) => prev.filter((_, j) => j !== i))}
                    aria-label={t("officer.act.removeItem", { n: i + 1 })}
                    className="rounded border-2 border-ink-600 px-2 font-semibold"
                  >
                    ✕
                  </button>
                )}
              </div>
            ))}
            {items.length < 50 && (
              <button type="button" onClick={() => setItems((prev) => [...prev, ""])} className="rounded border-2 border-brand-700 px-3 py-1 font-semibold text-brand-700">
                {t("officer.act.addItem")}
              </button>
            )}
          </fieldset>
        )}

        {action === "REQUEST_FEE" && (
          <div>
            <label htmlFor="act-amount" className="field-label">
              {t("officer.act.amount")}
            </label>
            <input
              id="act-amount"
              type="number"
              inputMode="numeric"
              min={0}
              step={1000}
              required
              value={amount}
              onChange={(e) => setAmount(e.target.value)}
              aria-invalid={invalid("payload.amount")}
              className="field-input"
            />
          </div>
        )}

        {action === "ISSUE_RESULT" && (
          <div>
            <label htmlFor="act-result-number" className="field-label">
              {t("officer.act.resultNumber")}
            </label>
            <span id="act-result-number-hint" className="field-hint">
              {t("officer.act.resultNumberHint")}
            </span>
            <input
              id="act-result-number"
              required
              maxLength={100}
              value={resultNumber}
              onChange={(e) => setResultNumber(e.target.value)}
              aria-describedby="act-result-number-hint"
              aria-invalid={invalid("payload.resultNumber")}
              className="field-input"
            />
          </div>
        )}

        {action === "RETURN_RESULT" && (
          <>
            <fieldset>
              <legend className="field-label">{t("officer.act.method")}</legend>
              {(["AT_DESK", "BY_POST"] as const).map((m) => (
                <label key={m} className="flex items-center gap-2 py-1">
                  <input type="radio" name="method" value={m} checked={method === m} onChange={() => setMethod(m)} className="h-5 w-5 accent-brand-700" />
                  {t(`officer.delivery.${m}`)}
                </label>
              ))}
            </fieldset>
            {method === "BY_POST" && (
              <div>
                <label htmlFor="act-waybill" className="field-label">
                  {t("officer.act.waybill")}
                </label>
                <input
                  id="act-waybill"
                  required
                  maxLength={100}
                  value={waybill}
                  onChange={(e) => setWaybill(e.target.value)}
                  aria-invalid={invalid("payload.waybill")}
                  className="field-input"
                />
              </div>
            )}
          </>
        )}

        {action === "EXTEND" && (
          <div>
            <label htmlFor="act-new-date" className="field-label">
              {t("officer.act.newDate")}
            </label>
            <span id="act-new-date-hint" className="field-hint">
              {t("officer.act.newDateHint", { due: formatDateTime(dossier.dueAt) })}
            </span>
            <input
              id="act-new-date"
              type="date"
              required
              min={minExtendDate}
              value={newDate}
              onChange={(e) => setNewDate(e.target.value)}
              aria-describedby="act-new-date-hint"
              aria-invalid={invalid("payload.newDueAt")}
              className="field-input"
            />
          </div>
        )}

        {(action === "RECEIVE" || action === "RESUME" || action === "CONFIRM_FEE") && <p>{t(`officer.act.confirm.${action}`)}</p>}

        {action !== "REQUEST_FEE" && action !== "ISSUE_RESULT" && action !== "RETURN_RESULT" && (
          <div>
            <label htmlFor="act-text" className="field-label">
              {textLabel}
              {!textRequired && <span className="font-normal text-ink-600"> ({t("officer.act.optional")})</span>}
            </label>
            <textarea
              id="act-text"
              rows={3}
              maxLength={2000}
              required={textRequired}
              value={text}
              onChange={(e) => setText(e.target.value)}
              aria-invalid={invalid(textPath)}
              className="field-input"
            />
          </div>
        )}

        {conflict && (
          <div role="alert" className="space-y-2 rounded border-l-4 border-brand-700 bg-brand-50 px-4 py-3 text-brand-900">
            <p className="font-semibold">{t("officer.act.conflictTitle")}</p>
            <p>
              {conflict.version > 0
                ? t("officer.act.conflictState", { status: t(`status.${conflict.status}`), version: conflict.version })
                : t("errors.CONFLICT")}
            </p>
            <button
              type="button"
              onClick={() => {
                onClose(false);
                router.refresh();
              }}
              className="btn-primary"
            >
              {t("officer.act.reload")}
            </button>
          </div>
        )}
        {error && (
          <div role="alert" className="rounded border-l-4 border-brand-700 bg-brand-50 px-4 py-3 text-brand-900">
            {error.message}
          </div>
        )}

        <div className="flex flex-wrap justify-end gap-2 border-t border-line pt-4">
          <button type="button" onClick={() => onClose(false)} disabled={pending} className="rounded border-2 border-ink-600 bg-white px-4 py-2 font-semibold">
            {t("officer.act.cancel")}
          </button>
          <button type="submit" disabled={pending || conflict !== null} aria-busy={pending || undefined} className="btn-primary">
            {pending ? t("officer.act.submitting") : t("officer.act.submit", { action: t(`officer.actions.${action}`) })}
          </button>
        </div>
      </form>
    </dialog>
  );
}

function AssigneeSelect({
  dossierId,
  stepOrder,
  required,
  value,
  onChange,
  label,
  invalid,
}: {
  dossierId: string;
  stepOrder: number | null;
  required: boolean;
  value: string;
  onChange: (v: string) => void;
  label: string;
  invalid?: boolean;
}) {
  const t = useT();
  const trpc = useTRPC();
  const query = useQuery(trpc.dossier.assignees.queryOptions({ dossierId, ...(stepOrder !== null ? { stepOrder } : {}) }));
  return (
    <div>
      <label htmlFor="act-assignee" className="field-label">
        {label}
        {!required && <span className="font-normal text-ink-600"> ({t("officer.act.optional")})</span>}
      </label>
      <select
        id="act-assignee"
        required={required}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        disabled={query.isPending}
        aria-invalid={invalid}
        className="field-input"
      >
        <option value="">
          {query.isPending ? t("officer.bulk.loadingAssignees") : required ? t("officer.bulk.chooseAssignee") : t("officer.act.noAssignee")}
        </option>
        {query.data?.map((a) => (
          <option key={a.id} value={a.id}>
            {t("officer.assignee.option", { name: a.name, count: a.openCount })}
          </option>
        ))}
      </select>
      {query.isError && <p className="mt-1 text-sm text-brand-700">{t("officer.act.assigneesFailed")}</p>}
      {query.data && query.data.length === 0 && <p className="mt-1 text-sm">{t("officer.act.noAssignees")}</p>}
    </div>
  );
}
