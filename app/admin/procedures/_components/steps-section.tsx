"use client";

// The ordered steps with their kind, names, role and time allowance; the allowance sum against the
// legal limit, and the workflow's own problems, shown before saving.
import type { Dispatch } from "react";
import { useT } from "~/app/_components/i18n-provider";
import type { TFunction } from "~/server/i18n/core";
import { allowanceHours, HOURS_PER_WORKING_DAY } from "~/server/modules/admin/content";
import { STEP_KINDS, STEP_ROLES, TIME_UNITS, type TStepInput } from "~/server/modules/admin/schema";
import { BUTTON_SECONDARY, BUTTON_SMALL, roleLabel } from "../../_components/ui";
import { SECTION, SMALL_INPUT as small } from "./editor-layout";
import { num, type EditorAction, type EditorContent, type EditorErrors } from "./editor-state";

function limitText(t: TFunction, value: number, unit: string) {
  return unit === "WORKING_DAY" ? t("admin.procedures.days", { count: value }) : t("admin.procedures.hours", { count: value });
}

export function StepsSection({
  content: c,
  localProblem,
  errors,
  dispatch,
}: {
  content: EditorContent;
  /** The editor's own check of the steps (checkProcedureContent), if it fails. */
  localProblem: string | undefined;
  errors: EditorErrors;
  dispatch: Dispatch<EditorAction>;
}) {
  const t = useT();
  const planned = allowanceHours(c.steps);
  const limitHours = c.limitUnit === "WORKING_DAY" ? c.limitValue * HOURS_PER_WORKING_DAY : c.limitValue;
  return (
    <section className={SECTION} aria-labelledby="steps-title">
      <h2 id="steps-title" className="text-xl text-brand-800">
        {t("admin.procedures.steps")}
      </h2>
      <p className="text-sm text-ink-600">{t("admin.procedures.stepsHint")}</p>
      <div className="overflow-x-auto">
        <table className="w-full text-left text-sm" data-testid="steps-table">
          <thead>
            <tr>
              <th scope="col" className="py-1 pr-2">#</th>
              <th scope="col" className="py-1 pr-2">{t("admin.procedures.stepKind")}</th>
              <th scope="col" className="py-1 pr-2">{t("admin.procedures.stepNameVi")}</th>
              <th scope="col" className="py-1 pr-2">{t("admin.procedures.stepNameEn")}</th>
              <th scope="col" className="py-1 pr-2">{t("admin.procedures.stepRole")}</th>
              <th scope="col" className="py-1 pr-2">{t("admin.procedures.allowance")}</th>
              <th scope="col" className="py-1"><span className="sr-only">{t("admin.common.actions")}</span></th>
            </tr>
          </thead>
          <tbody>
            {c.steps.map((s, i) => (
              <StepRow key={i} step={s} index={i} count={c.steps.length} dispatch={dispatch} />
            ))}
          </tbody>
        </table>
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <button type="button" className={BUTTON_SECONDARY} onClick={() => dispatch({ type: "addStep" })}>
          {t("admin.procedures.addStep")}
        </button>
        <span className={`text-sm font-semibold ${planned > limitHours ? "text-brand-700" : "text-ink-600"}`} data-testid="allowance-sum">
          {t("admin.procedures.allowanceSum", { planned, limit: limitHours, limitText: limitText(t, c.limitValue, c.limitUnit) })}
        </span>
      </div>
      {(localProblem || errors.of("steps")) && (
        <p role="alert" className="font-semibold text-brand-700">
          {localProblem === "ALLOWANCE_EXCEEDS_LIMIT" ? t("admin.fieldErrors.ALLOWANCE_EXCEEDS_LIMIT") : (localProblem ?? errors.of("steps"))}
        </p>
      )}
    </section>
  );
}

function StepRow({ step: s, index: i, count, dispatch }: { step: TStepInput; index: number; count: number; dispatch: Dispatch<EditorAction> }) {
  const t = useT();
  const set = (patch: Partial<TStepInput>) => dispatch({ type: "step", index: i, patch });
  return (
    <tr className="border-t border-line align-top">
      <td className="py-1.5 pr-2 font-semibold">{i + 1}</td>
      <td className="py-1.5 pr-2">
        <select aria-label={t("admin.procedures.stepKindOf", { number: i + 1 })} value={s.kind} onChange={(e) => set({ kind: e.target.value as TStepInput["kind"] })} className={small}>
          {STEP_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`admin.procedures.stepKinds.${k}`)}
            </option>
          ))}
        </select>
      </td>
      <td className="py-1.5 pr-2">
        <input aria-label={t("admin.procedures.stepNameViOf", { number: i + 1 })} value={s.nameVi} onChange={(e) => set({ nameVi: e.target.value })} className={`${small} min-w-44`} lang="vi" />
      </td>
      <td className="py-1.5 pr-2">
        <input aria-label={t("admin.procedures.stepNameEnOf", { number: i + 1 })} value={s.nameEn} onChange={(e) => set({ nameEn: e.target.value })} className={`${small} min-w-36`} lang="en" />
      </td>
      <td className="py-1.5 pr-2">
        <select aria-label={t("admin.procedures.stepRoleOf", { number: i + 1 })} value={s.role} onChange={(e) => set({ role: e.target.value as TStepInput["role"] })} className={small}>
          {STEP_ROLES.map((r) => (
            <option key={r} value={r}>
              {roleLabel(t, r)}
            </option>
          ))}
        </select>
      </td>
      <td className="py-1.5 pr-2">
        <div className="flex gap-1">
          <input
            type="number"
            min={1}
            aria-label={t("admin.procedures.allowanceOf", { number: i + 1 })}
            value={s.allowanceValue}
            onChange={(e) => set({ allowanceValue: num(e.target.value, 1) })}
            className={`${small} w-20`}
          />
          <select aria-label={t("admin.procedures.allowanceUnitOf", { number: i + 1 })} value={s.allowanceUnit} onChange={(e) => set({ allowanceUnit: e.target.value as TStepInput["allowanceUnit"] })} className={small}>
            {TIME_UNITS.map((u) => (
              <option key={u} value={u}>
                {t(`admin.procedures.units.${u}`)}
              </option>
            ))}
          </select>
        </div>
      </td>
      <td className="py-1.5 whitespace-nowrap">
        <button type="button" className={BUTTON_SMALL} disabled={i === 0} onClick={() => dispatch({ type: "move", list: "steps", index: i, by: -1 })} aria-label={t("admin.procedures.moveStepUp", { number: i + 1 })}>
          ↑
        </button>{" "}
        <button type="button" className={BUTTON_SMALL} disabled={i === count - 1} onClick={() => dispatch({ type: "move", list: "steps", index: i, by: 1 })} aria-label={t("admin.procedures.moveStepDown", { number: i + 1 })}>
          ↓
        </button>{" "}
        <button type="button" className={BUTTON_SMALL} disabled={count <= 1} onClick={() => dispatch({ type: "remove", list: "steps", index: i })} aria-label={t("admin.procedures.removeStep", { number: i + 1 })}>
          {t("admin.common.remove")}
        </button>
      </td>
    </tr>
  );
}
