"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { FormProvider, useForm, useWatch } from "react-hook-form";
import { useLocale, useT } from "~/app/_components/i18n-provider";
import { NoReservedCodeError, useOfficerIntake } from "~/app/_offline/use-officer-action";
import { useTRPC } from "~/app/_trpc/react";
import type { TIntakeInput, TPickerProcedure } from "~/server/modules/dossier/schema";
import { refusalOf, showRefusal } from "../../_lib/form-errors";
import { newIdempotencyKey } from "../../_lib/keys";
import { ApplicantFieldset } from "./applicant-fieldset";
import { ChecklistFieldset } from "./checklist-fieldset";
import { DeliveryFieldset } from "./delivery-fieldset";
import { defaultIntakeValues, intakeFieldOf, intakeResolver, type IntakeFormContext, type IntakeFormValues } from "./intake-command";
import { ProcedureFieldset } from "./procedure-fieldset";

/**
 * Counter intake, online (/officer/intake) and in the offline shell: the procedure, the applicant,
 * the documents received and how the result goes back. The command is checked with the server's
 * schema, then goes through the outbox (app/_offline), with a code reserved for this device when it
 * has one, so the receipt slip can be printed offline.
 */
export function IntakeForm({
  agencies,
  initialAgencyId,
  initialProcedures,
}: {
  agencies: { id: string; name: string }[];
  initialAgencyId: string;
  initialProcedures: TPickerProcedure[] | null;
}) {
  const t = useT();
  const locale = useLocale();
  const trpc = useTRPC();
  const { submit: submitIntake } = useOfficerIntake();
  const router = useRouter();
  const errorRef = useRef<HTMLDivElement>(null);
  const [idempotencyKey] = useState(newIdempotencyKey);
  // Created or queued: the page is going to the dossier or the slip; nothing more to submit.
  const [leaving, setLeaving] = useState(false);

  const queryClient = useQueryClient();
  const context: IntakeFormContext = {
    t,
    locale,
    idempotencyKey,
    procedureOf: (agency, versionId) =>
      queryClient.getQueryData(trpc.dossier.procedurePicker.queryKey({ agencyId: agency }))?.find((p) => p.procedureVersionId === versionId) ?? null,
  };
  const form = useForm<IntakeFormValues, IntakeFormContext, TIntakeInput>({
    defaultValues: defaultIntakeValues(initialAgencyId),
    resolver: intakeResolver,
    context,
    // Errors stay until the next submission, as the server's do.
    reValidateMode: "onSubmit",
    shouldFocusError: false,
  });
  const agencyId = useWatch({ control: form.control, name: "agencyId" });
  const procedureVersionId = useWatch({ control: form.control, name: "procedureVersionId" });
  const procedures = useQuery({
    ...trpc.dossier.procedurePicker.queryOptions({ agencyId }),
    ...(agencyId === initialAgencyId && initialProcedures ? { initialData: initialProcedures } : {}),
  });
  const procedure = procedures.data?.find((p) => p.procedureVersionId === procedureVersionId) ?? null;

  const focusError = () => requestAnimationFrame(() => errorRef.current?.focus());

  const onValid = async (input: TIntakeInput) => {
    const fail = (message: string, fieldErrors: Record<string, string> = {}) => {
      showRefusal(form.setError, fieldErrors, intakeFieldOf, message);
      focusError();
    };
    try {
      const outcome = await submitIntake(input);
      if (outcome.kind === "refused") throw outcome.error;
      setLeaving(true);
      if (outcome.kind === "applied") router.push(`/officer/dossiers/${outcome.result.id}?created=1`);
      // Queued offline: the slip with the reserved code is printed from the outbox.
      else window.location.assign(`/officer/outbox?slip=${outcome.seq}`);
    } catch (err) {
      if (err instanceof NoReservedCodeError) return fail(t("officer.offline.noReservedCode"));
      const refusal = refusalOf(err);
      return fail(refusal.message ?? t("errors.INTERNAL"), refusal.fieldErrors);
    }
  };

  const pending = form.formState.isSubmitting || leaving;
  const message = form.formState.errors.root?.server?.message;

  return (
    <FormProvider {...form}>
      <form onSubmit={(e) => void form.handleSubmit(onValid, focusError)(e)} className="space-y-6" aria-label={t("officer.intake.formLabel")}>
        {message && (
          <div ref={errorRef} tabIndex={-1} role="alert" className="rounded border-l-4 border-brand-700 bg-brand-50 px-4 py-3 font-semibold text-brand-900">
            {message}
          </div>
        )}
        <ProcedureFieldset agencies={agencies} procedures={procedures} procedure={procedure} />
        <ApplicantFieldset />
        <ChecklistFieldset procedure={procedure} />
        <DeliveryFieldset />
        <div className="flex flex-wrap gap-3">
          <button type="submit" className="btn-primary" disabled={pending} aria-busy={pending || undefined}>
            {pending ? t("officer.intake.submitting") : t("officer.intake.submit")}
          </button>
        </div>
      </form>
    </FormProvider>
  );
}
