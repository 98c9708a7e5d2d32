import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { I18nProvider } from "~/app/_components/i18n-provider";
import { api } from "~/server/api/caller";
import { getSessionUser } from "~/server/auth";
import { getI18n, getMessages, pickNamespaces } from "~/server/i18n";
import { MeNav } from "../me-nav";
import { NotificationChannelsForm } from "./notification-channels";
import { ProfileForm } from "./profile-form";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t("account.profileTitle"), robots: { index: false } };
}

/** Name, ID number, date of birth, address, phone; organisation and tax code for businesses. They prefill e-forms. */
export default async function ProfilePage({ searchParams }: { searchParams: Promise<{ channels?: string }> }) {
  if (!(await getSessionUser())) redirect(`/sign-in?callbackUrl=${encodeURIComponent("/me/profile")}`);
  const { locale, t } = await getI18n();
  const [profile, channels, { channels: saved }] = await Promise.all([api.account.profile(), api.notification.channels(), searchParams]);
  return (
    <div className="mx-auto max-w-3xl px-4 py-8">
      <h1 className="text-3xl text-brand-800">{t("account.profileTitle")}</h1>
      <p className="mt-1 text-ink-600">{t("account.profileLead")}</p>
      <div className="mt-4">
        <MeNav t={t} current="profile" />
      </div>
      <div className="card mt-6">
        <I18nProvider locale={locale} messages={pickNamespaces(getMessages(locale), ["account", "errors"])}>
          <ProfileForm
            email={profile.email}
            initial={{
              name: profile.name,
              phone: profile.phone ?? "",
              idNumber: profile.idNumber ?? "",
              dateOfBirth: profile.dateOfBirth ?? "",
              address: profile.address ?? "",
              applicantType: profile.applicantType === "BUSINESS" ? "BUSINESS" : "CITIZEN",
              organisationName: profile.organisationName ?? "",
              taxCode: profile.taxCode ?? "",
            }}
          />
        </I18nProvider>
      </div>
      <NotificationChannelsForm t={t} settings={channels} saved={saved === "saved"} />
    </div>
  );
}
