"use client";

// The agencies that offer a procedure, as checkboxes with select all / none (editor and settings).
import { useT } from "~/app/_components/i18n-provider";
import { BUTTON_SMALL } from "../../_components/ui";

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
