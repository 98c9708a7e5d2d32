"use client";

import { useActionState } from "react";
import { useLocale, useT } from "~/app/_components/i18n-provider";
import { ErrorSummary, TextField } from "~/app/(public)/_portal/field";
import type { MessageKey } from "~/server/i18n/core";
import { signUpAction, type SignUpState } from "./actions";

const FIELD_IDS = ["email", "phone", "password", "passwordConfirm", "name", "idNumber", "dateOfBirth", "address", "organisationName", "taxCode"] as const;

/**
 * The sign-up form. Works without JavaScript (the Server Action runs on a plain POST and the page
 * re-renders with the returned state). Business fields show only for "business" (CSS :has, no JS).
 */
export function SignUpForm({ callbackUrl }: { callbackUrl?: string }) {
  const t = useT();
  const locale = useLocale();
  const [state, formAction, pending] = useActionState<SignUpState, FormData>(signUpAction, {});
  const errors = state.errors ?? {};
  const v = state.values;
  const message = (field: string) => (errors[field] ? t(`account.errors.${errors[field]}` as MessageKey) : null);
  const labels = Object.fromEntries(FIELD_IDS.map((f) => [f, { id: `su-${f}`, label: t(`account.${f}` as MessageKey) }]));
  const translated = Object.fromEntries(Object.keys(errors).map((f) => [f, message(f) ?? ""]));
  const required = t("account.requiredMark");

  return (
    <form action={formAction} className="group space-y-6" noValidate>
      {state.formError && (
        <div role="alert" className="rounded border-l-4 border-brand-700 bg-brand-50 px-4 py-3 font-semibold text-brand-900" data-testid="form-errors">
          {state.formError === "rateLimited" ? t("account.rateLimited") : t("errors.INTERNAL")}
        </div>
      )}
      <ErrorSummary title={t("account.errorSummary", { count: Object.keys(errors).length })} errors={translated} labels={labels} />
      {callbackUrl && <input type="hidden" name="callbackUrl" value={callbackUrl} />}
      <input type="hidden" name="locale" value={locale} />

      <fieldset className="space-y-4">
        <legend className="mb-2 text-lg font-bold text-brand-800">{t("account.identitySection")}</legend>
        <p id="su-identifier-hint" className="text-sm text-ink-600">
          {t("account.emailHint")}
        </p>
        <TextField id="su-email" name="email" type="email" label={t("account.email")} autoComplete="email" autoCapitalize="none" spellCheck={false} maxLength={254} defaultValue={v?.email} error={message("email")} />
        <TextField id="su-phone" name="phone" type="tel" label={t("account.phone")} hint={t("account.phoneHint")} autoComplete="tel" inputMode="tel" maxLength={20} defaultValue={v?.phone} error={message("phone")} />
        <TextField id="su-password" name="password" type="password" label={t("account.password")} hint={t("account.passwordHint")} autoComplete="new-password" required requiredMark={required} maxLength={128} error={message("password")} />
        <TextField id="su-passwordConfirm" name="passwordConfirm" type="password" label={t("account.passwordConfirm")} autoComplete="new-password" required requiredMark={required} maxLength={128} error={message("passwordConfirm")} />
      </fieldset>

      <fieldset className="space-y-4">
        <legend className="mb-2 text-lg font-bold text-brand-800">{t("account.personalSection")}</legend>
        <TextField id="su-name" name="name" label={t("account.name")} autoComplete="name" required requiredMark={required} maxLength={200} defaultValue={v?.name} error={message("name")} />
        <TextField id="su-idNumber" name="idNumber" label={t("account.idNumber")} hint={t("account.idNumberHint")} inputMode="numeric" autoComplete="off" required requiredMark={required} maxLength={20} defaultValue={v?.idNumber} error={message("idNumber")} />
        <TextField id="su-dateOfBirth" name="dateOfBirth" type="date" label={t("account.dateOfBirth")} autoComplete="bday" defaultValue={v?.dateOfBirth} error={message("dateOfBirth")} />
        <TextField id="su-address" name="address" label={t("account.address")} hint={t("account.addressHint")} autoComplete="street-address" maxLength={500} defaultValue={v?.address} error={message("address")} />
        <fieldset>
          <legend className="field-label">{t("account.applicantType")}</legend>
          <div className="flex flex-wrap gap-x-6">
            {(["CITIZEN", "BUSINESS"] as const).map((type) => (
              <label key={type} className="flex min-h-11 cursor-pointer items-center gap-2">
                <input
                  type="radio"
                  id={`type-${type.toLowerCase()}`}
                  name="applicantType"
                  value={type}
                  defaultChecked={(v?.applicantType ?? "CITIZEN") === type}
                  className="h-5 w-5 accent-brand-700"
                />
                {t(`account.types.${type}`)}
              </label>
            ))}
          </div>
        </fieldset>
      </fieldset>

      <fieldset className="hidden space-y-4 group-has-[#type-business:checked]:block">
        <legend className="mb-2 text-lg font-bold text-brand-800">{t("account.businessSection")}</legend>
        <TextField id="su-organisationName" name="organisationName" label={t("account.organisationName")} autoComplete="organization" maxLength={300} defaultValue={v?.organisationName} error={message("organisationName")} />
        <TextField id="su-taxCode" name="taxCode" label={t("account.taxCode")} hint={t("account.taxCodeHint")} inputMode="numeric" maxLength={20} defaultValue={v?.taxCode} error={message("taxCode")} />
      </fieldset>

      <button type="submit" className="btn-primary min-h-11 w-full sm:w-auto" disabled={pending} aria-busy={pending || undefined} data-testid="sign-up-submit">
        {pending ? t("account.submitting") : t("account.submit")}
      </button>
    </form>
  );
}
