import type { Metadata } from "next";
import Link from "next/link";
import { api } from "~/server/api/caller";
import { getI18n, type MessageKey } from "~/server/i18n";
import { getAdminScope } from "../_lib/admin";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t("admin.nav.notifications") };
}

/** Every notification the platform sends, its channels, and which wordings an administrator changed. */
export default async function NotificationTemplatesPage() {
  const { t } = await getI18n();
  const scope = await getAdminScope();
  const templates = await api.notification.template.list();
  return (
    <div className="max-w-5xl space-y-6">
      <header>
        <h1 className="text-3xl text-brand-800">{t("admin.notifications.title")}</h1>
        <p className="mt-1 text-ink-600">{scope?.isSystemAdmin ? t("admin.notifications.lead") : t("admin.notifications.leadReadOnly")}</p>
      </header>
      <table className="w-full border-collapse text-left" data-testid="template-list">
        <caption className="sr-only">{t("admin.notifications.title")}</caption>
        <thead>
          <tr className="border-b-2 border-line">
            <th scope="col" className="py-2 pr-4">{t("admin.notifications.colTemplate")}</th>
            <th scope="col" className="py-2 pr-4">{t("admin.notifications.colChannels")}</th>
            <th scope="col" className="py-2">{t("admin.notifications.colCustomised")}</th>
          </tr>
        </thead>
        <tbody>
          {templates.map((row) => (
            <tr key={row.template} className="border-b border-line">
              <td className="py-2 pr-4">
                <Link href={`/admin/notifications/${encodeURIComponent(row.template)}`}>{t(`admin.notifications.templates.${row.template}` as MessageKey)}</Link>
                <span className="block font-mono text-xs text-ink-600">{row.template}</span>
              </td>
              <td className="py-2 pr-4">{row.channels.map((c) => t(`admin.notifications.channels.${c}`)).join(", ")}</td>
              <td className="py-2">
                {row.customised.length === 0
                  ? t("admin.notifications.defaultWording")
                  : row.customised.map((c) => `${t(`admin.notifications.channels.${c.channel}`)} (${c.locale})`).join(", ")}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
