"use client";

import { useRouter } from "next/navigation";
import { useEffect, useId, useRef, useState } from "react";
import { FormProvider, useForm } from "react-hook-form";
import { useLocale, useT } from "~/app/_components/i18n-provider";
import { useOfficerAction } from "~/app/_offline/use-officer-action";
import type { TActInput } from "~/server/modules/dossier/schema";
import { pickName } from "../../_lib/format";
import { refusalOf, showRefusal } from "../../_lib/form-errors";
import { newIdempotencyKey } from "../../_lib/keys";
import { ActionFields } from "./action-fields";
import { actionFieldOf, actionResolver, defaultActionValues, type ActionFormContext, type ActionFormValues, type ActionPanelDossier, type Transition } from "./action-form";
import { ConflictNotice, conflictOf, type ConflictState } from "./conflict-notice";

/**
 * One action's form in a modal dialog. Its idempotency key is made once, when the dialog opens.
 * The command is checked with the server's schema before it goes, then through the outbox
 * (app/_offline): straight to the server when online, queued when not.
 */
export function ActionDialog({
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
  const { submit: submitAction } = useOfficerAction();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const action = transition.action;
  const [idempotencyKey] = useState(newIdempotencyKey);
  const [conflict, setConflict] = useState<ConflictState | null>(null);

  const context: ActionFormContext = { t, dossier, action, idempotencyKey };
  const form = useForm<ActionFormValues, ActionFormContext, TActInput>({
    defaultValues: defaultActionValues(dossier),
    resolver: actionResolver,
    context,
    // Errors stay until the next submission, as the server's do.
    reValidateMode: "onSubmit",
    shouldFocusError: false,
  });
  const { isSubmitting: pending, errors } = form.formState;

  useEffect(() => {
    const dialog = dialogRef.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);

  const onValid = async (command: TActInput) => {
    setConflict(null);
    try {
      const outcome = await submitAction({ label: dossier.code, ...command });
      if (outcome.kind === "refused") throw outcome.error;
      onClose(true, outcome.kind === "queued");
      if (outcome.kind === "applied") router.refresh();
    } catch (err) {
      const c = conflictOf(err);
      if (c) return setConflict(c);
      const refusal = refusalOf(err);
      showRefusal(form.setError, refusal.fieldErrors, actionFieldOf(action), refusal.message ?? t("errors.INTERNAL"));
    }
  };

  const stepLabel = (order: number | null) => {
    const s = dossier.steps.find((x) => x.order === order);
    return s ? pickName(locale, s.nameVi, s.nameEn) : "";
  };
  const message = errors.root?.server?.message;

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
      <FormProvider {...form}>
        <form
          onSubmit={(e) => {
            setConflict(null);
            void form.handleSubmit(onValid)(e);
          }}
          className="space-y-4 p-5"
        >
          <h2 id={titleId} className="text-xl font-bold text-brand-800">
            {t(`officer.actions.${action}`)}
          </h2>
          <p className="text-sm text-ink-600">
            {t("officer.act.dossierLine", { code: dossier.code })}
            {transition.toStatus !== dossier.status && ` · ${t("officer.act.leadsTo", { status: t(`status.${transition.toStatus}`) })}`}
            {transition.toStepOrder !== dossier.currentStepOrder && transition.toStepOrder !== null && ` · ${t("officer.act.toStep", { step: stepLabel(transition.toStepOrder) })}`}
          </p>
          {transition.form && <p className="text-sm">{t("officer.act.producesForm", { form: transition.form })}</p>}

          <ActionFields dossier={dossier} transition={transition} />

          {conflict && (
            <ConflictNotice
              conflict={conflict}
              onReload={() => {
                onClose(false);
                router.refresh();
              }}
            />
          )}
          {message && (
            <div role="alert" className="rounded border-l-4 border-brand-700 bg-brand-50 px-4 py-3 text-brand-900">
              {message}
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
      </FormProvider>
    </dialog>
  );
}
