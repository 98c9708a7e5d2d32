"use client";

// The form as the citizen sees it; typing in it shows conditional fields and "Kiểm tra" runs the validator.
import { useReducer, useRef } from "react";
import { EformFields } from "~/app/_components/eform/fields";
import { useLocale, useT } from "~/app/_components/i18n-provider";
import { valuesFromFormData, withItemAdded, withItemRemoved } from "~/server/modules/eform/form-data";
import type { TFormSchema } from "~/server/modules/eform/format";
import { buildFormValidator } from "~/server/modules/eform/validator";
import { BUTTON_SECONDARY } from "../../_components/ui";
import { initialPreviewState, previewReducer, visibleOnly } from "./builder-state";

const PREVIEW_PREFIX = "preview";

export function LivePreview({ schema }: { schema: TFormSchema }) {
  const t = useT();
  const locale = useLocale();
  const formRef = useRef<HTMLFormElement>(null);
  const [{ values, errors, checked }, dispatch] = useReducer(previewReducer, initialPreviewState);

  const read = () => (formRef.current ? (valuesFromFormData(new FormData(formRef.current), schema, PREVIEW_PREFIX) as Record<string, unknown>) : {});
  const typed = (next: Record<string, unknown>) => dispatch({ type: "typed", values: next });
  const fields = visibleOnly(schema.fields, values);

  function check() {
    const current = read();
    const result = buildFormValidator(schema, { t }).safeParse(current);
    const next: Record<string, string> = {};
    if (!result.success) {
      for (const issue of result.error.issues) next[[PREVIEW_PREFIX, ...issue.path.map(String)].join(".")] ??= issue.message;
    }
    dispatch({ type: "checked", values: current, ok: result.success, errors: next });
  }

  return (
    <form
      ref={formRef}
      className="rounded border-2 border-dashed border-ink-600/40 bg-white p-4"
      onInput={() => typed(read())}
      onChange={() => typed(read())}
      onSubmit={(e) => {
        e.preventDefault();
        e.stopPropagation();
        // The renderer's add/remove-row buttons post an intent (the portal handles it on the server).
        const intent = ((e.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null)?.value ?? "";
        const [verb, name, index] = intent.split(":");
        const listPath = (name ?? "").split(".").slice(1);
        if (verb === "addItem") return typed(withItemAdded(read(), listPath));
        if (verb === "removeItem") return typed(withItemRemoved(read(), listPath, Number(index)));
        check();
      }}
      noValidate
      aria-label={t("admin.builder.preview")}
      data-testid="form-preview"
    >
      {fields.length === 0 ? (
        <p className="text-ink-600">{t("admin.builder.empty")}</p>
      ) : (
        <EformFields fields={fields} ctx={{ locale, t, prefix: PREVIEW_PREFIX, values, errors }} />
      )}
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" className={BUTTON_SECONDARY}>
          {t("admin.builder.check")}
        </button>
        <span role="status" className="text-sm font-semibold">
          {checked === "ok" ? t("admin.builder.checkOk") : checked === "errors" ? t("admin.builder.checkErrors", { count: Object.keys(errors).length }) : ""}
        </span>
      </div>
    </form>
  );
}
