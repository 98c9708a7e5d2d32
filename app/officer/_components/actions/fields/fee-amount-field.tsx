"use client";

import { useT } from "~/app/_components/i18n-provider";
import { useActionField } from "./use-action-field";

/** REQUEST_FEE: the amount in VND. */
export function FeeAmountField() {
  const t = useT();
  const { register, invalid } = useActionField();
  return (
    <div>
      <label htmlFor="act-amount" className="field-label">
        {t("officer.act.amount")}
      </label>
      <input id="act-amount" type="number" inputMode="numeric" min={0} step={1000} required aria-invalid={invalid("amount")} className="field-input" {...register("amount")} />
    </div>
  );
}
