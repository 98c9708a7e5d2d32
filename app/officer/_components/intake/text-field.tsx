"use client";

import type { InputHTMLAttributes } from "react";
import type { IntakeFormValues } from "./intake-command";
import { useIntakeField } from "./use-intake-field";

type TextName = { [K in keyof IntakeFormValues]: IntakeFormValues[K] extends string ? K : never }[keyof IntakeFormValues];

/** A labelled input of the intake form, with its hint. */
export function TextField({
  id,
  name,
  label,
  hint,
  ...input
}: { id: string; name: TextName; label: string; hint?: string } & Omit<InputHTMLAttributes<HTMLInputElement>, "name" | "id">) {
  const { register, invalid } = useIntakeField();
  return (
    <div>
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      {hint && (
        <span id={`${id}-hint`} className="field-hint">
          {hint}
        </span>
      )}
      <input id={id} aria-describedby={hint ? `${id}-hint` : undefined} aria-invalid={invalid(name)} className="field-input" {...input} {...register(name)} />
    </div>
  );
}
