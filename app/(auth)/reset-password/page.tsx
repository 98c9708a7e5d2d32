import type { Metadata } from "next";
import Link from "next/link";
import { api } from "~/server/api/caller";
import { fieldProblemMessage, getI18n } from "~/server/i18n";
import { resetPasswordAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  // The token is in this page's address: it must not travel on in a Referer header.
  return { title: t("auth.reset.resetTitle"), robots: { index: false }, referrer: "no-referrer" };
}

type Props = { searchParams: Promise<{ token?: string; error?: string }> };

/** The link from the e-mail: a new password, once. */
export default async function ResetPasswordPage({ searchParams }: Props) {
  const { token, error } = await searchParams;
  const { t } = await getI18n();
  const { valid, minPasswordLength } = await api.passwordReset.check({ token: (token ?? "").slice(0, 200) });
  const message = error && error !== "RESET_LINK_INVALID" ? (error === "FAILED" ? t("errors.INTERNAL") : fieldProblemMessage(t, error)) : null;
  return (
    <div className="mx-auto w-full max-w-md px-4 py-10">
      <div className="card shadow-sm">
        <h1 className="text-2xl text-brand-800">{t("auth.reset.resetTitle")}</h1>
        {!valid ? (
          <div role="alert" className="mt-4 rounded border-l-4 border-brand-700 bg-brand-50 px-4 py-3 text-brand-900" data-testid="reset-invalid">
            <p className="font-semibold">{t("auth.reset.linkInvalid")}</p>
            <p className="mt-2">
              <Link href="/forgot-password" className="font-semibold">
                {t("auth.reset.askAgain")}
              </Link>
            </p>
          </div>
        ) : (
          <form action={resetPasswordAction} className="mt-4 space-y-5">
            {message && (
              <div id="reset-error" role="alert" className="rounded border-l-4 border-brand-700 bg-brand-50 px-4 py-3 font-semibold text-brand-800" data-testid="reset-error">
                {message}
              </div>
            )}
            <input type="hidden" name="token" value={token} />
            <div>
              <label htmlFor="reset-password" className="field-label">
                {t("auth.reset.newPassword")}
              </label>
              <span id="reset-password-hint" className="field-hint">
                {t("auth.reset.passwordHint", { min: minPasswordLength })}
              </span>
              <input id="reset-password" name="password" type="password" autoComplete="new-password" required maxLength={128} aria-describedby={`reset-password-hint${message ? " reset-error" : ""}`} className="field-input min-h-11" />
            </div>
            <div>
              <label htmlFor="reset-password-confirm" className="field-label">
                {t("auth.reset.confirmPassword")}
              </label>
              <input id="reset-password-confirm" name="passwordConfirm" type="password" autoComplete="new-password" required maxLength={128} className="field-input min-h-11" />
            </div>
            <button type="submit" className="btn-primary min-h-11 w-full sm:w-auto" data-testid="reset-submit">
              {t("auth.reset.save")}
            </button>
          </form>
        )}
      </div>
    </div>
  );
}
