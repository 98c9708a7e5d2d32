"use client";

import { useT } from "~/app/_components/i18n-provider";
import { useActionField } from "./use-action-field";

/** The note, reason or comment of an action (required where the workflow wants one). */
export function TextField({ label, required }: { label: string; required: boolean }) {
  const t = useT();
  const { register, invalid } = useActionField();
  return (
    <div>
      <label htmlFor="act-text" className="field-label">
        {label}
        {!required && <span className="font-normal text-ink-600"> ({t("officer.act.optional")})</span>}
      </label>
      <textarea id="act-text" rows={3} maxLength={2000} required={required} aria-invalid={invalid("text")} className="field-input" {...register("text")} />
    </div>
  );
}
