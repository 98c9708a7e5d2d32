"use client";

import { useQuery } from "@tanstack/react-query";
import { TRPCClientError } from "@trpc/client";
import { useRouter } from "next/navigation";
import { useMemo, useRef, useState } from "react";
import { useLocale, useT } from "~/app/_components/i18n-provider";
import { NoReservedCodeError, useOfficerIntake } from "~/app/_offline/use-officer-action";
import { useTRPC, type RouterInputs, type RouterOutputs } from "~/app/_trpc/react";
import { pickName, startOfVietnamDay } from "../_lib/format";
import { newIdempotencyKey } from "../_lib/keys";

type Procedure = RouterOutputs["dossier"]["procedurePicker"][number];
type IntakeInput = RouterInputs["dossier"]["intake"];
type ApplicantType = NonNullable<IntakeInput["applicantType"]>;

const APPLICANT_TYPES: ApplicantType[] = ["CITIZEN", "BUSINESS", "ORGANISATION", "STATE_AGENCY"];

/** Server field paths → the form's input ids (for aria-invalid after a refused submission). */
const FIELD_IDS: Record<string, string> = {
  agencyId: "intake-agency",
  procedureVersionId: "intake-procedure",
  procedureCode: "intake-procedure",
  applicantName: "intake-name",
  applicantIdNumber: "intake-id-number",
  applicantDateOfBirth: "intake-dob",
  applicantPhone: "intake-phone",
  applicantEmail: "intake-email",
  applicantAddress: "intake-address",
  organisationName: "intake-org-name",
  taxCode: "intake-tax-code",
  deliveryAddress: "intake-delivery-address",
  checklist: "intake-checklist",
};

