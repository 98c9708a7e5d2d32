"use client";

import { useMemo } from "react";
import { useLocale, useT } from "~/app/_components/i18n-provider";
import type { TPickerProcedure } from "~/server/modules/dossier/schema";
import { pickName } from "../../_lib/format";
import { legendClass, radioClass, useIntakeField } from "./use-intake-field";

/** The desk (when the officer has several), the procedure by sector, its time limit and fee, and the channel. */
export function ProcedureFieldset({
  agencies,
  procedures,
  procedure,
}: {
  agencies: { id: string; name: string }[];
  /** The agency's procedure picker query. */
  procedures: { data?: TPickerProcedure[]; isPending: boolean; isError: boolean };
  procedure: TPickerProcedure | null;
}) {
  const t = useT();
  const locale = useLocale();
  const { register, setValue, getValues, invalid } = useIntakeField();

  const sectors = useMemo(() => {
    const bySector = new Map<string, TPickerProcedure[]>();
    for (const p of procedures.data ?? []) {
      const key = pickName(locale, p.sectorNameVi, p.sectorNameEn);
      bySector.set(key, [...(bySector.get(key) ?? []), p]);
    }
    return [...bySector.entries()];
  }, [procedures.data, locale]);

  const offersChannel = (c: 1 | 3) => !procedure || procedure.channels.includes(c);

  return (
    <fieldset className="card space-y-4">
      <legend className={legendClass}>{t("officer.intake.procedureSection")}</legend>
      {agencies.length > 1 && (
        <div>
          <label htmlFor="intake-agency" className="field-label">
            {t("officer.intake.agency")}
          </label>
          <select
            id="intake-agency"
            className="field-input"
            {...register("agencyId", {
              onChange: () => {
                setValue("procedureVersionId", "");
                setValue("checklist", []);
              },
            })}
          >
            {agencies.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
        </div>
      )}
      <div>
        <label htmlFor="intake-procedure" className="field-label">
          {t("officer.intake.procedure")}
        </label>
        <select
          id="intake-procedure"
          required
          disabled={procedures.isPending}
          aria-invalid={invalid("procedureVersionId")}
          className="field-input"
          {...register("procedureVersionId", {
            onChange: (e: React.ChangeEvent<HTMLSelectElement>) => {
              setValue("checklist", []);
              const next = procedures.data?.find((p) => p.procedureVersionId === e.target.value);
              const channel = Number(getValues("channel"));
              if (next && !next.channels.includes(channel)) setValue("channel", next.channels.includes(1) ? "1" : "3");
            },
          })}
        >
          <option value="">{procedures.isPending ? t("officer.intake.loadingProcedures") : t("officer.intake.chooseProcedure")}</option>
          {sectors.map(([sector, list]) => (
            <optgroup key={sector} label={sector}>
              {list.map((p) => (
                <option key={p.procedureVersionId} value={p.procedureVersionId}>
                  {`${p.procedureCode} — ${pickName(locale, p.nameVi, p.nameEn)}`}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
        {procedures.isError && <p className="mt-1 text-brand-700">{t("officer.intake.proceduresFailed")}</p>}
        {procedures.data?.length === 0 && <p className="mt-1">{t("officer.intake.noProcedures")}</p>}
      </div>
      {procedure && (
        <p className="text-sm" data-testid="intake-procedure-facts">
          {t("officer.intake.limit", { limit: t(`officer.units.${procedure.limitUnit}`, { count: procedure.limitValue }) })}
          {procedure.feeNoteVi ? ` · ${t("officer.intake.fee", { fee: procedure.feeNoteVi })}` : ""}
        </p>
      )}
      <fieldset>
        <legend className="field-label">{t("officer.intake.channel")}</legend>
        {([1, 3] as const).map((c) => (
          <label key={c} className={radioClass}>
            <input type="radio" value={String(c)} disabled={!offersChannel(c)} className="h-5 w-5 accent-brand-700" {...register("channel")} />
            {t(`officer.intake.channel${c}`)}
          </label>
        ))}
      </fieldset>
    </fieldset>
  );
}
