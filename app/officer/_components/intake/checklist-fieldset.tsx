"use client";

import { useController } from "react-hook-form";
import { useLocale, useT } from "~/app/_components/i18n-provider";
import type { TPickerProcedure } from "~/server/modules/dossier/schema";
import { pickName } from "../../_lib/format";
import type { IntakeFormValues } from "./intake-command";
import { legendClass, useIntakeField } from "./use-intake-field";

/** The procedure's document components: the officer ticks each one received (every required one must be). */
export function ChecklistFieldset({ procedure }: { procedure: TPickerProcedure | null }) {
  const t = useT();
  const locale = useLocale();
  const { control, invalid } = useIntakeField();
  const { field } = useController<IntakeFormValues, "checklist">({ control, name: "checklist" });
  const toggle = (id: string) => field.onChange(field.value.includes(id) ? field.value.filter((x) => x !== id) : [...field.value, id]);

  return (
    <fieldset className="card space-y-3" id="intake-checklist" aria-invalid={invalid("checklist")}>
      <legend className={legendClass}>{t("officer.intake.checklist")}</legend>
      {!procedure ? (
        <p className="text-ink-600">{t("officer.intake.checklistEmpty")}</p>
      ) : (
        <>
          <p className="text-sm text-ink-600">{t("officer.intake.checklistHint")}</p>
          <ul className="space-y-2">
            {procedure.components.map((c) => (
              <li key={c.id}>
                <label className="flex items-start gap-3">
                  <input type="checkbox" checked={field.value.includes(c.id)} onChange={() => toggle(c.id)} className="mt-1 h-5 w-5 shrink-0 accent-brand-700" />
                  <span>
                    {pickName(locale, c.nameVi, c.nameEn)}
                    {c.required ? (
                      <span className="ml-1 font-semibold text-brand-700">({t("officer.documents.required")})</span>
                    ) : (
                      <span className="ml-1 text-ink-600">({t("officer.documents.optional")})</span>
                    )}
                    {(locale === "en" ? c.copiesEn : c.copiesVi) && <span className="block text-sm text-ink-600">{locale === "en" ? c.copiesEn : c.copiesVi}</span>}
                  </span>
                </label>
              </li>
            ))}
          </ul>
        </>
      )}
    </fieldset>
  );
}
