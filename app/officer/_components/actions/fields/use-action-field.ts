"use client";

import { useFormContext } from "react-hook-form";
import type { ActionFormValues } from "../action-form";

/** The dialog's form, and whether a field was refused (by the browser's check or the server). */
export function useActionField() {
  const form = useFormContext<ActionFormValues>();
  const errors = form.formState.errors;
  const invalid = (field: keyof ActionFormValues) => (errors[field] ? true : undefined);
  return { ...form, invalid };
}
