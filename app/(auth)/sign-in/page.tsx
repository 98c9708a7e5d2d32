import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getSessionUser } from "~/server/auth";
import { getI18n } from "~/server/i18n";
import { SignInForm } from "./sign-in-form";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t("auth.signInTitle") };
}

/** Error codes next-auth puts on /sign-in when its own credentials route fails (pages.signIn / pages.error). */
function errorFromNextAuth(code: string | undefined) {
  if (code === "AccountLocked") return "locked" as const;
  if (code === "CredentialsSignin") return "invalid" as const;
  return undefined;
}

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<{ callbackUrl?: string; error?: string }>;
}) {
  const { callbackUrl, error } = await searchParams;
  const safeCallback = callbackUrl?.startsWith("/") && !callbackUrl.startsWith("//") ? callbackUrl : undefined;

  const session = await getSessionUser();
  if (session) redirect(safeCallback ?? (session.kind === "OFFICER" ? "/officer" : "/"));

  const { t } = await getI18n();
  return (
    <div className="mx-auto w-full max-w-md px-4 py-10">
      <div className="card shadow-sm">
        <h1 className="text-2xl text-brand-800">{t("auth.signInTitle")}</h1>
        <p className="mb-6 mt-1 text-ink-600">{t("auth.signInLead")}</p>
        <SignInForm callbackUrl={safeCallback} initialError={errorFromNextAuth(error)} />
      </div>
    </div>
  );
}
