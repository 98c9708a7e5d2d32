"use client";

// A procedure's identity inputs, shared by the new-procedure editor and the settings form: its
// sector, its level, and the agencies that offer it (checkboxes with select all / none).
import { useT } from "~/app/_components/i18n-provider";
import { PROCEDURE_LEVELS } from "~/server/modules/admin/schema";
import { BUTTON_SMALL } from "../../_components/ui";

export type ProcedureLevel = (typeof PROCEDURE_LEVELS)[number];

export function SectorSelect({ id, sectors, value, onChange }: { id: string; sectors: { id: string; name: string }[]; value: string; onChange: (sectorId: string) => void }) {
  return (
    <select id={id} value={value} onChange={(e) => onChange(e.target.value)} className="field-input">
      {sectors.map((s) => (
        <option key={s.id} value={s.id}>
          {s.name}
        </option>
      ))}
    </select>
  );
}

export function LevelSelect({ id, value, onChange }: { id: string; value: ProcedureLevel; onChange: (level: ProcedureLevel) => void }) {
  const t = useT();
  return (
    <select id={id} value={value} onChange={(e) => onChange(e.target.value as ProcedureLevel)} className="field-input">
      {PROCEDURE_LEVELS.map((l) => (
        <option key={l} value={l}>
          {t(`admin.procedures.levels.${l}`)}
        </option>
      ))}
    </select>
  );
}

export function AgencyChecklist({ agencies, value, onChange }: { agencies: { id: string; name: string }[]; value: string[]; onChange: (ids: string[]) => void }) {
  const t = useT();
  return (
    <fieldset className="rounded border border-line p-3">
      <legend className="px-1 font-semibold">{t("admin.procedures.offeredBy", { count: value.length })}</legend>
      <div className="mb-2 flex gap-2">
        <button type="button" className={BUTTON_SMALL} onClick={() => onChange(agencies.map((a) => a.id))}>
          {t("admin.procedures.selectAll")}
        </button>
        <button type="button" className={BUTTON_SMALL} onClick={() => onChange([])}>
          {t("admin.procedures.selectNone")}
        </button>
      </div>
      <div className="grid max-h-64 gap-1 overflow-y-auto text-sm sm:grid-cols-2 lg:grid-cols-3">
        {agencies.map((a) => (
          <label key={a.id} className="flex items-start gap-2">
            <input type="checkbox" className="mt-1" checked={value.includes(a.id)} onChange={(e) => onChange(e.target.checked ? [...value, a.id] : value.filter((x) => x !== a.id))} />
            {a.name}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
