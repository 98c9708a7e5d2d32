"use client";

import { useActionState } from "react";
import { useT } from "~/app/_components/i18n-provider";
import { ErrorSummary, TextField } from "~/app/(public)/_portal/field";
import type { MessageKey } from "~/server/i18n/core";
import { saveProfileAction, type ProfileState, type ProfileValues } from "./actions";

const FIELD_IDS = ["name", "idNumber", "dateOfBirth", "phone", "address", "organisationName", "taxCode"] as const;

/** The profile form: a Server Action, so it also works as a plain form post without JavaScript. */
export function ProfileForm({ initial, email }: { initial: ProfileValues; email: string | null }) {
  const t = useT();
  const [state, formAction, pending] = useActionState<ProfileState, FormData>(saveProfileAction, { values: initial });
  const v = state.values ?? initial;
  const errors = state.errors ?? {};
  const message = (field: string) => (errors[field] ? t(`account.errors.${errors[field]}` as MessageKey) : null);
  const labels = Object.fromEntries(FIELD_IDS.map((f) => [f, { id: `pf-${f}`, label: t(`account.${f}` as MessageKey) }]));
  const translated = Object.fromEntries(Object.keys(errors).map((f) => [f, message(f) ?? ""]));
  const required = t("account.requiredMark");

  return (
    // key: a saved or refused post re-mounts the inputs with the values the server returned.
    <form action={formAction} className="group space-y-6" noValidate key={JSON.stringify(v)}>
      {state.saved && (
        <div role="status" className="rounded border-l-4 border-emerald-700 bg-emerald-50 px-4 py-3 font-semibold text-emerald-900" data-testid="profile-saved">
          {t("account.saved")}
        </div>
      )}
      {state.formError && (
        <div role="alert" className="rounded border-l-4 border-brand-700 bg-brand-50 px-4 py-3 font-semibold text-brand-900">
          {t("errors.INTERNAL")}
        </div>
      )}
      <ErrorSummary title={t("account.errorSummary", { count: Object.keys(errors).length })} errors={translated} labels={labels} />

      <div>
        <p className="field-label">{t("account.signInEmail")}</p>
        <p data-testid="profile-email">{email ?? t("account.noEmail")}</p>
      </div>
      <TextField id="pf-name" name="name" label={t("account.name")} autoComplete="name" required requiredMark={required} maxLength={200} defaultValue={v.name} error={message("name")} />
      <TextField id="pf-idNumber" name="idNumber" label={t("account.idNumber")} hint={t("account.idNumberHint")} inputMode="numeric" autoComplete="off" maxLength={20} defaultValue={v.idNumber} error={message("idNumber")} />
      <TextField id="pf-dateOfBirth" name="dateOfBirth" type="date" label={t("account.dateOfBirth")} autoComplete="bday" defaultValue={v.dateOfBirth} error={message("dateOfBirth")} />
      <TextField id="pf-phone" name="phone" type="tel" label={t("account.phone")} hint={t("account.phoneHint")} autoComplete="tel" inputMode="tel" maxLength={20} defaultValue={v.phone} error={message("phone")} />
      <TextField id="pf-address" name="address" label={t("account.address")} hint={t("account.addressHint")} autoComplete="street-address" maxLength={500} defaultValue={v.address} error={message("address")} />
      <fieldset>
        <legend className="field-label">{t("account.applicantType")}</legend>
        <div className="flex flex-wrap gap-x-6">
          {(["CITIZEN", "BUSINESS"] as const).map((type) => (
            <label key={type} className="flex min-h-11 cursor-pointer items-center gap-2">
              <input type="radio" id={`type-${type.toLowerCase()}`} name="applicantType" value={type} defaultChecked={v.applicantType === type} className="h-5 w-5 accent-brand-700" />
              {t(`account.types.${type}`)}
            </label>
          ))}
        </div>
      </fieldset>
      <fieldset className="hidden space-y-4 group-has-[#type-business:checked]:block">
        <legend className="mb-2 text-lg font-bold text-brand-800">{t("account.businessSection")}</legend>
        <TextField id="pf-organisationName" name="organisationName" label={t("account.organisationName")} autoComplete="organization" maxLength={300} defaultValue={v.organisationName} error={message("organisationName")} />
        <TextField id="pf-taxCode" name="taxCode" label={t("account.taxCode")} hint={t("account.taxCodeHint")} inputMode="numeric" maxLength={20} defaultValue={v.taxCode} error={message("taxCode")} />
      </fieldset>
      <button type="submit" className="btn-primary min-h-11" disabled={pending} aria-busy={pending || undefined} data-testid="profile-submit">
        {pending ? t("account.submitting") : t("account.save")}
      </button>
    </form>
  );
}
