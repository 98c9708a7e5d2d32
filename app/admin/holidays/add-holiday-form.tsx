"use client";

// Adding one day: a form on the module's own schema (ZHolidayAddSchema), so the browser refuses
// what the server would, with the same messages, before any call.
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { useT } from "~/app/_components/i18n-provider";
import { useTRPCClient } from "~/app/_trpc/react";
import { ZHolidayAddSchema } from "~/server/modules/admin/schema";
import { describedBy, Field, formCallError, schemaResolver, type CallError } from "../_components/ui";
import type { RunAction } from "./holiday-state";

/** The calendar it goes into is the page's (the agencyId prop), not a field of the form. */
const ZAddHolidayForm = ZHolidayAddSchema.omit({ agencyId: true });
type AddHolidayValues = z.input<typeof ZAddHolidayForm>;
const resolver = schemaResolver<AddHolidayValues>(ZAddHolidayForm);

export function AddHolidayForm({
  year,
  agencyId,
  fields: f,
  busy,
  run,
  refuse,
}: {
  year: number;
  agencyId: string | null;
  /** The last refusal's field problems (the server's or this form's own check). */
  fields: Record<string, string>;
  busy: boolean;
  run: RunAction;
  refuse: (error: CallError) => void;
}) {
  const t = useT();
  const client = useTRPCClient();
  const defaultValues: AddHolidayValues = { date: `${year}-01-01`, kind: "HOLIDAY", nameVi: "", nameEn: "" };
  const { register, handleSubmit, setValue } = useForm<AddHolidayValues>({ resolver, defaultValues });

  const add = handleSubmit(
    async (values) => {
      const added = await run(() => client.admin.holiday.add.mutate({ ...values, agencyId }), () => t("admin.holidays.added"));
      if (added) {
        setValue("nameVi", "");
        setValue("nameEn", "");
      }
    },
    (errors) => refuse(formCallError(errors, t)),
  );

  return (
    <section className="card" aria-labelledby="add-title">
      <h2 id="add-title" className="text-xl text-brand-800">
        {t("admin.holidays.addTitle")}
      </h2>
      <form className="mt-3 grid gap-x-4 sm:grid-cols-2" onSubmit={(e) => void add(e)}>
        <Field id="holiday-date" label={t("admin.holidays.date")} error={f.date}>
          <input id="holiday-date" type="date" defaultValue={defaultValues.date} {...register("date")} className="field-input" required {...describedBy("holiday-date", { error: f.date })} />
        </Field>
        <Field id="holiday-kind" label={t("admin.holidays.kind")} hint={t("admin.holidays.kindHint")}>
          <select id="holiday-kind" defaultValue={defaultValues.kind} {...register("kind")} className="field-input" {...describedBy("holiday-kind", { hint: true })}>
            <option value="HOLIDAY">{t("admin.holidays.kindHOLIDAY")}</option>
            <option value="WORKING_DAY">{t("admin.holidays.kindWORKING_DAY")}</option>
          </select>
        </Field>
        <Field id="holiday-name-vi" label={t("admin.holidays.nameVi")} error={f.nameVi}>
          <input id="holiday-name-vi" defaultValue="" {...register("nameVi")} className="field-input" required lang="vi" />
        </Field>
        <Field id="holiday-name-en" label={t("admin.holidays.nameEn")} error={f.nameEn}>
          <input id="holiday-name-en" defaultValue="" {...register("nameEn")} className="field-input" required lang="en" />
        </Field>
        <div>
          <button type="submit" className="btn-primary" disabled={busy}>
            {t("admin.holidays.add")}
          </button>
        </div>
      </form>
    </section>
  );
}
