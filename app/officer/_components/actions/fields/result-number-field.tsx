"use client";

import { useT } from "~/app/_components/i18n-provider";
import { useActionField } from "./use-action-field";

/** ISSUE_RESULT: the number of the result document. */
export function ResultNumberField() {
  const t = useT();
  const { register, invalid } = useActionField();
  return (
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
        aria-describedby="act-result-number-hint"
        aria-invalid={invalid("resultNumber")}
        className="field-input"
        {...register("resultNumber")}
      />
    </div>
  );
}
