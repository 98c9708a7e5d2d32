"use client";

// The version's e-form: the builder with its live preview.
import type { Dispatch } from "react";
import { useT } from "~/app/_components/i18n-provider";
import type { TFormSchema } from "~/server/modules/eform/format";
import { SECTION } from "./editor-layout";
import type { EditorAction, EditorErrors } from "./editor-state";
import { FormBuilder } from "./form-builder";

export function EformSection({ formSchema, errors, dispatch }: { formSchema: TFormSchema; errors: EditorErrors; dispatch: Dispatch<EditorAction> }) {
  const t = useT();
  return (
    <section className={SECTION} aria-labelledby="eform-title">
      <h2 id="eform-title" className="text-xl text-brand-800">
        {t("admin.procedures.eform")}
      </h2>
      <p className="text-sm text-ink-600">{t("admin.procedures.eformHint")}</p>
      <FormBuilder schema={formSchema} onChange={(next) => dispatch({ type: "formSchema", formSchema: next })} />
      {errors.of("formSchema") && <p className="font-semibold text-brand-700">{errors.of("formSchema")}</p>}
    </section>
  );
}
