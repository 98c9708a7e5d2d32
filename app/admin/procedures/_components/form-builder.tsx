"use client";

// The e-form builder: the procedure's formSchema as a list of fields to add, reorder, remove and
// edit (type, labels, required, pattern, options, bounds, groups, conditional visibility), with a
// live preview drawn by the citizen portal's own renderer and checked by its own validator.
import { useMemo, useRef, useState } from "react";
import { EformFields } from "~/app/_components/eform/fields";
import { useLocale, useT } from "~/app/_components/i18n-provider";
import { valuesFromFormData, withItemAdded, withItemRemoved } from "~/server/modules/eform/form-data";
import { FORM_FIELD_TYPES, isFieldVisible, parseFormSchema, type TFormField, type TFormFieldType, type TFormSchema } from "~/server/modules/eform/format";
import { buildFormValidator, EMAIL_PATTERN, ID_NUMBER_PATTERN, PHONE_PATTERN, TAX_CODE_PATTERN } from "~/server/modules/eform/validator";
import { BUTTON_SECONDARY, BUTTON_SMALL } from "../../_components/ui";

const PREVIEW_PREFIX = "preview";

const PATTERN_PRESETS = [
  { value: ID_NUMBER_PATTERN, key: "idNumber" },
  { value: TAX_CODE_PATTERN, key: "taxCode" },
  { value: PHONE_PATTERN, key: "phone" },
  { value: EMAIL_PATTERN, key: "email" },
] as const;

/** A field changed to `type` keeps what still applies and drops what does not. */
export function retype(field: TFormField, type: TFormFieldType): TFormField {
  const base: TFormField = { key: field.key, type, labelVi: field.labelVi, labelEn: field.labelEn };
  if (field.required) base.required = true;
  if (field.helpVi) base.helpVi = field.helpVi;
  if (field.helpEn) base.helpEn = field.helpEn;
  if (field.visibleWhen) base.visibleWhen = field.visibleWhen;
  if (type === "text" || type === "idNumber") {
    if (field.pattern) base.pattern = field.pattern;
    if (field.maxLength) base.maxLength = field.maxLength;
    if (type === "text" && field.multiline) base.multiline = true;
  }
  if (type === "number") {
    for (const k of ["min", "max", "unitVi", "unitEn"] as const) if (field[k] !== undefined) (base as unknown as Record<string, unknown>)[k] = field[k];
  }
  if (type === "select") base.options = field.options?.length ? field.options : [{ value: "a", labelVi: "Lựa chọn 1", labelEn: "Option 1" }];
  if (type === "group") {
    base.fields = field.fields?.length ? field.fields : [{ key: "item", type: "text", labelVi: "Nội dung", labelEn: "Item" }];
    if (field.repeatable) {
      base.repeatable = true;
      if (field.minItems !== undefined) base.minItems = field.minItems;
      if (field.maxItems !== undefined) base.maxItems = field.maxItems;
    }
  }
  return base;
}

function freshKey(fields: readonly TFormField[]): string {
  let n = fields.length + 1;
  while (fields.some((f) => f.key === `field${n}`)) n++;
  return `field${n}`;
}

function numberOrUndefined(raw: string): number | undefined {
  if (raw.trim() === "") return undefined;
  const n = Number(raw);
  return Number.isFinite(n) ? n : undefined;
}

function without<T extends object>(value: T, key: keyof T): T {
  const copy = { ...value };
  delete copy[key];
  return copy;
}

/** Fields hidden by their visibleWhen, given the values typed in the preview, are left out (as the validator does). */
function visibleOnly(fields: readonly TFormField[], values: Record<string, unknown>): TFormField[] {
  return fields
    .filter((f) => isFieldVisible(f, values))
    .map((f) => (f.type === "group" && !f.repeatable ? { ...f, fields: visibleOnly(f.fields ?? [], (values[f.key] as Record<string, unknown>) ?? {}) } : f));
}

