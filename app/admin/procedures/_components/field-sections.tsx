"use client";

// The sections of one e-form field's editor (field-editor.tsx): labels, key and type; flags and
// actions; the rules of its type (text, number, select, repeatable group); help and visibility.
import { useT } from "~/app/_components/i18n-provider";
import { FORM_FIELD_TYPES, type TFormField, type TFormFieldType } from "~/server/modules/eform/format";
import { EMAIL_PATTERN, ID_NUMBER_PATTERN, PHONE_PATTERN, TAX_CODE_PATTERN } from "~/server/modules/eform/validator";
import { BUTTON_SMALL } from "../../_components/ui";
import { numberOrUndefined, type FieldAction } from "./builder-state";
import { SMALL_INPUT as small } from "./editor-layout";

const PATTERN_PRESETS = [
  { value: ID_NUMBER_PATTERN, key: "idNumber" },
  { value: TAX_CODE_PATTERN, key: "taxCode" },
  { value: PHONE_PATTERN, key: "phone" },
  { value: EMAIL_PATTERN, key: "email" },
] as const;

export interface FieldSectionProps {
  field: TFormField;
  /** The id of one of the field's inputs, unique in the page. */
  id: (name: string) => string;
  dispatch: (action: FieldAction) => void;
}

export function FieldBasics({ field, id, dispatch }: FieldSectionProps) {
  const t = useT();
  const set = (patch: Partial<TFormField>) => dispatch({ type: "set", patch });
  return (
    <div className="grid gap-2 sm:grid-cols-2">
      <label className="text-sm">
        <span className="font-semibold">{t("admin.builder.labelVi")}</span>
        <input id={id("labelVi")} value={field.labelVi} onChange={(e) => set({ labelVi: e.target.value })} className={small} lang="vi" />
      </label>
      <label className="text-sm">
        <span className="font-semibold">{t("admin.builder.labelEn")}</span>
        <input id={id("labelEn")} value={field.labelEn} onChange={(e) => set({ labelEn: e.target.value })} className={small} lang="en" />
      </label>
      <label className="text-sm">
        <span className="font-semibold">{t("admin.builder.key")}</span>
        <input id={id("key")} value={field.key} onChange={(e) => set({ key: e.target.value.trim() })} className={`${small} font-mono`} spellCheck={false} />
      </label>
      <label className="text-sm">
        <span className="font-semibold">{t("admin.builder.type")}</span>
        <select id={id("type")} value={field.type} onChange={(e) => dispatch({ type: "retype", fieldType: e.target.value as TFormFieldType })} className={small}>
          {FORM_FIELD_TYPES.map((type) => (
            <option key={type} value={type}>
              {t(`admin.builder.types.${type}`)}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}

/** Required / multiline / repeatable, and the field's move, more-options and remove buttons. */
export function FieldFlags({
  field,
  dispatch,
  open,
  onToggleOpen,
  onRemove,
  onMove,
  canMoveUp,
  canMoveDown,
}: FieldSectionProps & { open: boolean; onToggleOpen: () => void; onRemove: () => void; onMove: (by: number) => void; canMoveUp: boolean; canMoveDown: boolean }) {
  const t = useT();
  return (
    <div className="mt-2 flex flex-wrap items-center gap-x-4 gap-y-2 text-sm">
      <label className="flex items-center gap-1.5">
        <input type="checkbox" checked={Boolean(field.required)} onChange={(e) => dispatch({ type: "optional", key: "required", value: e.target.checked })} />
        {t("admin.builder.required")}
      </label>
      {field.type === "text" && (
        <label className="flex items-center gap-1.5">
          <input type="checkbox" checked={Boolean(field.multiline)} onChange={(e) => dispatch({ type: "optional", key: "multiline", value: e.target.checked })} />
          {t("admin.builder.multiline")}
        </label>
      )}
      {field.type === "group" && (
        <label className="flex items-center gap-1.5">
          <input type="checkbox" checked={Boolean(field.repeatable)} onChange={(e) => dispatch({ type: "repeatable", on: e.target.checked })} />
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
        <button type="button" className={BUTTON_SMALL} onClick={onToggleOpen} aria-expanded={open}>
          {open ? t("admin.builder.less") : t("admin.builder.more")}
        </button>
        <button type="button" className={BUTTON_SMALL} onClick={onRemove} aria-label={t("admin.builder.removeNamed", { label: field.labelVi })}>
          {t("admin.common.remove")}
        </button>
      </span>
    </div>
  );
}

/** Text and ID-number fields: a pattern (typed or a preset) and a maximum length. */
export function TextRules({ field, id, dispatch }: FieldSectionProps) {
  const t = useT();
  return (
    <div className="mt-2 grid gap-2 sm:grid-cols-3">
      <label className="text-sm sm:col-span-2">
        <span className="font-semibold">{t("admin.builder.pattern")}</span>
        <input
          id={id("pattern")}
          value={field.pattern ?? ""}
          onChange={(e) => dispatch({ type: "optional", key: "pattern", value: e.target.value })}
          className={`${small} font-mono`}
          spellCheck={false}
          placeholder={field.type === "idNumber" ? ID_NUMBER_PATTERN : ""}
        />
      </label>
      <label className="text-sm">
        <span className="font-semibold">{t("admin.builder.presets")}</span>
        <select value={PATTERN_PRESETS.find((p) => p.value === field.pattern)?.value ?? ""} onChange={(e) => dispatch({ type: "optional", key: "pattern", value: e.target.value })} className={small}>
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
        <input type="number" min={1} value={field.maxLength ?? ""} onChange={(e) => dispatch({ type: "optional", key: "maxLength", value: numberOrUndefined(e.target.value) })} className={small} />
      </label>
    </div>
  );
}

export function NumberRules({ field, dispatch }: FieldSectionProps) {
  const t = useT();
  return (
    <div className="mt-2 grid gap-2 sm:grid-cols-4">
      <label className="text-sm">
        <span className="font-semibold">{t("admin.builder.min")}</span>
        <input type="number" value={field.min ?? ""} onChange={(e) => dispatch({ type: "optional", key: "min", value: numberOrUndefined(e.target.value) })} className={small} />
      </label>
      <label className="text-sm">
        <span className="font-semibold">{t("admin.builder.max")}</span>
        <input type="number" value={field.max ?? ""} onChange={(e) => dispatch({ type: "optional", key: "max", value: numberOrUndefined(e.target.value) })} className={small} />
      </label>
      <label className="text-sm">
        <span className="font-semibold">{t("admin.builder.unitVi")}</span>
        <input value={field.unitVi ?? ""} onChange={(e) => dispatch({ type: "optional", key: "unitVi", value: e.target.value })} className={small} />
      </label>
      <label className="text-sm">
        <span className="font-semibold">{t("admin.builder.unitEn")}</span>
        <input value={field.unitEn ?? ""} onChange={(e) => dispatch({ type: "optional", key: "unitEn", value: e.target.value })} className={small} />
      </label>
    </div>
  );
}

export function SelectOptions({ field, dispatch }: FieldSectionProps) {
  const t = useT();
  const options = field.options ?? [];
  return (
    <div className="mt-2">
      <p className="text-sm font-semibold">{t("admin.builder.options")}</p>
      <ol className="mt-1 space-y-1">
        {options.map((o, j) => (
          <li key={j} className="grid grid-cols-[5.5rem_minmax(0,1fr)_minmax(0,1fr)_auto] items-center gap-2">
            <input aria-label={t("admin.builder.optionValue", { number: j + 1 })} value={o.value} onChange={(e) => dispatch({ type: "option", index: j, patch: { value: e.target.value } })} className={`${small} font-mono`} />
            <input aria-label={t("admin.builder.optionLabelVi", { number: j + 1 })} value={o.labelVi} onChange={(e) => dispatch({ type: "option", index: j, patch: { labelVi: e.target.value } })} className={small} lang="vi" />
            <input aria-label={t("admin.builder.optionLabelEn", { number: j + 1 })} value={o.labelEn} onChange={(e) => dispatch({ type: "option", index: j, patch: { labelEn: e.target.value } })} className={small} lang="en" />
            <button type="button" className={BUTTON_SMALL} disabled={options.length <= 1} onClick={() => dispatch({ type: "removeOption", index: j })}>
              {t("admin.common.remove")}
            </button>
          </li>
        ))}
      </ol>
      <button type="button" className={`${BUTTON_SMALL} mt-1`} onClick={() => dispatch({ type: "addOption" })}>
        {t("admin.builder.addOption")}
      </button>
    </div>
  );
}

export function RepeatRules({ field, dispatch }: FieldSectionProps) {
  const t = useT();
  return (
    <div className="mt-2 grid max-w-md grid-cols-2 gap-2">
      <label className="text-sm">
        <span className="font-semibold">{t("admin.builder.minItems")}</span>
        <input type="number" min={0} value={field.minItems ?? ""} onChange={(e) => dispatch({ type: "optional", key: "minItems", value: numberOrUndefined(e.target.value) })} className={small} />
      </label>
      <label className="text-sm">
        <span className="font-semibold">{t("admin.builder.maxItems")}</span>
        <input type="number" min={1} value={field.maxItems ?? ""} onChange={(e) => dispatch({ type: "optional", key: "maxItems", value: numberOrUndefined(e.target.value) })} className={small} />
      </label>
    </div>
  );
}

/** Behind "more options": help texts and the condition that shows the field. */
export function FieldMore({ field, id, dispatch, targets }: FieldSectionProps & { targets: TFormField[] }) {
  const t = useT();
  const target = targets.find((s) => s.key === field.visibleWhen?.field);
  return (
    <div className="mt-3 space-y-2 border-t border-line pt-3">
      <div className="grid gap-2 sm:grid-cols-2">
        <label className="text-sm">
          <span className="font-semibold">{t("admin.builder.helpVi")}</span>
          <input value={field.helpVi ?? ""} onChange={(e) => dispatch({ type: "optional", key: "helpVi", value: e.target.value })} className={small} lang="vi" />
        </label>
        <label className="text-sm">
          <span className="font-semibold">{t("admin.builder.helpEn")}</span>
          <input value={field.helpEn ?? ""} onChange={(e) => dispatch({ type: "optional", key: "helpEn", value: e.target.value })} className={small} lang="en" />
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
              if (!key) return dispatch({ type: "alwaysShow" });
              const other = targets.find((s) => s.key === key);
              dispatch({ type: "showWhen", key, equals: other?.options?.[0]?.value ?? "" });
            }}
            className={small}
            disabled={targets.length === 0}
          >
            <option value="">{t("admin.builder.alwaysVisible")}</option>
            {targets.map((s) => (
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
              <select id={id("equals")} value={String(field.visibleWhen.equals)} onChange={(e) => dispatch({ type: "showWhenEquals", equals: e.target.value })} className={small}>
                {target.options.map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.labelVi}
                  </option>
                ))}
              </select>
            ) : (
              <input id={id("equals")} value={String(field.visibleWhen.equals)} onChange={(e) => dispatch({ type: "showWhenEquals", equals: e.target.value })} className={small} />
            )}
          </label>
        )}
      </div>
      {targets.length === 0 && <p className="text-xs text-ink-600">{t("admin.builder.visibleWhenHint")}</p>}
    </div>
  );
}
