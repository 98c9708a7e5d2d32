import type { Metadata } from "next";
import Link from "next/link";
import { getI18n } from "~/server/i18n";
import { requestPasswordResetAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t("auth.reset.forgotTitle"), robots: { index: false } };
}

type Props = { searchParams: Promise<{ sent?: string; error?: string }> };

/** "Forgot your password?": an e-mail address in, the same answer out whether or not it has an account. */
export default async function ForgotPasswordPage({ searchParams }: Props) {
  const { sent, error } = await searchParams;
  const { locale, t } = await getI18n();
  const message = error === "rateLimited" ? t("auth.reset.rateLimited") : error === "invalid" ? t("auth.reset.invalidEmail") : error ? t("errors.INTERNAL") : null;
  return (
    <div className="mx-auto w-full max-w-md px-4 py-10">
      <div className="card shadow-sm">
        <h1 className="text-2xl text-brand-800">{t("auth.reset.forgotTitle")}</h1>
        {sent ? (
          <div role="status" className="mt-4 rounded border-l-4 border-emerald-700 bg-emerald-50 px-4 py-3 text-emerald-900" data-testid="reset-sent">
            <p className="font-semibold">{t("auth.reset.sentTitle")}</p>
            <p className="mt-1">{t("auth.reset.sentBody")}</p>
          </div>
        ) : (
          <>
            <p className="mb-6 mt-1 text-ink-600">{t("auth.reset.forgotLead")}</p>
            {message && (
              <div id="forgot-error" role="alert" className="mb-5 rounded border-l-4 border-brand-700 bg-brand-50 px-4 py-3 font-semibold text-brand-800" data-testid="reset-error">
                {message}
              </div>
            )}
            <form action={requestPasswordResetAction} className="space-y-5">
              <input type="hidden" name="locale" value={locale} />
              <div>
                <label htmlFor="reset-email" className="field-label">
                  {t("auth.reset.emailLabel")}
                </label>
                <input
                  id="reset-email"
                  name="email"
                  type="email"
                  inputMode="email"
                  autoComplete="email"
                  autoCapitalize="none"
                  spellCheck={false}
                  required
                  maxLength={254}
                  aria-describedby={message ? "forgot-error" : undefined}
                  className="field-input min-h-11"
                />
              </div>
              <button type="submit" className="btn-primary min-h-11 w-full sm:w-auto" data-testid="reset-request-submit">
                {t("auth.reset.send")}
              </button>
            </form>
          </>
        )}
        <p className="mt-6">
          <Link href="/sign-in" className="inline-block py-2 font-semibold">
            {t("auth.reset.backToSignIn")}
          </Link>
        </p>
      </div>
    </div>
  );
}
