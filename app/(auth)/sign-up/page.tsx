import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { I18nProvider } from "~/app/_components/i18n-provider";
import { getSessionUser } from "~/server/auth";
import { getI18n, getMessages, pickNamespaces } from "~/server/i18n";
import { SignUpForm } from "./sign-up-form";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t("account.signUpTitle") };
}

export default async function SignUpPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const { callbackUrl } = await searchParams;
  const safeCallback = callbackUrl?.startsWith("/") && !callbackUrl.startsWith("//") ? callbackUrl : undefined;
  if (await getSessionUser()) redirect(safeCallback ?? "/me");
  const { locale, t } = await getI18n();
  return (
    <div className="mx-auto w-full max-w-xl px-4 py-10">
      <div className="card shadow-sm">
        <h1 className="text-2xl text-brand-800">{t("account.signUpTitle")}</h1>
        <p className="mb-6 mt-1 text-ink-600">{t("account.signUpLead")}</p>
        <I18nProvider locale={locale} messages={pickNamespaces(getMessages(locale), ["account", "errors"])}>
          <SignUpForm callbackUrl={safeCallback} />
        </I18nProvider>
        <p className="mt-6">
          {t("account.haveAccount")}{" "}
          <Link href={safeCallback ? `/sign-in?callbackUrl=${encodeURIComponent(safeCallback)}` : "/sign-in"} className="inline-block py-2 font-semibold">
            {t("account.signInLink")}
          </Link>
        </p>
      </div>
    </div>
  );
}
