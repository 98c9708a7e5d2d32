import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { api } from "~/server/api/caller";
import { getI18n, type MessageKey } from "~/server/i18n";
import { getAdminScope, readOrNull } from "../../_lib/admin";
import { TemplateEditor } from "./template-editor";

type Props = { params: Promise<{ template: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: `${t("admin.nav.notifications")}: ${decodeURIComponent((await params).template)}` };
}

/** One template: its wording per channel and language, edited with a live preview on sample values. */
export default async function NotificationTemplatePage({ params }: Props) {
  const key = decodeURIComponent((await params).template);
  const { t } = await getI18n();
  const [scope, detail] = await Promise.all([getAdminScope(), readOrNull(() => api.notification.template.get({ template: key }))]);
  if (!detail) notFound();
  return (
    <div className="max-w-6xl space-y-6">
      <p>
        <Link href="/admin/notifications">{t("admin.notifications.back")}</Link>
      </p>
      <header>
        <h1 className="text-3xl text-brand-800">{t(`admin.notifications.templates.${detail.template}` as MessageKey)}</h1>
        <p className="mt-1 font-mono text-sm text-ink-600">{detail.template}</p>
        <p className="mt-2">
          {t("admin.notifications.variables")}{" "}
          {detail.variables.map((v) => (
            <code key={v} className="mr-2 rounded bg-stone-100 px-1">{`{{${v}}}`}</code>
          ))}
        </p>
      </header>
      <TemplateEditor detail={detail} canEdit={scope?.isSystemAdmin ?? false} />
    </div>
  );
}