export function FormBuilder({ schema, onChange }: { schema: TFormSchema; onChange: (schema: TFormSchema) => void }) {
  const t = useT();
  const [mode, setMode] = useState<"visual" | "json">("visual");
  const [jsonText, setJsonText] = useState("");
  const [jsonError, setJsonError] = useState<string | null>(null);

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
        <div className="mb-3 flex flex-wrap gap-2" role="group" aria-label={t("admin.builder.mode")}>
          <button type="button" className={mode === "visual" ? "btn-primary py-1 text-sm" : BUTTON_SECONDARY} aria-pressed={mode === "visual"} onClick={() => setMode("visual")}>
            {t("admin.builder.visual")}
          </button>
          <button
            type="button"
            className={mode === "json" ? "btn-primary py-1 text-sm" : BUTTON_SECONDARY}
            aria-pressed={mode === "json"}
            onClick={() => {
              setJsonText(JSON.stringify(schema, null, 2));
              setJsonError(null);
              setMode("json");
            }}
          >
            {t("admin.builder.json")}
          </button>
        </div>
        {problem && (
          <p role="alert" className="mb-3 rounded border-l-4 border-brand-700 bg-brand-50 px-3 py-2 text-sm font-semibold text-brand-800" data-testid="schema-problem">
            {t("admin.builder.invalid", { problem })}
          </p>
        )}
        {mode === "visual" ? (
          <FieldListEditor fields={schema.fields} onChange={(fields) => onChange({ ...schema, fields })} path="f" />
        ) : (
          <div>
            <label htmlFor="schema-json" className="field-label">
              {t("admin.builder.jsonLabel")}
            </label>
            <textarea id="schema-json" rows={24} value={jsonText} onChange={(e) => setJsonText(e.target.value)} className="field-input font-mono text-xs" spellCheck={false} />
            {jsonError && (
              <p role="alert" className="mt-1 font-semibold text-brand-700">
                {jsonError}
              </p>
            )}
            <button
              type="button"
              className={`${BUTTON_SECONDARY} mt-2`}
              onClick={() => {
                try {
                  onChange(parseFormSchema(JSON.parse(jsonText)));
                  setJsonError(null);
                  setMode("visual");
                } catch (e) {
                  setJsonError((e as Error).message);
                }
              }}
            >
              {t("admin.builder.applyJson")}
            </button>
          </div>
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

/** The form as the citizen sees it; typing in it shows conditional fields and "Kiểm tra" runs the validator. */
function LivePreview({ schema }: { schema: TFormSchema }) {
  const t = useT();
  const locale = useLocale();
  const formRef = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState<Record<string, unknown>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [checked, setChecked] = useState<"ok" | "errors" | null>(null);

  const read = () => (formRef.current ? (valuesFromFormData(new FormData(formRef.current), schema, PREVIEW_PREFIX) as Record<string, unknown>) : {});
  const fields = visibleOnly(schema.fields, values);

  function check() {
    const current = read();
    setValues(current);
    const result = buildFormValidator(schema, { t }).safeParse(current);
    const next: Record<string, string> = {};
    if (!result.success) {
      for (const issue of result.error.issues) next[[PREVIEW_PREFIX, ...issue.path.map(String)].join(".")] ??= issue.message;
    }
    setErrors(next);
    setChecked(result.success ? "ok" : "errors");
  }

  return (
    <form
      ref={formRef}
      className="rounded border-2 border-dashed border-ink-600/40 bg-white p-4"
      onInput={() => setValues(read())}
      onChange={() => setValues(read())}
      onSubmit={(e) => {
        e.preventDefault();
        e.stopPropagation();
        // The renderer's add/remove-row buttons post an intent (the portal handles it on the server).
        const intent = ((e.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null)?.value ?? "";
        const [verb, name, index] = intent.split(":");
        const listPath = (name ?? "").split(".").slice(1);
        if (verb === "addItem") return setValues(withItemAdded(read(), listPath));
        if (verb === "removeItem") return setValues(withItemRemoved(read(), listPath, Number(index)));
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

function FieldListEditor({ fields, onChange, path }: { fields: TFormField[]; onChange: (fields: TFormField[]) => void; path: string }) {
  const t = useT();
  const set = (i: number, field: TFormField) => onChange(fields.map((f, j) => (j === i ? field : f)));
  const move = (i: number, by: number) => {
    const next = [...fields];
    const [item] = next.splice(i, 1);
    next.splice(i + by, 0, item!);
    onChange(next);
  };
  return (
    <div className="space-y-3">
      <ol className="space-y-3">
        {fields.map((field, i) => (
          // By position: keying by the field's key would remount the editor (and lose focus) while the key is typed.
          <li key={i}>
            <FieldEditor
              field={field}
              index={i}
              path={`${path}.${i}`}
              siblings={fields.slice(0, i)}
              onChange={(f) => set(i, f)}
              onRemove={() => onChange(fields.filter((_, j) => j !== i))}
              onMove={(by) => move(i, by)}
              canMoveUp={i > 0}
              canMoveDown={i < fields.length - 1}
            />
          </li>
        ))}
      </ol>
      <button
        type="button"
        className={BUTTON_SECONDARY}
        onClick={() => onChange([...fields, { key: freshKey(fields), type: "text", labelVi: t("admin.builder.newFieldVi"), labelEn: "New field" }])}
      >
        {t("admin.builder.addField")}
      </button>
    </div>
  );
}

function FieldEditor({
  field,
  index,
  path,
  siblings,
  onChange,
  onRemove,
  onMove,
  canMoveUp,
  canMoveDown,
}: {
  field: TFormField;
  index: number;
  path: string;
  siblings: TFormField[];
  onChange: (field: TFormField) => void;
  onRemove: () => void;
  onMove: (by: number) => void;
  canMoveUp: boolean;
  canMoveDown: boolean;
}) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const id = (name: string) => `${path.replace(/\./g, "-")}-${name}`;
  const patch = (p: Partial<TFormField>) => onChange({ ...field, ...p });
  const setOptional = <K extends keyof TFormField>(key: K, value: TFormField[K] | undefined) =>
    onChange(value === undefined || value === "" || value === false ? without(field, key) : { ...field, [key]: value });
  const conditionTargets = siblings.filter((s) => s.type !== "group" && s.type !== "address");
  const target = conditionTargets.find((s) => s.key === field.visibleWhen?.field);
  const small = "field-input py-1 text-sm";

  return (
    <fieldset className="rounded border border-line bg-white p-3" data-testid={`builder-field-${path}`}>
      <legend className="px-1 text-sm font-semibold">
        {index + 1}. {field.labelVi || field.key} <span className="font-normal text-ink-600">({t(`admin.builder.types.${field.type}`)})</span>
      </legend>
      <div className="grid gap-2 sm:grid-cols-2">
        <label className="text-sm">
          <span className="font-semibold">{t("admin.builder.labelVi")}</span>
          <input id={id("labelVi")} value={field.labelVi} onChange={(e) => patch({ labelVi: e.target.value })} className={small} lang="vi" />
        </label>
        <label className="text-sm">
          <span className="font-semibold">{t("admin.builder.labelEn")}</span>
          <input id={id("labelEn")} value={field.labelEn} onChange={(e) => patch({ labelEn: e.target.value })} className={small} lang="en" />
        </label>
        <label className="text-sm">
          <span className="font-semibold">{t("admin.builder.key")}</span>
          <input id={id("key")} value={field.key} onChange={(e) => patch({ key: e.target.value.trim() })} className={`${small} font-mono`} spellCheck={false} />
        </label>
        <label className="text-sm">
          <span className="font-semibold">{t("admin.builder.type")}</span>
          <select id={id("type")} value={field.type} onChange={(e) => onChange(retype(field, e.target.value as TFormFieldType))} className={small}>
            {FORM_FIELD_TYPES.map((type) => (
              <option key={type} value={type}>
                {t(`admin.builder.types.${type}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="mt-2 flex flex-wrap items-center gap-x-4 gap-y-2 text-sm">
        <label className="flex items-center gap-1.5">
          <input type="checkbox" checked={Boolean(field.required)} onChange={(e) => setOptional("required", e.target.checked)} />
          {t("admin.builder.required")}
        </label>
        {field.type === "text" && (
          <label className="flex items-center gap-1.5">
            <input type="checkbox" checked={Boolean(field.multiline)} onChange={(e) => setOptional("multiline", e.target.checked)} />
            {t("admin.builder.multiline")}
          </label>
        )}
        {field.type === "group" && (
          <label className="flex items-center gap-1.5">
            <input
              type="checkbox"
              checked={Boolean(field.repeatable)}
              onChange={(e) => onChange(e.target.checked ? { ...field, repeatable: true } : without(without(without(field, "repeatable"), "minItems"), "maxItems"))}
            />
            {t("admin.builder.repeatable")}
          </label>
        )}
        <span className="ml-auto flex gap-1">
          <button type="button" className={BUTTON_SMALL} disabled={!canMoveUp} onClick={() => onMove(-1)} aria-label={t("admin.builder.moveUp", { label: field.labelVi })}>
            ↑
          </button>
          <button type="button" className={BUTTON_SMALL} disabled={!canMoveDown} onClick={() => onMove(1)} aria-label={t("admin.builder.moveDown", { label: field.labelVi })}>
            ↓
          </button>
          <button type="button" className={BUTTON_SMALL} onClick={() => setOpen((v) => !v)} aria-expanded={open}>
            {open ? t("admin.builder.less") : t("admin.builder.more")}
          </button>
          <button type="button" className={BUTTON_SMALL} onClick={onRemove} aria-label={t("admin.builder.removeNamed", { label: field.labelVi })}>
            {t("admin.common.remove")}
          </button>
        </span>
      </div>

      {(field.type === "text" || field.type === "idNumber") && (
        <div className="mt-2 grid gap-2 sm:grid-cols-3">
          <label className="text-sm sm:col-span-2">
            <span className="font-semibold">{t("admin.builder.pattern")}</span>
            <input id={id("pattern")} value={field.pattern ?? ""} onChange={(e) => setOptional("pattern", e.target.value)} className={`${small} font-mono`} spellCheck={false} placeholder={field.type === "idNumber" ? ID_NUMBER_PATTERN : ""} />
          </label>
          <label className="text-sm">
            <span className="font-semibold">{t("admin.builder.presets")}</span>
            <select value={PATTERN_PRESETS.find((p) => p.value === field.pattern)?.value ?? ""} onChange={(e) => setOptional("pattern", e.target.value)} className={small}>
              <option value="">{t("admin.builder.noPattern")}</option>
              {PATTERN_PRESETS.map((p) => (
                <option key={p.key} value={p.value}>
                  {t(`admin.builder.patterns.${p.key}`)}
                </option>
              ))}
            </select>
          </label>
          <label className="text-sm">
            <span className="font-semibold">{t("admin.builder.maxLength")}</span>
            <input type="number" min={1} value={field.maxLength ?? ""} onChange={(e) => setOptional("maxLength", numberOrUndefined(e.target.value))} className={small} />
          </label>
        </div>
      )}

      {field.type === "number" && (
        <div className="mt-2 grid gap-2 sm:grid-cols-4">
          <label className="text-sm">
            <span className="font-semibold">{t("admin.builder.min")}</span>
            <input type="number" value={field.min ?? ""} onChange={(e) => setOptional("min", numberOrUndefined(e.target.value))} className={small} />
          </label>
          <label className="text-sm">
            <span className="font-semibold">{t("admin.builder.max")}</span>
            <input type="number" value={field.max ?? ""} onChange={(e) => setOptional("max", numberOrUndefined(e.target.value))} className={small} />
          </label>
          <label className="text-sm">
            <span className="font-semibold">{t("admin.builder.unitVi")}</span>
            <input value={field.unitVi ?? ""} onChange={(e) => setOptional("unitVi", e.target.value)} className={small} />
          </label>
          <label className="text-sm">
            <span className="font-semibold">{t("admin.builder.unitEn")}</span>
            <input value={field.unitEn ?? ""} onChange={(e) => setOptional("unitEn", e.target.value)} className={small} />
          </label>
        </div>
      )}

      {field.type === "select" && (
        <div className="mt-2">
          <p className="text-sm font-semibold">{t("admin.builder.options")}</p>
          <ol className="mt-1 space-y-1">
            {(field.options ?? []).map((o, j) => (
              <li key={j} className="grid grid-cols-[5.5rem_minmax(0,1fr)_minmax(0,1fr)_auto] items-center gap-2">
                <input aria-label={t("admin.builder.optionValue", { number: j + 1 })} value={o.value} onChange={(e) => patch({ options: field.options!.map((x, k) => (k === j ? { ...x, value: e.target.value } : x)) })} className={`${small} font-mono`} />
                <input aria-label={t("admin.builder.optionLabelVi", { number: j + 1 })} value={o.labelVi} onChange={(e) => patch({ options: field.options!.map((x, k) => (k === j ? { ...x, labelVi: e.target.value } : x)) })} className={small} lang="vi" />
                <input aria-label={t("admin.builder.optionLabelEn", { number: j + 1 })} value={o.labelEn} onChange={(e) => patch({ options: field.options!.map((x, k) => (k === j ? { ...x, labelEn: e.target.value } : x)) })} className={small} lang="en" />
                <button type="button" className={BUTTON_SMALL} disabled={(field.options ?? []).length <= 1} onClick={() => patch({ options: field.options!.filter((_, k) => k !== j) })}>
                  {t("admin.common.remove")}
                </button>
              </li>
            ))}
          </ol>
          <button
            type="button"
            className={`${BUTTON_SMALL} mt-1`}
            onClick={() => patch({ options: [...(field.options ?? []), { value: `o${(field.options ?? []).length + 1}`, labelVi: "", labelEn: "" }] })}
          >
            {t("admin.builder.addOption")}
          </button>
        </div>
      )}

      {field.type === "group" && field.repeatable && (
        <div className="mt-2 grid max-w-md grid-cols-2 gap-2">
          <label className="text-sm">
            <span className="font-semibold">{t("admin.builder.minItems")}</span>
            <input type="number" min={0} value={field.minItems ?? ""} onChange={(e) => setOptional("minItems", numberOrUndefined(e.target.value))} className={small} />
          </label>
          <label className="text-sm">
            <span className="font-semibold">{t("admin.builder.maxItems")}</span>
            <input type="number" min={1} value={field.maxItems ?? ""} onChange={(e) => setOptional("maxItems", numberOrUndefined(e.target.value))} className={small} />
          </label>
        </div>
      )}

      {open && (
        <div className="mt-3 space-y-2 border-t border-line pt-3">
          <div className="grid gap-2 sm:grid-cols-2">
            <label className="text-sm">
              <span className="font-semibold">{t("admin.builder.helpVi")}</span>
              <input value={field.helpVi ?? ""} onChange={(e) => setOptional("helpVi", e.target.value)} className={small} lang="vi" />
            </label>
            <label className="text-sm">
              <span className="font-semibold">{t("admin.builder.helpEn")}</span>
              <input value={field.helpEn ?? ""} onChange={(e) => setOptional("helpEn", e.target.value)} className={small} lang="en" />
            </label>
          </div>
          <div className="grid gap-2 sm:grid-cols-2">
            <label className="text-sm">
              <span className="font-semibold">{t("admin.builder.visibleWhen")}</span>
              <select
                id={id("visibleWhen")}
                value={field.visibleWhen?.field ?? ""}
                onChange={(e) => {
                  const key = e.target.value;
                  if (!key) return onChange(without(field, "visibleWhen"));
                  const other = conditionTargets.find((s) => s.key === key);
                  onChange({ ...field, visibleWhen: { field: key, equals: other?.options?.[0]?.value ?? "" } });
                }}
                className={small}
                disabled={conditionTargets.length === 0}
              >
                <option value="">{t("admin.builder.alwaysVisible")}</option>
                {conditionTargets.map((s) => (
                  <option key={s.key} value={s.key}>
                    {s.labelVi} ({s.key})
                  </option>
                ))}
              </select>
            </label>
            {field.visibleWhen && (
              <label className="text-sm">
                <span className="font-semibold">{t("admin.builder.equals")}</span>
                {target?.options ? (
                  <select id={id("equals")} value={String(field.visibleWhen.equals)} onChange={(e) => patch({ visibleWhen: { field: field.visibleWhen!.field, equals: e.target.value } })} className={small}>
                    {target.options.map((o) => (
                      <option key={o.value} value={o.value}>
                        {o.labelVi}
                      </option>
                    ))}
                  </select>
                ) : (
                  <input id={id("equals")} value={String(field.visibleWhen.equals)} onChange={(e) => patch({ visibleWhen: { field: field.visibleWhen!.field, equals: e.target.value } })} className={small} />
                )}
              </label>
            )}
          </div>
          {conditionTargets.length === 0 && <p className="text-xs text-ink-600">{t("admin.builder.visibleWhenHint")}</p>}
        </div>
      )}

      {field.type === "group" && (
        <div className="mt-3 border-l-4 border-gold-300 pl-3">
          <p className="mb-2 text-sm font-semibold">{t("admin.builder.groupFields")}</p>
          <FieldListEditor fields={field.fields ?? []} onChange={(fields) => patch({ fields })} path={`${path}.fields`} />
        </div>
      )}
    </fieldset>
  );
}
