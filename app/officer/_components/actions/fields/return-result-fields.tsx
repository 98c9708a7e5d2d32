"use client";

import { useWatch } from "react-hook-form";
import { useT } from "~/app/_components/i18n-provider";
import { useActionField } from "./use-action-field";

/** RETURN_RESULT: at the desk, or by post with the waybill number. */
export function ReturnResultFields() {
  const t = useT();
  const { register, control, invalid } = useActionField();
  const method = useWatch({ control, name: "method" });
  return (
    <>
      <fieldset>
        <legend className="field-label">{t("officer.act.method")}</legend>
        {(["AT_DESK", "BY_POST"] as const).map((m) => (
          <label key={m} className="flex items-center gap-2 py-1">
            <input type="radio" value={m} className="h-5 w-5 accent-brand-700" {...register("method")} />
            {t(`officer.delivery.${m}`)}
          </label>
        ))}
      </fieldset>
      {method === "BY_POST" && (
        <div>
          <label htmlFor="act-waybill" className="field-label">
            {t("officer.act.waybill")}
          </label>
          <input id="act-waybill" required maxLength={100} aria-invalid={invalid("waybill")} className="field-input" {...register("waybill")} />
        </div>
      )}
    </>
  );
}
