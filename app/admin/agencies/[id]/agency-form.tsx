"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { useT } from "~/app/_components/i18n-provider";
import { useTRPCClient, type RouterOutputs } from "~/app/_trpc/react";
import { BUTTON_SECONDARY, BUTTON_SMALL, callError, describedBy, Field, StatusLine, type CallError } from "../../_components/ui";

type Agency = RouterOutputs["admin"]["agency"]["get"];

/** An agency's settings: identifier code, contacts, working periods, training mode. */
export function AgencyForm({ agency, isSystemAdmin }: { agency: Agency; isSystemAdmin: boolean }) {
  const t = useT();
  const client = useTRPCClient();
  const router = useRouter();
  const [code, setCode] = useState(agency.code);
  const [codeIsDemo, setCodeIsDemo] = useState(agency.codeIsDemo);
  const [address, setAddress] = useState(agency.address ?? "");
  const [hotline, setHotline] = useState(agency.hotline ?? "");
  const [email, setEmail] = useState(agency.email ?? "");
  const [periods, setPeriods] = useState(agency.workingHours.length > 0 ? agency.workingHours : [{ start: "07:00", end: "11:30" }]);
  const [trainingMode, setTrainingMode] = useState(agency.trainingMode);
  const [active, setActive] = useState(agency.active);
  const [updatedAt, setUpdatedAt] = useState(agency.updatedAt);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<CallError | null>(null);
  const [saved, setSaved] = useState(false);

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    setPending(true);
    setError(null);
    setSaved(false);
    try {
      const result = await client.admin.agency.update.mutate({
        agencyId: agency.id,
        code,
        codeIsDemo,
        address,
        hotline,
        email,
        workingHours: periods,
        trainingMode,
        ...(isSystemAdmin ? { active } : {}),
        expectedUpdatedAt: updatedAt,
      });
      setUpdatedAt(result.updatedAt);
      setSaved(true);
      router.refresh();
    } catch (e) {
      setError(callError(e, t));
    } finally {
      setPending(false);
    }
  }

  const f = error?.fields ?? {};
  const setPeriod = (i: number, part: "start" | "end", value: string) => setPeriods((list) => list.map((p, j) => (j === i ? { ...p, [part]: value } : p)));

  return (
    <form onSubmit={submit} className="card space-y-2" noValidate data-testid="agency-form">
      {error && <StatusLine kind="error">{error.message}</StatusLine>}
      {saved && <StatusLine kind="ok">{t("admin.common.saved")}</StatusLine>}

      <Field id="agency-code" label={t("admin.agencies.code")} hint={t("admin.agencies.codeHint")} error={f.code}>
        <input id="agency-code" value={code} onChange={(e) => setCode(e.target.value)} className="field-input max-w-sm font-mono" required {...describedBy("agency-code", { hint: true, error: f.code })} />
      </Field>
      <label className="mb-4 flex items-center gap-2">
        <input type="checkbox" checked={codeIsDemo} onChange={(e) => setCodeIsDemo(e.target.checked)} className="h-5 w-5" />
        {t("admin.agencies.codeIsDemo")}
      </label>
      <Field id="agency-address" label={t("admin.agencies.address")} error={f.address}>
        <input id="agency-address" value={address} onChange={(e) => setAddress(e.target.value)} className="field-input" {...describedBy("agency-address", { error: f.address })} />
      </Field>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="agency-hotline" label={t("admin.agencies.hotline")} error={f.hotline}>
          <input id="agency-hotline" type="tel" value={hotline} onChange={(e) => setHotline(e.target.value)} className="field-input" {...describedBy("agency-hotline", { error: f.hotline })} />
        </Field>
        <Field id="agency-email" label={t("admin.agencies.email")} error={f.email}>
          <input id="agency-email" type="email" value={email} onChange={(e) => setEmail(e.target.value)} className="field-input" {...describedBy("agency-email", { error: f.email })} />
        </Field>
      </div>

      <fieldset className="mb-4 rounded border border-line p-3" aria-describedby={f.workingHours ? "agency-hours-error" : undefined}>
        <legend className="px-1 font-semibold">{t("admin.agencies.workingHours")}</legend>
        <p className="field-hint">{t("admin.agencies.workingHoursHint")}</p>
        <ol className="space-y-2">
          {periods.map((p, i) => (
            <li key={i} className="flex flex-wrap items-end gap-3">
              <label className="text-sm">
                <span className="block font-semibold">{t("admin.agencies.periodStart", { number: i + 1 })}</span>
                <input type="time" value={p.start} onChange={(e) => setPeriod(i, "start", e.target.value)} className="field-input w-36" required />
              </label>
              <label className="text-sm">
                <span className="block font-semibold">{t("admin.agencies.periodEnd", { number: i + 1 })}</span>
                <input type="time" value={p.end} onChange={(e) => setPeriod(i, "end", e.target.value)} className="field-input w-36" required />
              </label>
              {periods.length > 1 && (
                <button type="button" className={BUTTON_SMALL} onClick={() => setPeriods((list) => list.filter((_, j) => j !== i))}>
                  {t("admin.agencies.removePeriod", { number: i + 1 })}
                </button>
              )}
            </li>
          ))}
        </ol>
        {periods.length < 6 && (
          <button type="button" className={`${BUTTON_SECONDARY} mt-3`} onClick={() => setPeriods((list) => [...list, { start: "13:30", end: "17:00" }])}>
            {t("admin.agencies.addPeriod")}
          </button>
        )}
        {f.workingHours && (
          <p id="agency-hours-error" className="mt-2 font-semibold text-brand-700" role="alert">
            {f.workingHours}
          </p>
        )}
      </fieldset>

      <div className="mb-4 rounded border-l-4 border-gold-500 bg-gold-100 p-3">
        <label className="flex items-center gap-2 font-semibold">
          <input type="checkbox" checked={trainingMode} onChange={(e) => setTrainingMode(e.target.checked)} className="h-5 w-5" data-testid="training-mode" />
          {t("admin.agencies.trainingMode")}
        </label>
        <p className="mt-1 text-sm text-gold-800">{t("admin.agencies.trainingModeHint")}</p>
      </div>
      {isSystemAdmin && (
        <label className="mb-4 flex items-center gap-2">
          <input type="checkbox" checked={active} onChange={(e) => setActive(e.target.checked)} className="h-5 w-5" />
          {t("admin.agencies.active")}
        </label>
      )}
      <button type="submit" className="btn-primary" disabled={pending} aria-busy={pending || undefined}>
        {pending ? t("admin.common.saving") : t("admin.common.save")}
      </button>
    </form>
  );
}