export function IntakeForm({
  agencies,
  initialAgencyId,
  initialProcedures,
}: {
  agencies: { id: string; name: string }[];
  initialAgencyId: string;
  initialProcedures: Procedure[] | null;
}) {
  const t = useT();
  const locale = useLocale();
  const trpc = useTRPC();
  // Through the offline outbox (app/_offline): with a code reserved for this device when it has one,
  // so the receipt slip can be printed offline.
  const { submit: submitIntake } = useOfficerIntake();
  const router = useRouter();
  const errorRef = useRef<HTMLDivElement>(null);
  // One key for this form: a retried submission (lost answer) returns the dossier created the first time.
  const [idempotencyKey] = useState(newIdempotencyKey);

  const [agencyId, setAgencyId] = useState(initialAgencyId);
  const procedures = useQuery({
    ...trpc.dossier.procedurePicker.queryOptions({ agencyId }),
    ...(agencyId === initialAgencyId && initialProcedures ? { initialData: initialProcedures } : {}),
  });
  const [procedureVersionId, setProcedureVersionId] = useState("");
  const procedure = procedures.data?.find((p) => p.procedureVersionId === procedureVersionId) ?? null;

  const [applicantType, setApplicantType] = useState<ApplicantType>("CITIZEN");
  const [channel, setChannel] = useState<1 | 3>(1);
  const [checked, setChecked] = useState<Set<string>>(new Set());
  const [delivery, setDelivery] = useState<"AT_DESK" | "BY_POST">("AT_DESK");
  const [deliveryAddress, setDeliveryAddress] = useState("");
  const [address, setAddress] = useState("");
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<{ message: string; fields: Set<string> } | null>(null);

  const sectors = useMemo(() => {
    const bySector = new Map<string, Procedure[]>();
    for (const p of procedures.data ?? []) {
      const key = pickName(locale, p.sectorNameVi, p.sectorNameEn);
      bySector.set(key, [...(bySector.get(key) ?? []), p]);
    }
    return [...bySector.entries()];
  }, [procedures.data, locale]);

  const offersChannel = (c: 1 | 3) => !procedure || procedure.channels.includes(c);

  function fail(message: string, fields: string[] = []) {
    setError({ message, fields: new Set(fields) });
    requestAnimationFrame(() => errorRef.current?.focus());
  }

  async function submit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (!procedure) return fail(t("officer.intake.chooseProcedureFirst"), ["procedureVersionId"]);
    const missing = procedure.components.filter((c) => c.required && !checked.has(c.id));
    if (missing.length > 0) {
      return fail(t("officer.intake.missingRequired", { list: missing.map((c) => pickName(locale, c.nameVi, c.nameEn)).join("; ") }), ["checklist"]);
    }
    const f = new FormData(e.currentTarget);
    const str = (name: string) => String(f.get(name) ?? "").trim();
    const dob = startOfVietnamDay(str("applicantDateOfBirth"));
    const business = applicantType !== "CITIZEN";
    const input: IntakeInput = {
      agencyId,
      procedureVersionId: procedure.procedureVersionId,
      channel,
      applicantType,
      applicantName: str("applicantName"),
      ...(str("applicantIdNumber") ? { applicantIdNumber: str("applicantIdNumber") } : {}),
      ...(dob ? { applicantDateOfBirth: dob } : {}),
      ...(str("applicantPhone") ? { applicantPhone: str("applicantPhone") } : {}),
      ...(str("applicantEmail") ? { applicantEmail: str("applicantEmail") } : {}),
      ...(address.trim() ? { applicantAddress: address.trim() } : {}),
      ...(business && str("organisationName") ? { organisationName: str("organisationName") } : {}),
      ...(business && str("taxCode") ? { taxCode: str("taxCode") } : {}),
      checklist: [...checked].filter((id) => procedure.components.some((c) => c.id === id)),
      resultDelivery: delivery,
      ...(delivery === "BY_POST" ? { deliveryAddress: deliveryAddress.trim() } : {}),
      idempotencyKey,
      deviceAt: new Date(),
    };
    setPending(true);
    setError(null);
    try {
      const outcome = await submitIntake(input);
      if (outcome.kind === "refused") throw outcome.error;
      if (outcome.kind === "applied") router.push(`/officer/dossiers/${outcome.result.id}?created=1`);
      // Queued offline: the slip with the reserved code is printed from the outbox.
      else window.location.assign(`/officer/outbox?slip=${outcome.seq}`);
    } catch (err) {
      setPending(false);
      if (err instanceof NoReservedCodeError) return fail(t("officer.offline.noReservedCode"));
      if (err instanceof TRPCClientError) {
        const data = err.data as { userMessage?: string; fieldErrors?: Record<string, string>; details?: { field?: string } } | undefined;
        const fields = Object.keys(data?.fieldErrors ?? {});
        if (data?.details?.field) fields.push(data.details.field);
        return fail(data?.userMessage ?? t("errors.INTERNAL"), fields);
      }
      return fail(t("errors.INTERNAL"));
    }
  }

  const invalid = (id: string) => (error && [...error.fields].some((f) => FIELD_IDS[f] === id) ? true : undefined);
  const radioClass = "flex items-center gap-2 py-1";

  return (
    <form onSubmit={submit} className="space-y-6" aria-label={t("officer.intake.formLabel")}>
      {error && (
        <div ref={errorRef} tabIndex={-1} role="alert" className="rounded border-l-4 border-brand-700 bg-brand-50 px-4 py-3 font-semibold text-brand-900">
          {error.message}
        </div>
      )}

      <fieldset className="card space-y-4">
        <legend className="px-1 text-lg font-bold text-brand-800">{t("officer.intake.procedureSection")}</legend>
        {agencies.length > 1 && (
          <div>
            <label htmlFor="intake-agency" className="field-label">
              {t("officer.intake.agency")}
            </label>
            <select
              id="intake-agency"
              value={agencyId}
              onChange={(e) => {
                setAgencyId(e.target.value);
                setProcedureVersionId("");
                setChecked(new Set());
              }}
              className="field-input"
            >
              {agencies.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.name}
                </option>
              ))}
            </select>
          </div>
        )}
        <div>
          <label htmlFor="intake-procedure" className="field-label">
            {t("officer.intake.procedure")}
          </label>
          <select
            id="intake-procedure"
            required
            value={procedureVersionId}
            onChange={(e) => {
              setProcedureVersionId(e.target.value);
              setChecked(new Set());
              const next = procedures.data?.find((p) => p.procedureVersionId === e.target.value);
              if (next && !next.channels.includes(channel)) setChannel(next.channels.includes(1) ? 1 : 3);
            }}
            disabled={procedures.isPending}
            aria-invalid={invalid("intake-procedure")}
            className="field-input"
          >
            <option value="">{procedures.isPending ? t("officer.intake.loadingProcedures") : t("officer.intake.chooseProcedure")}</option>
            {sectors.map(([sector, list]) => (
              <optgroup key={sector} label={sector}>
                {list.map((p) => (
                  <option key={p.procedureVersionId} value={p.procedureVersionId}>
                    {`${p.procedureCode} — ${pickName(locale, p.nameVi, p.nameEn)}`}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
          {procedures.isError && <p className="mt-1 text-brand-700">{t("officer.intake.proceduresFailed")}</p>}
          {procedures.data?.length === 0 && <p className="mt-1">{t("officer.intake.noProcedures")}</p>}
        </div>
        {procedure && (
          <p className="text-sm" data-testid="intake-procedure-facts">
            {t("officer.intake.limit", { limit: t(`officer.units.${procedure.limitUnit}`, { count: procedure.limitValue }) })}
            {procedure.feeNoteVi ? ` · ${t("officer.intake.fee", { fee: procedure.feeNoteVi })}` : ""}
          </p>
        )}
        <fieldset>
          <legend className="field-label">{t("officer.intake.channel")}</legend>
          {([1, 3] as const).map((c) => (
            <label key={c} className={radioClass}>
              <input type="radio" name="channel" checked={channel === c} disabled={!offersChannel(c)} onChange={() => setChannel(c)} className="h-5 w-5 accent-brand-700" />
              {t(`officer.intake.channel${c}`)}
            </label>
          ))}
        </fieldset>
      </fieldset>

      <fieldset className="card space-y-4">
        <legend className="px-1 text-lg font-bold text-brand-800">{t("officer.intake.applicantSection")}</legend>
        <fieldset>
          <legend className="field-label">{t("officer.applicant.type")}</legend>
          <div className="flex flex-wrap gap-x-6">
            {APPLICANT_TYPES.map((type) => (
              <label key={type} className={radioClass}>
                <input type="radio" name="applicantType" checked={applicantType === type} onChange={() => setApplicantType(type)} className="h-5 w-5 accent-brand-700" />
                {t(`officer.applicantTypes.${type}`)}
              </label>
            ))}
          </div>
        </fieldset>
        {applicantType !== "CITIZEN" && (
          <div className="grid gap-4 md:grid-cols-2">
            <Field id="intake-org-name" name="organisationName" label={t("officer.applicant.organisation")} required maxLength={300} invalid={invalid("intake-org-name")} />
            <Field
              id="intake-tax-code"
              name="taxCode"
              label={t("officer.applicant.taxCode")}
              hint={t("officer.intake.taxCodeHint")}
              pattern="\d{10}(-\d{3})?"
              inputMode="numeric"
              required={applicantType === "BUSINESS"}
              invalid={invalid("intake-tax-code")}
            />
          </div>
        )}
        <div className="grid gap-4 md:grid-cols-2">
          <Field
            id="intake-name"
            name="applicantName"
            label={applicantType === "CITIZEN" ? t("officer.applicant.name") : t("officer.intake.representative")}
            required
            maxLength={200}
            autoComplete="off"
            invalid={invalid("intake-name")}
          />
          <Field
            id="intake-id-number"
            name="applicantIdNumber"
            label={t("officer.applicant.idNumber")}
            hint={t("officer.intake.idNumberHint")}
            pattern="[A-Za-z0-9]{6,20}"
            inputMode="numeric"
            maxLength={20}
            invalid={invalid("intake-id-number")}
          />
          <Field id="intake-dob" name="applicantDateOfBirth" type="date" label={t("officer.applicant.dateOfBirth")} invalid={invalid("intake-dob")} />
          <Field
            id="intake-phone"
            name="applicantPhone"
            type="tel"
            label={t("officer.applicant.phone")}
            hint={t("officer.intake.phoneHint")}
            pattern="\+?[0-9][0-9 .\-]{6,18}[0-9]"
            invalid={invalid("intake-phone")}
          />
          <Field id="intake-email" name="applicantEmail" type="email" label={t("officer.applicant.email")} maxLength={254} invalid={invalid("intake-email")} />
        </div>
        <div>
          <label htmlFor="intake-address" className="field-label">
            {t("officer.applicant.address")}
          </label>
          <textarea
            id="intake-address"
            rows={2}
            maxLength={500}
            value={address}
            onChange={(e) => setAddress(e.target.value)}
            aria-invalid={invalid("intake-address")}
            className="field-input"
          />
        </div>
      </fieldset>

      <fieldset className="card space-y-3" id="intake-checklist" aria-invalid={invalid("intake-checklist")}>
        <legend className="px-1 text-lg font-bold text-brand-800">{t("officer.intake.checklist")}</legend>
        {!procedure ? (
          <p className="text-ink-600">{t("officer.intake.checklistEmpty")}</p>
        ) : (
          <>
            <p className="text-sm text-ink-600">{t("officer.intake.checklistHint")}</p>
            <ul className="space-y-2">
              {procedure.components.map((c) => (
                <li key={c.id}>
                  <label className="flex items-start gap-3">
                    <input
                      type="checkbox"
                      checked={checked.has(c.id)}
                      onChange={() =>
                        setChecked((prev) => {
                          const next = new Set(prev);
                          if (next.has(c.id)) next.delete(c.id);
                          else next.add(c.id);
                          return next;
                        })
                      }
                      className="mt-1 h-5 w-5 shrink-0 accent-brand-700"
                    />
                    <span>
                      {pickName(locale, c.nameVi, c.nameEn)}
                      {c.required ? (
                        <span className="ml-1 font-semibold text-brand-700">({t("officer.documents.required")})</span>
                      ) : (
                        <span className="ml-1 text-ink-600">({t("officer.documents.optional")})</span>
                      )}
                      {(locale === "en" ? c.copiesEn : c.copiesVi) && (
                        <span className="block text-sm text-ink-600">{locale === "en" ? c.copiesEn : c.copiesVi}</span>
                      )}
                    </span>
                  </label>
                </li>
              ))}
            </ul>
          </>
        )}
      </fieldset>

      <fieldset className="card space-y-3">
        <legend className="px-1 text-lg font-bold text-brand-800">{t("officer.intake.deliverySection")}</legend>
        {(["AT_DESK", "BY_POST"] as const).map((m) => (
          <label key={m} className={radioClass}>
            <input type="radio" name="resultDelivery" checked={delivery === m} onChange={() => setDelivery(m)} className="h-5 w-5 accent-brand-700" />
            {t(`officer.delivery.${m}`)}
          </label>
        ))}
        {delivery === "BY_POST" && (
          <div>
            <label htmlFor="intake-delivery-address" className="field-label">
              {t("officer.intake.deliveryAddress")}
            </label>
            <textarea
              id="intake-delivery-address"
              rows={2}
              required
              maxLength={500}
              value={deliveryAddress}
              onChange={(e) => setDeliveryAddress(e.target.value)}
              aria-invalid={invalid("intake-delivery-address")}
              className="field-input"
            />
            {address.trim() && (
              <button type="button" onClick={() => setDeliveryAddress(address.trim())} className="mt-2 rounded border-2 border-brand-700 px-3 py-1 font-semibold text-brand-700">
                {t("officer.intake.useApplicantAddress")}
              </button>
            )}
          </div>
        )}
      </fieldset>

      <div className="flex flex-wrap gap-3">
        <button type="submit" className="btn-primary" disabled={pending} aria-busy={pending || undefined}>
          {pending ? t("officer.intake.submitting") : t("officer.intake.submit")}
        </button>
      </div>
    </form>
  );
}

function Field({
  id,
  label,
  hint,
  invalid,
  ...input
}: {
  id: string;
  label: string;
  hint?: string;
  invalid?: boolean;
} & React.InputHTMLAttributes<HTMLInputElement>) {
  return (
    <div>
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      {hint && (
        <span id={`${id}-hint`} className="field-hint">
          {hint}
        </span>
      )}
      <input id={id} aria-describedby={hint ? `${id}-hint` : undefined} aria-invalid={invalid} className="field-input" {...input} />
    </div>
  );
}
