"use client";

// A procedure version's content: general rules (names, limit, fee, channels, validity), the ordered
// steps with their role and time allowance, the document components and the e-form. Saving creates
// a procedure (version 1) or publishes a new version; nothing here edits a version in place.
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useMemo, useState } from "react";
import { useT } from "~/app/_components/i18n-provider";
import { useTRPCClient } from "~/app/_trpc/react";
import type { TFunction } from "~/server/i18n/core";
import { allowanceHours, checkProcedureContent, HOURS_PER_WORKING_DAY } from "~/server/modules/admin/content";
import {
  COMPONENT_FILE_TYPES,
  ONLINE_LEVELS,
  PROCEDURE_LEVELS,
  STEP_KINDS,
  STEP_ROLES,
  TIME_UNITS,
  type TComponentInput,
  type TFeeRule,
  type TStepInput,
} from "~/server/modules/admin/schema";
import type { TFormSchema } from "~/server/modules/eform/format";
import { BUTTON_SECONDARY, BUTTON_SMALL, callError, Field, roleLabel, StatusLine, type CallError } from "../../_components/ui";
import { FormBuilder } from "./form-builder";

export interface EditorContent {
  nameVi: string;
  nameEn: string;
  authorityVi: string;
  authorityEn: string;
  limitValue: number;
  limitUnit: (typeof TIME_UNITS)[number];
  sameDayCutoff: string | null;
  fee: TFeeRule;
  feeNoteVi: string | null;
  feeNoteEn: string | null;
  legalBasisVi: string;
  legalBasisEn: string | null;
  onlineLevel: (typeof ONLINE_LEVELS)[number];
  channels: number[];
  acrossBoundary: boolean;
  formSchema: TFormSchema;
  resultNameVi: string | null;
  resultNameEn: string | null;
  components: TComponentInput[];
  steps: TStepInput[];
  validFrom: Date;
  validTo: Date | null;
}

export interface EditorTarget {
  mode: "create" | "version";
  procedureId?: string;
  basedOnVersionId?: string;
  basedOnVersion?: number;
  sectors: { id: string; name: string }[];
  agencies: { id: string; name: string }[];
}

const VN_OFFSET_MS = 7 * 3_600_000;
/** "YYYY-MM-DDTHH:MM" in Vietnam time (UTC+7 all year) for a datetime-local input. */
export function toLocalInput(date: Date): string {
  return new Date(date.getTime() + VN_OFFSET_MS).toISOString().slice(0, 16);
}
export function fromLocalInput(value: string): Date | null {
  const d = new Date(`${value}:00+07:00`);
  return Number.isNaN(d.getTime()) ? null : d;
}

const SECTION = "card space-y-3";
const small = "field-input py-1 text-sm";

function num(raw: string, fallback = 0): number {
  const n = Number(raw);
  return Number.isFinite(n) ? n : fallback;
}

function emptyComponent(): TComponentInput {
  return { nameVi: "", nameEn: "", required: true, copiesVi: "01 bản chính", copiesEn: "1 original", acceptedTypes: [...COMPONENT_FILE_TYPES], maxSizeBytes: 10 * 1024 * 1024 };
}

function limitText(t: TFunction, value: number, unit: string) {
  return unit === "WORKING_DAY" ? t("admin.procedures.days", { count: value }) : t("admin.procedures.hours", { count: value });
}

