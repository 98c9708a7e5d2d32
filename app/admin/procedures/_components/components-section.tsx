"use client";

// The document components a citizen attaches: names, copies, template, size limit, file types.
import type { Dispatch } from "react";
import { useT } from "~/app/_components/i18n-provider";
import { COMPONENT_FILE_TYPES, type TComponentInput } from "~/server/modules/admin/schema";
import { BUTTON_SECONDARY, BUTTON_SMALL } from "../../_components/ui";
import { SECTION, SMALL_INPUT as small } from "./editor-layout";
import { num, type EditorAction, type EditorErrors } from "./editor-state";

export function ComponentsSection({ components, errors, dispatch }: { components: TComponentInput[]; errors: EditorErrors; dispatch: Dispatch<EditorAction> }) {
  const t = useT();
  return (
    <section className={SECTION} aria-labelledby="components-title">
      <h2 id="components-title" className="text-xl text-brand-800">
        {t("admin.procedures.components")}
      </h2>
      <ol className="space-y-3">
        {components.map((comp, i) => (
          <ComponentItem key={i} component={comp} index={i} count={components.length} dispatch={dispatch} />
        ))}
      </ol>
      <button type="button" className={BUTTON_SECONDARY} onClick={() => dispatch({ type: "addComponent" })}>
        {t("admin.procedures.addComponent")}
      </button>
      {Object.entries(errors.fields)
        .filter(([k]) => k.startsWith("content.components"))
        .slice(0, 1)
        .map(([k, v]) => (
          <p key={k} className="font-semibold text-brand-700">
            {t("admin.procedures.componentProblem", { number: Number(k.split(".")[2] ?? 0) + 1 })}: {v}
          </p>
        ))}
    </section>
  );
}

function ComponentItem({ component: comp, index: i, count, dispatch }: { component: TComponentInput; index: number; count: number; dispatch: Dispatch<EditorAction> }) {
  const t = useT();
  const set = (patch: Partial<TComponentInput>) => dispatch({ type: "component", index: i, patch });
  return (
    <li className="rounded border border-line p-3">
      <div className="mb-2 flex items-center justify-between gap-2">
        <span className="font-semibold">{t("admin.procedures.componentNumber", { number: i + 1 })}</span>
        <span className="flex gap-1">
          <button type="button" className={BUTTON_SMALL} disabled={i === 0} onClick={() => dispatch({ type: "move", list: "components", index: i, by: -1 })} aria-label={t("admin.procedures.moveComponentUp", { number: i + 1 })}>
            ↑
          </button>
          <button type="button" className={BUTTON_SMALL} disabled={i === count - 1} onClick={() => dispatch({ type: "move", list: "components", index: i, by: 1 })} aria-label={t("admin.procedures.moveComponentDown", { number: i + 1 })}>
            ↓
          </button>
          <button type="button" className={BUTTON_SMALL} onClick={() => dispatch({ type: "remove", list: "components", index: i })} aria-label={t("admin.procedures.removeComponent", { number: i + 1 })}>
            {t("admin.common.remove")}
          </button>
        </span>
      </div>
      <div className="grid gap-2 sm:grid-cols-2">
        <label className="text-sm">
          <span className="font-semibold">{t("admin.procedures.componentNameVi")}</span>
          <input value={comp.nameVi} onChange={(e) => set({ nameVi: e.target.value })} className={small} lang="vi" />
        </label>
        <label className="text-sm">
          <span className="font-semibold">{t("admin.procedures.componentNameEn")}</span>
          <input value={comp.nameEn} onChange={(e) => set({ nameEn: e.target.value })} className={small} lang="en" />
        </label>
        <label className="text-sm">
          <span className="font-semibold">{t("admin.procedures.copiesVi")}</span>
          <input value={comp.copiesVi ?? ""} onChange={(e) => set({ copiesVi: e.target.value || null })} className={small} lang="vi" />
        </label>
        <label className="text-sm">
          <span className="font-semibold">{t("admin.procedures.copiesEn")}</span>
          <input value={comp.copiesEn ?? ""} onChange={(e) => set({ copiesEn: e.target.value || null })} className={small} lang="en" />
        </label>
        <label className="text-sm">
          <span className="font-semibold">{t("admin.procedures.templateUrl")}</span>
          <input value={comp.templateUrl ?? ""} onChange={(e) => set({ templateUrl: e.target.value || null })} className={small} inputMode="url" />
        </label>
        <label className="text-sm">
          <span className="font-semibold">{t("admin.procedures.maxSize")}</span>
          <input
            type="number"
            min={1}
            max={50}
            value={Math.round((comp.maxSizeBytes / 1024 / 1024) * 10) / 10}
            onChange={(e) => set({ maxSizeBytes: Math.round(num(e.target.value, 10) * 1024 * 1024) })}
            className={`${small} w-28`}
          />
        </label>
      </div>
      <div className="mt-2 flex flex-wrap gap-4 text-sm">
        <label className="flex items-center gap-1.5">
          <input type="checkbox" checked={comp.required} onChange={(e) => set({ required: e.target.checked })} />
          {t("admin.procedures.componentRequired")}
        </label>
        {COMPONENT_FILE_TYPES.map((type) => (
          <label key={type} className="flex items-center gap-1.5">
            <input
              type="checkbox"
              checked={comp.acceptedTypes.includes(type)}
              onChange={(e) => set({ acceptedTypes: e.target.checked ? [...comp.acceptedTypes, type] : comp.acceptedTypes.filter((x) => x !== type) })}
            />
            {type.split("/")[1]!.toUpperCase()}
          </label>
        ))}
      </div>
    </li>
  );
}
