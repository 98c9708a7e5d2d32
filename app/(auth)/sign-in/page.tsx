import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { configuredSsoProviders, getSessionUser } from "~/server/auth";
import { getI18n } from "~/server/i18n";
import { safeCallbackPath } from "./callback-path";
import { SignInForm } from "./sign-in-form";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t("auth.signInTitle") };
}

/** Error codes next-auth puts on /sign-in when its own credentials route fails (pages.signIn / pages.error). */
function errorFromNextAuth(code: string | undefined) {
  if (code === "AccountLocked") return "locked" as const;
  if (code === "CredentialsSignin") return "invalid" as const;
  if (code === "TooManyAttempts") return "rateLimited" as const;
  return undefined;
}

/** Refused or failed single sign-ins (server/auth.ts SSO_REFUSALS, and next-auth's OAuth error codes). */
const SSO_ERRORS = {
  SsoNoIdNumber: "auth.sso.noIdNumber",
  SsoNoEmail: "auth.sso.noEmail",
  SsoNotOfficer: "auth.sso.notOfficer",
  SsoInactive: "auth.sso.inactive",
  OAuthSignin: "auth.sso.failed",
  OAuthCallback: "auth.sso.failed",
  OAuthAccountNotLinked: "auth.sso.failed",
  Callback: "auth.sso.failed",
  AccessDenied: "auth.sso.failed",
} as const;

function ssoErrorKey(code: string | undefined) {
  return code && Object.hasOwn(SSO_ERRORS, code) ? SSO_ERRORS[code as keyof typeof SSO_ERRORS] : null;
}

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<{ callbackUrl?: string; error?: string; reset?: string }>;
}) {
  const { callbackUrl, error, reset } = await searchParams;
  const safeCallback = safeCallbackPath(callbackUrl) ?? undefined;

  const session = await getSessionUser();
  if (session) redirect(safeCallback ?? (session.kind === "OFFICER" ? "/officer" : "/"));

  const { t } = await getI18n();
  const providers = configuredSsoProviders();
  const ssoError = ssoErrorKey(error);
  const ssoHref = (provider: string) =>
    `/sign-in/sso/${provider}${safeCallback ? `?callbackUrl=${encodeURIComponent(safeCallback)}` : ""}`;

  return (
    <div className="mx-auto w-full max-w-md px-4 py-10">
      <div className="card shadow-sm">
        <h1 className="text-2xl text-brand-800">{t("auth.signInTitle")}</h1>
        <p className="mb-6 mt-1 text-ink-600">{t("auth.signInLead")}</p>
        {reset === "done" && (
          <div role="status" data-testid="reset-done" className="mb-5 rounded border-l-4 border-emerald-700 bg-emerald-50 px-4 py-3 font-semibold text-emerald-900">
            {t("auth.reset.done")}
          </div>
        )}
        {ssoError && (
          <div
            role="alert"
            data-testid="sso-error"
            className="mb-5 rounded border-l-4 border-brand-700 bg-brand-50 px-4 py-3 font-semibold text-brand-800"
          >
            {t(ssoError)}
          </div>
        )}
        {providers.length > 0 && (
          <div className="mb-6 space-y-3">
            {providers.includes("vneid") && (
              <div>
                {/* A link, not a form: the provider's page is reached by a redirect the CSP's form-action would block. */}
                <a href={ssoHref("vneid")} className="btn-primary w-full text-center text-white no-underline hover:text-white" data-testid="sso-vneid">
                  {t("auth.sso.vneid")}
                </a>
                <p className="field-hint mt-1">{t("auth.sso.vneidHint")}</p>
              </div>
            )}
            {providers.includes("org-sso") && (
              <a
                href={ssoHref("org-sso")}
                className="flex w-full items-center justify-center rounded border-2 border-brand-700 bg-white px-5 py-2 font-semibold text-brand-800 no-underline hover:bg-brand-50"
                data-testid="sso-org-sso"
              >
                {t("auth.sso.orgSso")}
              </a>
            )}
            <p className="flex items-center gap-3 pt-2 text-sm text-ink-600" aria-hidden="true">
              <span className="h-px flex-1 bg-line" />
              {t("auth.sso.or")}
              <span className="h-px flex-1 bg-line" />
            </p>
            <h2 className="text-lg text-brand-800">{t("auth.sso.passwordHeading")}</h2>
          </div>
        )}
        <SignInForm callbackUrl={safeCallback} initialError={errorFromNextAuth(error)} />
        <p className="mt-4">
          <Link href="/forgot-password" className="inline-block py-2 font-semibold" data-testid="forgot-password-link">
            {t("auth.reset.forgotLink")}
          </Link>
        </p>
        <p className="mt-6">
          {t("account.noAccount")}{" "}
          <Link href={safeCallback ? `/sign-up?callbackUrl=${encodeURIComponent(safeCallback)}` : "/sign-up"} className="inline-block py-2 font-semibold">
            {t("account.signUpLink")}
          </Link>
        </p>
      </div>
    </div>
  );
}
