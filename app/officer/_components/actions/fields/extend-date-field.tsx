"use client";

import { useT } from "~/app/_components/i18n-provider";
import { formatDateTime, vietnamDateKey } from "../../../_lib/format";
import { useActionField } from "./use-action-field";

/** EXTEND: the new working day proposed in the apology letter (form 04), after the current due date. */
export function ExtendDateField({ dueAt }: { dueAt: Date | null }) {
  const t = useT();
  const { register, invalid } = useActionField();
  const min = dueAt ? vietnamDateKey(new Date(dueAt.getTime() + 24 * 3600 * 1000)) : undefined;
  return (
    <div>
      <label htmlFor="act-new-date" className="field-label">
        {t("officer.act.newDate")}
      </label>
      <span id="act-new-date-hint" className="field-hint">
        {t("officer.act.newDateHint", { due: formatDateTime(dueAt) })}
      </span>
      <input
        id="act-new-date"
        type="date"
        required
        min={min}
        aria-describedby="act-new-date-hint"
        aria-invalid={invalid("newDate")}
        className="field-input"
        {...register("newDate")}
      />
    </div>
  );
}
