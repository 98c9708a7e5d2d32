"use client";

// A version's general rules: names, authority, time limit and cut-off, online level, fee, channels,
// legal basis, result and the validity window.
import type { Dispatch } from "react";
import { useT } from "~/app/_components/i18n-provider";
import { ONLINE_LEVELS, TIME_UNITS } from "~/server/modules/admin/schema";
import { Field } from "../../_components/ui";
import { SECTION } from "./editor-layout";
import { FEE_KINDS, num, type EditorAction, type EditorContent, type EditorErrors, type EditorScalars, type EditorState, type EditorTarget, type FeeKind } from "./editor-state";

type SectionProps = { content: EditorContent; errors: EditorErrors; dispatch: Dispatch<EditorAction> };

export function GeneralSection({
  content: c,
  validity,
  target,
  errors,
  dispatch,
}: SectionProps & { validity: Pick<EditorState, "validFromText" | "validToText">; target: EditorTarget }) {
  const t = useT();
  const set = (patch: Partial<EditorScalars>) => dispatch({ type: "set", patch });
  const fieldError = errors.of;
  return (
    <section className={SECTION} aria-labelledby="general-title">
      <h2 id="general-title" className="text-xl text-brand-800">
        {t("admin.procedures.general")}
      </h2>
      <div className="grid gap-x-4 sm:grid-cols-2">
        <Field id="p-nameVi" label={t("admin.procedures.nameVi")} error={fieldError("nameVi")}>
          <textarea id="p-nameVi" rows={2} value={c.nameVi} onChange={(e) => set({ nameVi: e.target.value })} className="field-input" lang="vi" />
        </Field>
        <Field id="p-nameEn" label={t("admin.procedures.nameEn")} error={fieldError("nameEn")}>
          <textarea id="p-nameEn" rows={2} value={c.nameEn} onChange={(e) => set({ nameEn: e.target.value })} className="field-input" lang="en" />
        </Field>
        <Field id="p-authVi" label={t("admin.procedures.authorityVi")} error={fieldError("authorityVi")}>
          <input id="p-authVi" value={c.authorityVi} onChange={(e) => set({ authorityVi: e.target.value })} className="field-input" lang="vi" />
        </Field>
        <Field id="p-authEn" label={t("admin.procedures.authorityEn")} error={fieldError("authorityEn")}>
          <input id="p-authEn" value={c.authorityEn} onChange={(e) => set({ authorityEn: e.target.value })} className="field-input" lang="en" />
        </Field>
      </div>
      <div className="grid gap-x-4 sm:grid-cols-4">
        <Field id="p-limit" label={t("admin.procedures.limit")} error={fieldError("limitValue")}>
          <input id="p-limit" type="number" min={1} value={c.limitValue} onChange={(e) => set({ limitValue: num(e.target.value, 1) })} className="field-input" />
        </Field>
        <Field id="p-limitUnit" label={t("admin.procedures.unit")}>
          <select id="p-limitUnit" value={c.limitUnit} onChange={(e) => set({ limitUnit: e.target.value as EditorContent["limitUnit"] })} className="field-input">
            {TIME_UNITS.map((u) => (
              <option key={u} value={u}>
                {t(`admin.procedures.units.${u}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field id="p-cutoff" label={t("admin.procedures.cutoff")} hint={t("admin.procedures.cutoffHint")} error={fieldError("sameDayCutoff")}>
          <input id="p-cutoff" type="time" value={c.sameDayCutoff ?? ""} onChange={(e) => set({ sameDayCutoff: e.target.value || null })} className="field-input" />
        </Field>
        <Field id="p-online" label={t("admin.procedures.onlineLevel")}>
          <select id="p-online" value={c.onlineLevel} onChange={(e) => set({ onlineLevel: e.target.value as EditorContent["onlineLevel"] })} className="field-input">
            {ONLINE_LEVELS.map((l) => (
              <option key={l} value={l}>
                {t(`admin.procedures.onlineLevels.${l}`)}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <FeeFieldset content={c} errors={errors} dispatch={dispatch} />
      <ChannelsFieldset content={c} errors={errors} dispatch={dispatch} />
      <div className="grid gap-x-4 sm:grid-cols-2">
        <Field id="p-legalVi" label={t("admin.procedures.legalBasisVi")} error={fieldError("legalBasisVi")}>
          <textarea id="p-legalVi" rows={3} value={c.legalBasisVi} onChange={(e) => set({ legalBasisVi: e.target.value })} className="field-input" lang="vi" />
        </Field>
        <Field id="p-legalEn" label={t("admin.procedures.legalBasisEn")}>
          <textarea id="p-legalEn" rows={3} value={c.legalBasisEn ?? ""} onChange={(e) => set({ legalBasisEn: e.target.value || null })} className="field-input" lang="en" />
        </Field>
        <Field id="p-resultVi" label={t("admin.procedures.resultNameVi")}>
          <input id="p-resultVi" value={c.resultNameVi ?? ""} onChange={(e) => set({ resultNameVi: e.target.value || null })} className="field-input" lang="vi" />
        </Field>
        <Field id="p-resultEn" label={t("admin.procedures.resultNameEn")}>
          <input id="p-resultEn" value={c.resultNameEn ?? ""} onChange={(e) => set({ resultNameEn: e.target.value || null })} className="field-input" lang="en" />
        </Field>
      </div>
      <ValidityFields validity={validity} target={target} errors={errors} dispatch={dispatch} />
    </section>
  );
}

function FeeFieldset({ content: c, errors, dispatch }: SectionProps) {
  const t = useT();
  const f = errors.fields;
  return (
    <fieldset className="rounded border border-line p-3">
      <legend className="px-1 font-semibold">{t("admin.procedures.fee")}</legend>
      <div className="flex flex-wrap items-end gap-3">
        <label>
          <span className="field-label text-sm">{t("admin.procedures.feeKind")}</span>
          <select value={c.fee.kind} onChange={(e) => dispatch({ type: "feeKind", kind: e.target.value as FeeKind })} className="field-input">
            {FEE_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`admin.procedures.feeKinds.${k}`)}
              </option>
            ))}
          </select>
        </label>
        {c.fee.kind === "fixed" && (
          <label>
            <span className="field-label text-sm">{t("admin.procedures.feeAmount")}</span>
            <input type="number" min={1} value={c.fee.amount} onChange={(e) => dispatch({ type: "feeAmount", amount: num(e.target.value) })} className="field-input w-44" />
          </label>
        )}
        {c.fee.kind === "percent" && (
          <>
            <label>
              <span className="field-label text-sm">{t("admin.procedures.feeRate")}</span>
              <input
                type="number"
                step="0.01"
                min={0}
                value={Math.round(c.fee.rate * 10000) / 100}
                onChange={(e) => dispatch({ type: "feePercent", patch: { rate: num(e.target.value) / 100 } })}
                className="field-input w-28"
              />
            </label>
            <label>
              <span className="field-label text-sm">{t("admin.procedures.feeMin")}</span>
              <input type="number" min={0} value={c.fee.min} onChange={(e) => dispatch({ type: "feePercent", patch: { min: num(e.target.value) } })} className="field-input w-40" />
            </label>
            <label>
              <span className="field-label text-sm">{t("admin.procedures.feeMax")}</span>
              <input type="number" min={0} value={c.fee.max} onChange={(e) => dispatch({ type: "feePercent", patch: { max: num(e.target.value) } })} className="field-input w-40" />
            </label>
          </>
        )}
      </div>
      {(f["content.fee.min"] || f["content.fee.amount"]) && <p className="mt-1 font-semibold text-brand-700">{f["content.fee.min"] ?? f["content.fee.amount"]}</p>}
      <div className="mt-3 grid gap-x-4 sm:grid-cols-2">
        <Field id="p-feeNoteVi" label={t("admin.procedures.feeNoteVi")}>
          <input id="p-feeNoteVi" value={c.feeNoteVi ?? ""} onChange={(e) => dispatch({ type: "set", patch: { feeNoteVi: e.target.value || null } })} className="field-input" lang="vi" />
        </Field>
        <Field id="p-feeNoteEn" label={t("admin.procedures.feeNoteEn")}>
          <input id="p-feeNoteEn" value={c.feeNoteEn ?? ""} onChange={(e) => dispatch({ type: "set", patch: { feeNoteEn: e.target.value || null } })} className="field-input" lang="en" />
        </Field>
      </div>
    </fieldset>
  );
}

function ChannelsFieldset({ content: c, errors, dispatch }: SectionProps) {
  const t = useT();
  return (
    <fieldset className="rounded border border-line p-3">
      <legend className="px-1 font-semibold">{t("admin.procedures.channels")}</legend>
      <div className="flex flex-wrap gap-4">
        {[1, 2, 3].map((ch) => (
          <label key={ch} className="flex items-center gap-2">
            <input type="checkbox" checked={c.channels.includes(ch)} onChange={(e) => dispatch({ type: "channel", channel: ch, on: e.target.checked })} className="h-5 w-5" />
            {t(`admin.procedures.channel${ch as 1 | 2 | 3}`)}
          </label>
        ))}
        <label className="flex items-center gap-2">
          <input type="checkbox" checked={c.acrossBoundary} onChange={(e) => dispatch({ type: "set", patch: { acrossBoundary: e.target.checked } })} className="h-5 w-5" />
          {t("admin.procedures.acrossBoundary")}
        </label>
      </div>
      {errors.of("channels") && <p className="mt-1 font-semibold text-brand-700">{errors.of("channels")}</p>}
    </fieldset>
  );
}

function ValidityFields({
  validity,
  target,
  errors,
  dispatch,
}: {
  validity: Pick<EditorState, "validFromText" | "validToText">;
  target: EditorTarget;
  errors: EditorErrors;
  dispatch: Dispatch<EditorAction>;
}) {
  const t = useT();
  return (
    <div className="grid gap-x-4 sm:grid-cols-2">
      <Field
        id="p-validFrom"
        label={t("admin.procedures.validFrom")}
        hint={target.mode === "version" ? t("admin.procedures.validFromHint", { version: target.basedOnVersion ?? 0 }) : undefined}
        error={errors.fields.validFrom ?? errors.of("validFrom")}
      >
        <input id="p-validFrom" type="datetime-local" value={validity.validFromText} onChange={(e) => dispatch({ type: "validity", patch: { validFromText: e.target.value } })} className="field-input" required />
      </Field>
      <Field id="p-validTo" label={t("admin.procedures.validTo")} hint={t("admin.procedures.validToHint")} error={errors.of("validTo")}>
        <input id="p-validTo" type="datetime-local" value={validity.validToText} onChange={(e) => dispatch({ type: "validity", patch: { validToText: e.target.value } })} className="field-input" />
      </Field>
    </div>
  );
}