export function ProcedureEditor({ initial, target }: { initial: EditorContent; target: EditorTarget }) {
  const t = useT();
  const client = useTRPCClient();
  const router = useRouter();
  const [c, setC] = useState<EditorContent>(initial);
  const [code, setCode] = useState("");
  const [sectorId, setSectorId] = useState(target.sectors[0]?.id ?? "");
  const [level, setLevel] = useState<(typeof PROCEDURE_LEVELS)[number]>("PROVINCE");
  const [agencyIds, setAgencyIds] = useState<string[]>([]);
  const [validFromText, setValidFromText] = useState(toLocalInput(initial.validFrom));
  const [validToText, setValidToText] = useState(initial.validTo ? toLocalInput(initial.validTo) : "");
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<CallError | null>(null);

  const patch = (p: Partial<EditorContent>) => setC((v) => ({ ...v, ...p }));
  const setStep = (i: number, p: Partial<TStepInput>) => patch({ steps: c.steps.map((s, j) => (j === i ? { ...s, ...p } : s)) });
  const setComponent = (i: number, p: Partial<TComponentInput>) => patch({ components: c.components.map((s, j) => (j === i ? { ...s, ...p } : s)) });
  const moveIn = <T,>(list: T[], i: number, by: number): T[] => {
    const next = [...list];
    const [item] = next.splice(i, 1);
    next.splice(i + by, 0, item!);
    return next;
  };

  const local = useMemo(() => checkProcedureContent({ formSchema: c.formSchema, steps: c.steps, limitValue: c.limitValue, limitUnit: c.limitUnit }), [c.formSchema, c.steps, c.limitValue, c.limitUnit]);
  const planned = allowanceHours(c.steps);
  const limitHours = c.limitUnit === "WORKING_DAY" ? c.limitValue * HOURS_PER_WORKING_DAY : c.limitValue;

  async function save() {
    setError(null);
    const validFrom = fromLocalInput(validFromText);
    const validTo = validToText ? fromLocalInput(validToText) : null;
    if (!validFrom) return setError({ message: t("admin.procedures.validFromRequired"), fields: {}, appCode: null, details: null });
    const content = { ...c, validFrom, validTo, channels: c.channels as (1 | 2 | 3)[] };
    setPending(true);
    try {
      if (target.mode === "create") {
        const created = await client.admin.procedure.create.mutate({ code, sectorId, level, agencyIds, content });
        router.push(`/admin/procedures/${created.id}?saved=created`);
      } else {
        const created = await client.admin.procedure.createVersion.mutate({ procedureId: target.procedureId!, basedOnVersionId: target.basedOnVersionId!, content });
        router.push(`/admin/procedures/${target.procedureId}?saved=${created.version}`);
      }
    } catch (e) {
      setError(callError(e, t));
      setPending(false);
    }
  }

  const f = error?.fields ?? {};
  const fieldError = (path: string) => f[path] ?? f[`content.${path}`];

  return (
    // Not a <form>: the e-form preview inside is one (a form cannot hold another).
    <div className="space-y-6" data-testid="procedure-editor">
      {target.mode === "create" && (
        <section className={SECTION} aria-labelledby="identity-title">
          <h2 id="identity-title" className="text-xl text-brand-800">
            {t("admin.procedures.identity")}
          </h2>
          <div className="grid gap-x-4 sm:grid-cols-3">
            <Field id="p-code" label={t("admin.procedures.code")} hint={t("admin.procedures.codeHint")} error={f.code}>
              <input id="p-code" value={code} onChange={(e) => setCode(e.target.value)} className="field-input font-mono" required />
            </Field>
            <Field id="p-sector" label={t("admin.procedures.sector")} error={f.sectorId}>
              <select id="p-sector" value={sectorId} onChange={(e) => setSectorId(e.target.value)} className="field-input">
                {target.sectors.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.name}
                  </option>
                ))}
              </select>
            </Field>
            <Field id="p-level" label={t("admin.procedures.level")}>
              <select id="p-level" value={level} onChange={(e) => setLevel(e.target.value as typeof level)} className="field-input">
                {PROCEDURE_LEVELS.map((l) => (
                  <option key={l} value={l}>
                    {t(`admin.procedures.levels.${l}`)}
                  </option>
                ))}
              </select>
            </Field>
          </div>
          <AgencyChecklist agencies={target.agencies} value={agencyIds} onChange={setAgencyIds} />
        </section>
      )}

      <section className={SECTION} aria-labelledby="general-title">
        <h2 id="general-title" className="text-xl text-brand-800">
          {t("admin.procedures.general")}
        </h2>
        <div className="grid gap-x-4 sm:grid-cols-2">
          <Field id="p-nameVi" label={t("admin.procedures.nameVi")} error={fieldError("nameVi")}>
            <textarea id="p-nameVi" rows={2} value={c.nameVi} onChange={(e) => patch({ nameVi: e.target.value })} className="field-input" lang="vi" />
          </Field>
          <Field id="p-nameEn" label={t("admin.procedures.nameEn")} error={fieldError("nameEn")}>
            <textarea id="p-nameEn" rows={2} value={c.nameEn} onChange={(e) => patch({ nameEn: e.target.value })} className="field-input" lang="en" />
          </Field>
          <Field id="p-authVi" label={t("admin.procedures.authorityVi")} error={fieldError("authorityVi")}>
            <input id="p-authVi" value={c.authorityVi} onChange={(e) => patch({ authorityVi: e.target.value })} className="field-input" lang="vi" />
          </Field>
          <Field id="p-authEn" label={t("admin.procedures.authorityEn")} error={fieldError("authorityEn")}>
            <input id="p-authEn" value={c.authorityEn} onChange={(e) => patch({ authorityEn: e.target.value })} className="field-input" lang="en" />
          </Field>
        </div>
        <div className="grid gap-x-4 sm:grid-cols-4">
          <Field id="p-limit" label={t("admin.procedures.limit")} error={fieldError("limitValue")}>
            <input id="p-limit" type="number" min={1} value={c.limitValue} onChange={(e) => patch({ limitValue: num(e.target.value, 1) })} className="field-input" />
          </Field>
          <Field id="p-limitUnit" label={t("admin.procedures.unit")}>
            <select id="p-limitUnit" value={c.limitUnit} onChange={(e) => patch({ limitUnit: e.target.value as EditorContent["limitUnit"] })} className="field-input">
              {TIME_UNITS.map((u) => (
                <option key={u} value={u}>
                  {t(`admin.procedures.units.${u}`)}
                </option>
              ))}
            </select>
          </Field>
          <Field id="p-cutoff" label={t("admin.procedures.cutoff")} hint={t("admin.procedures.cutoffHint")} error={fieldError("sameDayCutoff")}>
            <input id="p-cutoff" type="time" value={c.sameDayCutoff ?? ""} onChange={(e) => patch({ sameDayCutoff: e.target.value || null })} className="field-input" />
          </Field>
          <Field id="p-online" label={t("admin.procedures.onlineLevel")}>
            <select id="p-online" value={c.onlineLevel} onChange={(e) => patch({ onlineLevel: e.target.value as EditorContent["onlineLevel"] })} className="field-input">
              {ONLINE_LEVELS.map((l) => (
                <option key={l} value={l}>
                  {t(`admin.procedures.onlineLevels.${l}`)}
                </option>
              ))}
            </select>
          </Field>
        </div>
        <fieldset className="rounded border border-line p-3">
          <legend className="px-1 font-semibold">{t("admin.procedures.fee")}</legend>
          <div className="flex flex-wrap items-end gap-3">
            <label>
              <span className="field-label text-sm">{t("admin.procedures.feeKind")}</span>
              <select
                value={c.fee.kind}
                onChange={(e) => {
                  const kind = e.target.value as TFeeRule["kind"];
                  patch({ fee: kind === "fixed" ? { kind, amount: 500000 } : kind === "percent" ? { kind, rate: 0.001, min: 0, max: 5000000 } : { kind } });
                }}
                className="field-input"
              >
                {(["none", "fixed", "percent", "schedule"] as const).map((k) => (
                  <option key={k} value={k}>
                    {t(`admin.procedures.feeKinds.${k}`)}
                  </option>
                ))}
              </select>
            </label>
            {c.fee.kind === "fixed" && (
              <label>
                <span className="field-label text-sm">{t("admin.procedures.feeAmount")}</span>
                <input type="number" min={1} value={c.fee.amount} onChange={(e) => patch({ fee: { kind: "fixed", amount: num(e.target.value) } })} className="field-input w-44" />
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
                    onChange={(e) => c.fee.kind === "percent" && patch({ fee: { ...c.fee, rate: num(e.target.value) / 100 } })}
                    className="field-input w-28"
                  />
                </label>
                <label>
                  <span className="field-label text-sm">{t("admin.procedures.feeMin")}</span>
                  <input type="number" min={0} value={c.fee.min} onChange={(e) => c.fee.kind === "percent" && patch({ fee: { ...c.fee, min: num(e.target.value) } })} className="field-input w-40" />
                </label>
                <label>
                  <span className="field-label text-sm">{t("admin.procedures.feeMax")}</span>
                  <input type="number" min={0} value={c.fee.max} onChange={(e) => c.fee.kind === "percent" && patch({ fee: { ...c.fee, max: num(e.target.value) } })} className="field-input w-40" />
                </label>
              </>
            )}
          </div>
          {(f["content.fee.min"] || f["content.fee.amount"]) && <p className="mt-1 font-semibold text-brand-700">{f["content.fee.min"] ?? f["content.fee.amount"]}</p>}
          <div className="mt-3 grid gap-x-4 sm:grid-cols-2">
            <Field id="p-feeNoteVi" label={t("admin.procedures.feeNoteVi")}>
              <input id="p-feeNoteVi" value={c.feeNoteVi ?? ""} onChange={(e) => patch({ feeNoteVi: e.target.value || null })} className="field-input" lang="vi" />
            </Field>
            <Field id="p-feeNoteEn" label={t("admin.procedures.feeNoteEn")}>
              <input id="p-feeNoteEn" value={c.feeNoteEn ?? ""} onChange={(e) => patch({ feeNoteEn: e.target.value || null })} className="field-input" lang="en" />
            </Field>
          </div>
        </fieldset>
        <fieldset className="rounded border border-line p-3">
          <legend className="px-1 font-semibold">{t("admin.procedures.channels")}</legend>
          <div className="flex flex-wrap gap-4">
            {[1, 2, 3].map((ch) => (
              <label key={ch} className="flex items-center gap-2">
                <input
                  type="checkbox"
                  checked={c.channels.includes(ch)}
                  onChange={(e) => patch({ channels: e.target.checked ? [...c.channels, ch].sort() : c.channels.filter((x) => x !== ch) })}
                  className="h-5 w-5"
                />
                {t(`admin.procedures.channel${ch as 1 | 2 | 3}`)}
              </label>
            ))}
            <label className="flex items-center gap-2">
              <input type="checkbox" checked={c.acrossBoundary} onChange={(e) => patch({ acrossBoundary: e.target.checked })} className="h-5 w-5" />
              {t("admin.procedures.acrossBoundary")}
            </label>
          </div>
          {fieldError("channels") && <p className="mt-1 font-semibold text-brand-700">{fieldError("channels")}</p>}
        </fieldset>
        <div className="grid gap-x-4 sm:grid-cols-2">
          <Field id="p-legalVi" label={t("admin.procedures.legalBasisVi")} error={fieldError("legalBasisVi")}>
            <textarea id="p-legalVi" rows={3} value={c.legalBasisVi} onChange={(e) => patch({ legalBasisVi: e.target.value })} className="field-input" lang="vi" />
          </Field>
          <Field id="p-legalEn" label={t("admin.procedures.legalBasisEn")}>
            <textarea id="p-legalEn" rows={3} value={c.legalBasisEn ?? ""} onChange={(e) => patch({ legalBasisEn: e.target.value || null })} className="field-input" lang="en" />
          </Field>
          <Field id="p-resultVi" label={t("admin.procedures.resultNameVi")}>
            <input id="p-resultVi" value={c.resultNameVi ?? ""} onChange={(e) => patch({ resultNameVi: e.target.value || null })} className="field-input" lang="vi" />
          </Field>
          <Field id="p-resultEn" label={t("admin.procedures.resultNameEn")}>
            <input id="p-resultEn" value={c.resultNameEn ?? ""} onChange={(e) => patch({ resultNameEn: e.target.value || null })} className="field-input" lang="en" />
          </Field>
        </div>
        <div className="grid gap-x-4 sm:grid-cols-2">
          <Field id="p-validFrom" label={t("admin.procedures.validFrom")} hint={target.mode === "version" ? t("admin.procedures.validFromHint", { version: target.basedOnVersion ?? 0 }) : undefined} error={f.validFrom ?? fieldError("validFrom")}>
            <input id="p-validFrom" type="datetime-local" value={validFromText} onChange={(e) => setValidFromText(e.target.value)} className="field-input" required />
          </Field>
          <Field id="p-validTo" label={t("admin.procedures.validTo")} hint={t("admin.procedures.validToHint")} error={fieldError("validTo")}>
            <input id="p-validTo" type="datetime-local" value={validToText} onChange={(e) => setValidToText(e.target.value)} className="field-input" />
          </Field>
        </div>
      </section>

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
                <tr key={i} className="border-t border-line align-top">
                  <td className="py-1.5 pr-2 font-semibold">{i + 1}</td>
                  <td className="py-1.5 pr-2">
                    <select aria-label={t("admin.procedures.stepKindOf", { number: i + 1 })} value={s.kind} onChange={(e) => setStep(i, { kind: e.target.value as TStepInput["kind"] })} className={small}>
                      {STEP_KINDS.map((k) => (
                        <option key={k} value={k}>
                          {t(`admin.procedures.stepKinds.${k}`)}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td className="py-1.5 pr-2">
                    <input aria-label={t("admin.procedures.stepNameViOf", { number: i + 1 })} value={s.nameVi} onChange={(e) => setStep(i, { nameVi: e.target.value })} className={`${small} min-w-44`} lang="vi" />
                  </td>
                  <td className="py-1.5 pr-2">
                    <input aria-label={t("admin.procedures.stepNameEnOf", { number: i + 1 })} value={s.nameEn} onChange={(e) => setStep(i, { nameEn: e.target.value })} className={`${small} min-w-36`} lang="en" />
                  </td>
                  <td className="py-1.5 pr-2">
                    <select aria-label={t("admin.procedures.stepRoleOf", { number: i + 1 })} value={s.role} onChange={(e) => setStep(i, { role: e.target.value as TStepInput["role"] })} className={small}>
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
                        onChange={(e) => setStep(i, { allowanceValue: num(e.target.value, 1) })}
                        className={`${small} w-20`}
                      />
                      <select aria-label={t("admin.procedures.allowanceUnitOf", { number: i + 1 })} value={s.allowanceUnit} onChange={(e) => setStep(i, { allowanceUnit: e.target.value as TStepInput["allowanceUnit"] })} className={small}>
                        {TIME_UNITS.map((u) => (
                          <option key={u} value={u}>
                            {t(`admin.procedures.units.${u}`)}
                          </option>
                        ))}
                      </select>
                    </div>
                  </td>
                  <td className="py-1.5 whitespace-nowrap">
                    <button type="button" className={BUTTON_SMALL} disabled={i === 0} onClick={() => patch({ steps: moveIn(c.steps, i, -1) })} aria-label={t("admin.procedures.moveStepUp", { number: i + 1 })}>
                      ↑
                    </button>{" "}
                    <button type="button" className={BUTTON_SMALL} disabled={i === c.steps.length - 1} onClick={() => patch({ steps: moveIn(c.steps, i, 1) })} aria-label={t("admin.procedures.moveStepDown", { number: i + 1 })}>
                      ↓
                    </button>{" "}
                    <button type="button" className={BUTTON_SMALL} disabled={c.steps.length <= 1} onClick={() => patch({ steps: c.steps.filter((_, j) => j !== i) })} aria-label={t("admin.procedures.removeStep", { number: i + 1 })}>
                      {t("admin.common.remove")}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <div className="flex flex-wrap items-center gap-3">
          <button
            type="button"
            className={BUTTON_SECONDARY}
            onClick={() => patch({ steps: [...c.steps, { kind: "APPRAISAL", nameVi: "Thẩm định", nameEn: "Appraisal", role: "SPECIALIST", allowanceValue: 8, allowanceUnit: "WORKING_HOUR" }] })}
          >
            {t("admin.procedures.addStep")}
          </button>
          <span className={`text-sm font-semibold ${planned > limitHours ? "text-brand-700" : "text-ink-600"}`} data-testid="allowance-sum">
            {t("admin.procedures.allowanceSum", { planned, limit: limitHours, limitText: limitText(t, c.limitValue, c.limitUnit) })}
          </span>
        </div>
        {(local.errors.steps || fieldError("steps")) && (
          <p role="alert" className="font-semibold text-brand-700">
            {local.errors.steps === "ALLOWANCE_EXCEEDS_LIMIT" ? t("admin.fieldErrors.ALLOWANCE_EXCEEDS_LIMIT") : (local.errors.steps ?? fieldError("steps"))}
          </p>
        )}
      </section>

      <section className={SECTION} aria-labelledby="components-title">
        <h2 id="components-title" className="text-xl text-brand-800">
          {t("admin.procedures.components")}
        </h2>
        <ol className="space-y-3">
          {c.components.map((comp, i) => (
            <li key={i} className="rounded border border-line p-3">
              <div className="mb-2 flex items-center justify-between gap-2">
                <span className="font-semibold">{t("admin.procedures.componentNumber", { number: i + 1 })}</span>
                <span className="flex gap-1">
                  <button type="button" className={BUTTON_SMALL} disabled={i === 0} onClick={() => patch({ components: moveIn(c.components, i, -1) })} aria-label={t("admin.procedures.moveComponentUp", { number: i + 1 })}>
                    ↑
                  </button>
                  <button type="button" className={BUTTON_SMALL} disabled={i === c.components.length - 1} onClick={() => patch({ components: moveIn(c.components, i, 1) })} aria-label={t("admin.procedures.moveComponentDown", { number: i + 1 })}>
                    ↓
                  </button>
                  <button type="button" className={BUTTON_SMALL} onClick={() => patch({ components: c.components.filter((_, j) => j !== i) })} aria-label={t("admin.procedures.removeComponent", { number: i + 1 })}>
                    {t("admin.common.remove")}
                  </button>
                </span>
              </div>
              <div className="grid gap-2 sm:grid-cols-2">
                <label className="text-sm">
                  <span className="font-semibold">{t("admin.procedures.componentNameVi")}</span>
                  <input value={comp.nameVi} onChange={(e) => setComponent(i, { nameVi: e.target.value })} className={small} lang="vi" />
                </label>
                <label className="text-sm">
                  <span className="font-semibold">{t("admin.procedures.componentNameEn")}</span>
                  <input value={comp.nameEn} onChange={(e) => setComponent(i, { nameEn: e.target.value })} className={small} lang="en" />
                </label>
                <label className="text-sm">
                  <span className="font-semibold">{t("admin.procedures.copiesVi")}</span>
                  <input value={comp.copiesVi ?? ""} onChange={(e) => setComponent(i, { copiesVi: e.target.value || null })} className={small} lang="vi" />
                </label>
                <label className="text-sm">
                  <span className="font-semibold">{t("admin.procedures.copiesEn")}</span>
                  <input value={comp.copiesEn ?? ""} onChange={(e) => setComponent(i, { copiesEn: e.target.value || null })} className={small} lang="en" />
                </label>
                <label className="text-sm">
                  <span className="font-semibold">{t("admin.procedures.templateUrl")}</span>
                  <input value={comp.templateUrl ?? ""} onChange={(e) => setComponent(i, { templateUrl: e.target.value || null })} className={small} inputMode="url" />
                </label>
                <label className="text-sm">
                  <span className="font-semibold">{t("admin.procedures.maxSize")}</span>
                  <input
                    type="number"
                    min={1}
                    max={50}
                    value={Math.round((comp.maxSizeBytes / 1024 / 1024) * 10) / 10}
                    onChange={(e) => setComponent(i, { maxSizeBytes: Math.round(num(e.target.value, 10) * 1024 * 1024) })}
                    className={`${small} w-28`}
                  />
                </label>
              </div>
              <div className="mt-2 flex flex-wrap gap-4 text-sm">
                <label className="flex items-center gap-1.5">
                  <input type="checkbox" checked={comp.required} onChange={(e) => setComponent(i, { required: e.target.checked })} />
                  {t("admin.procedures.componentRequired")}
                </label>
                {COMPONENT_FILE_TYPES.map((type) => (
                  <label key={type} className="flex items-center gap-1.5">
                    <input
                      type="checkbox"
                      checked={comp.acceptedTypes.includes(type)}
                      onChange={(e) => setComponent(i, { acceptedTypes: e.target.checked ? [...comp.acceptedTypes, type] : comp.acceptedTypes.filter((x) => x !== type) })}
                    />
                    {type.split("/")[1]!.toUpperCase()}
                  </label>
                ))}
              </div>
            </li>
          ))}
        </ol>
        <button type="button" className={BUTTON_SECONDARY} onClick={() => patch({ components: [...c.components, emptyComponent()] })}>
          {t("admin.procedures.addComponent")}
        </button>
        {Object.entries(f)
          .filter(([k]) => k.startsWith("content.components"))
          .slice(0, 1)
          .map(([k, v]) => (
            <p key={k} className="font-semibold text-brand-700">
              {t("admin.procedures.componentProblem", { number: Number(k.split(".")[2] ?? 0) + 1 })}: {v}
            </p>
          ))}
      </section>

      <section className={SECTION} aria-labelledby="eform-title">
        <h2 id="eform-title" className="text-xl text-brand-800">
          {t("admin.procedures.eform")}
        </h2>
        <p className="text-sm text-ink-600">{t("admin.procedures.eformHint")}</p>
        <FormBuilder schema={c.formSchema} onChange={(formSchema) => patch({ formSchema })} />
        {fieldError("formSchema") && <p className="font-semibold text-brand-700">{fieldError("formSchema")}</p>}
      </section>

      <div className="sticky bottom-0 z-10 -mx-4 space-y-2 border-t border-line bg-paper/95 px-4 py-3 md:-mx-8 md:px-8">
        {error && (
          <StatusLine kind="error">
            {error.appCode === "CONFLICT" ? (
              <>
                {t("admin.procedures.conflict")} <Link href={`/admin/procedures/${target.procedureId}/new-version`}>{t("admin.procedures.reload")}</Link>
              </>
            ) : (
              <>
                {error.message}
                {Object.keys(f).length > 0 && ` (${Object.keys(f).join(", ")})`}
              </>
            )}
          </StatusLine>
        )}
        <button type="button" onClick={() => void save()} className="btn-primary" disabled={pending || Object.keys(local.errors).length > 0} aria-busy={pending || undefined} data-testid="publish">
          {pending ? t("admin.common.saving") : target.mode === "create" ? t("admin.procedures.createButton") : t("admin.procedures.publishVersion", { version: (target.basedOnVersion ?? 0) + 1 })}
        </button>
        {Object.keys(local.errors).length > 0 && <span className="ml-3 text-sm text-brand-700">{t("admin.procedures.fixFirst")}</span>}
      </div>
    </div>
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
