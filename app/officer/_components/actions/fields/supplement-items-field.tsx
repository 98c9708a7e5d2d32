"use client";

import { useFieldArray } from "react-hook-form";
import { useT } from "~/app/_components/i18n-provider";
import { useActionField } from "./use-action-field";

/** REQUEST_SUPPLEMENT: the items the applicant must supply (one to fifty). */
export function SupplementItemsField() {
  const t = useT();
  const { control, register, invalid } = useActionField();
  const { fields, append, remove } = useFieldArray({ control, name: "items" });
  return (
    <fieldset className="space-y-2">
      <legend className="field-label">{t("officer.act.items")}</legend>
      {fields.map((field, i) => (
        <div key={field.id} className="flex gap-2">
          <label htmlFor={`supp-item-${i}`} className="sr-only">
            {t("officer.act.itemN", { n: i + 1 })}
          </label>
          <input
            id={`supp-item-${i}`}
            required={i === 0}
            maxLength={500}
            placeholder={t("officer.act.itemN", { n: i + 1 })}
            aria-invalid={invalid("items")}
            className="field-input"
            {...register(`items.${i}.value`)}
          />
          {fields.length > 1 && (
            <button type="button" onClick={() => remove(i)} aria-label={t("officer.act.removeItem", { n: i + 1 })} className="rounded border-2 border-ink-600 px-2 font-semibold">
              ✕
            </button>
          )}
        </div>
      ))}
      {fields.length < 50 && (
        <button type="button" onClick={() => append({ value: "" }, { shouldFocus: false })} className="rounded border-2 border-brand-700 px-3 py-1 font-semibold text-brand-700">
          {t("officer.act.addItem")}
        </button>
      )}
    </fieldset>
  );
}
