"use client";

// The e-form builder: the procedure's formSchema as a list of fields to add, reorder, remove and
// edit (type, labels, required, pattern, options, bounds, groups, conditional visibility), with a
// live preview drawn by the citizen portal's own renderer and checked by its own validator.
// The field editors are field-editor.tsx; the state changes are builder-state.ts.
import { useMemo, useReducer } from "react";
import { useT } from "~/app/_components/i18n-provider";
import { parseFormSchema, type TFormSchema } from "~/server/modules/eform/format";
import { BUTTON_SECONDARY } from "../../_components/ui";
import { builderReducer, initialBuilderState, type BuilderAction, type BuilderState } from "./builder-state";
import { FieldListEditor } from "./field-editor";
import { LivePreview } from "./live-preview";

export function FormBuilder({ schema, onChange }: { schema: TFormSchema; onChange: (schema: TFormSchema) => void }) {
  const t = useT();
  const [state, dispatch] = useReducer(builderReducer, initialBuilderState);

  const problem = useMemo(() => {
    try {
      parseFormSchema(schema);
      return null;
    } catch (e) {
      return (e as Error).message;
    }
  }, [schema]);

  return (
    <div className="grid gap-6 xl:grid-cols-2" data-testid="form-builder">
      <div className="min-w-0">
        <ModeSwitch mode={state.mode} onVisual={() => dispatch({ type: "showVisual" })} onJson={() => dispatch({ type: "showJson", json: JSON.stringify(schema, null, 2) })} />
        {problem && (
          <p role="alert" className="mb-3 rounded border-l-4 border-brand-700 bg-brand-50 px-3 py-2 text-sm font-semibold text-brand-800" data-testid="schema-problem">
            {t("admin.builder.invalid", { problem })}
          </p>
        )}
        {state.mode === "visual" ? (
          <FieldListEditor fields={schema.fields} onChange={(fields) => onChange({ ...schema, fields })} path="f" />
        ) : (
          <JsonEditor state={state} dispatch={dispatch} onApply={onChange} />
        )}
      </div>
      {/* Beside the builder and in view while scrolling through a long form. */}
      <div className="min-w-0 self-start xl:sticky xl:top-2 xl:max-h-[calc(100vh-1rem)] xl:overflow-y-auto">
        <h3 className="mb-2 text-lg font-semibold text-brand-800">{t("admin.builder.preview")}</h3>
        {problem ? <p className="text-ink-600">{t("admin.builder.previewUnavailable")}</p> : <LivePreview schema={schema} />}
      </div>
    </div>
  );
}

function ModeSwitch({ mode, onVisual, onJson }: { mode: BuilderState["mode"]; onVisual: () => void; onJson: () => void }) {
  const t = useT();
  return (
    <div className="mb-3 flex flex-wrap gap-2" role="group" aria-label={t("admin.builder.mode")}>
      <button type="button" className={mode === "visual" ? "btn-primary py-1 text-sm" : BUTTON_SECONDARY} aria-pressed={mode === "visual"} onClick={onVisual}>
        {t("admin.builder.visual")}
      </button>
      <button type="button" className={mode === "json" ? "btn-primary py-1 text-sm" : BUTTON_SECONDARY} aria-pressed={mode === "json"} onClick={onJson}>
        {t("admin.builder.json")}
      </button>
    </div>
  );
}

/** The schema as JSON text; applying it parses it with the portal's reader first. */
function JsonEditor({ state, dispatch, onApply }: { state: BuilderState; dispatch: (action: BuilderAction) => void; onApply: (schema: TFormSchema) => void }) {
  const t = useT();
  return (
    <div>
      <label htmlFor="schema-json" className="field-label">
        {t("admin.builder.jsonLabel")}
      </label>
      <textarea id="schema-json" rows={24} value={state.jsonText} onChange={(e) => dispatch({ type: "editJson", text: e.target.value })} className="field-input font-mono text-xs" spellCheck={false} />
      {state.jsonError && (
        <p role="alert" className="mt-1 font-semibold text-brand-700">
          {state.jsonError}
        </p>
      )}
      <button
        type="button"
        className={`${BUTTON_SECONDARY} mt-2`}
        onClick={() => {
          try {
            onApply(parseFormSchema(JSON.parse(state.jsonText)));
            dispatch({ type: "jsonApplied" });
          } catch (e) {
            dispatch({ type: "jsonRefused", message: (e as Error).message });
          }
        }}
      >
        {t("admin.builder.applyJson")}
      </button>
    </div>
  );
}
