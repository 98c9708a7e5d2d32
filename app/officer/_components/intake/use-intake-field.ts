"use client";

import { useFormContext } from "react-hook-form";
import type { IntakeFormValues } from "./intake-command";

/** The intake form, and whether a field was refused (by the browser's check or the server). */
export function useIntakeField() {
  const form = useFormContext<IntakeFormValues>();
  const errors = form.formState.errors;
  const invalid = (field: keyof IntakeFormValues) => (errors[field] ? true : undefined);
  return { ...form, invalid };
}

export const radioClass = "flex items-center gap-2 py-1";
export const legendClass = "px-1 text-lg font-bold text-brand-800";
