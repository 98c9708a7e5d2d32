import type { TFunction } from "~/server/i18n/core";
import { saveNotificationChannelsAction } from "./channels-action";

/** The channel choice of the profile: a server-rendered form (no JavaScript needed). */
export function NotificationChannelsForm({
  t,
  settings,
  saved,
}: {
  t: TFunction;
  settings: { channels: string[]; email: string | null; phone: string | null };
  saved: boolean;
}) {
  return (
    <section id="notification-channels" className="card mt-6" aria-labelledby="notification-channels-title">
      <h2 id="notification-channels-title" className="text-xl text-brand-800">
        {t("notifications.channelsTitle")}
      </h2>
      {saved && (
        <p role="status" className="mt-3 rounded border-l-4 border-emerald-700 bg-emerald-50 px-4 py-3 font-semibold text-emerald-900" data-testid="channels-saved">
          {t("notifications.channelsSaved")}
        </p>
      )}
      <form action={saveNotificationChannelsAction} className="mt-3 space-y-2">
        <fieldset>
          <legend className="mb-2">{t("notifications.channelsLead")}</legend>
          <label className="flex min-h-11 cursor-pointer items-center gap-3">
            <input type="checkbox" name="email" defaultChecked={settings.channels.includes("EMAIL")} className="h-5 w-5 accent-brand-700" data-testid="channel-email" />
            {settings.email ? t("notifications.channelEmail", { address: settings.email }) : t("notifications.channelEmailNone")}
          </label>
          <label className="flex min-h-11 cursor-pointer items-center gap-3">
            <input type="checkbox" name="sms" defaultChecked={settings.channels.includes("SMS")} className="h-5 w-5 accent-brand-700" data-testid="channel-sms" />
            {settings.phone ? t("notifications.channelSms", { address: settings.phone }) : t("notifications.channelSmsNone")}
          </label>
        </fieldset>
        <button type="submit" className="btn-primary min-h-11" data-testid="channels-submit">
          {t("notifications.channelsSave")}
        </button>
      </form>
    </section>
  );
}
