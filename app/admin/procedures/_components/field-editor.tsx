"use client";

// One list of e-form fields (the form's, or a group's) and the editor of one field: its sections
// are field-sections.tsx, its changes builder-state.ts's editField.
import { useState } from "react";
import { useT } from "~/app/_components/i18n-provider";
import type { TFormField } from "~/server/modules/eform/format";
import { BUTTON_SECONDARY } from "../../_components/ui";
import { conditionTargets, editField, freshKey, movedField, type FieldAction } from "./builder-state";
import { FieldBasics, FieldFlags, FieldMore, NumberRules, RepeatRules, SelectOptions, TextRules } from "./field-sections";

export function FieldListEditor({ fields, onChange, path }: { fields: TFormField[]; onChange: (fields: TFormField[]) => void; path: string }) {
  const t = useT();
  const set = (i: number, field: TFormField) => onChange(fields.map((f, j) => (j === i ? field : f)));
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
              onMove={(by) => onChange(movedField(fields, i, by))}
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

export interface FieldEditorProps {
  field: TFormField;
  index: number;
  path: string;
  siblings: TFormField[];
  onChange: (field: TFormField) => void;
  onRemove: () => void;
  onMove: (by: number) => void;
  canMoveUp: boolean;
  canMoveDown: boolean;
}

function FieldEditor({ field, index, path, siblings, onChange, onRemove, onMove, canMoveUp, canMoveDown }: FieldEditorProps) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const id = (name: string) => `${path.replace(/\./g, "-")}-${name}`;
  const dispatch = (action: FieldAction) => onChange(editField(field, action));
  const section = { field, id, dispatch };

  return (
    <fieldset className="rounded border border-line bg-white p-3" data-testid={`builder-field-${path}`}>
      <legend className="px-1 text-sm font-semibold">
        {index + 1}. {field.labelVi || field.key} <span className="font-normal text-ink-600">({t(`admin.builder.types.${field.type}`)})</span>
      </legend>
      <FieldBasics {...section} />
      <FieldFlags {...section} open={open} onToggleOpen={() => setOpen((v) => !v)} onRemove={onRemove} onMove={onMove} canMoveUp={canMoveUp} canMoveDown={canMoveDown} />
      {(field.type === "text" || field.type === "idNumber") && <TextRules {...section} />}
      {field.type === "number" && <NumberRules {...section} />}
      {field.type === "select" && <SelectOptions {...section} />}
      {field.type === "group" && field.repeatable && <RepeatRules {...section} />}
      {open && <FieldMore {...section} targets={conditionTargets(siblings)} />}
      {field.type === "group" && (
        <div className="mt-3 border-l-4 border-gold-300 pl-3">
          <p className="mb-2 text-sm font-semibold">{t("admin.builder.groupFields")}</p>
          <FieldListEditor fields={field.fields ?? []} onChange={(fields) => dispatch({ type: "set", patch: { fields } })} path={`${path}.fields`} />
        </div>
      )}
    </fieldset>
  );
}
