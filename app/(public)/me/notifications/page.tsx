import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { api } from "~/server/api/caller";
import { getSessionUser } from "~/server/auth";
import { getI18n } from "~/server/i18n";
import { formatDateTime } from "../../_portal/format";
import { MeNav } from "../me-nav";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t("notifications.title"), robots: { index: false } };
}

type Props = { searchParams: Promise<{ cursor?: string }> };

/** The signed-in person's in-app notifications, newest first; unread ones marked. Opening one marks it read. */
export default async function NotificationsPage({ searchParams }: Props) {
  const { cursor } = await searchParams;
  if (!(await getSessionUser())) redirect(`/sign-in?callbackUrl=${encodeURIComponent("/me/notifications")}`);
  const { locale, t } = await getI18n();
  const [page, unread] = await Promise.all([api.notification.list({ cursor: cursor ?? null }), api.notification.unreadCount()]);

  return (
    <div className="mx-auto max-w-5xl px-4 py-8">
      <h1 className="text-3xl text-brand-800">{t("notifications.title")}</h1>
      <p className="mt-1 text-ink-600">
        {t("notifications.lead")} {unread > 0 && <strong data-testid="unread-count">{t("notifications.unread", { count: unread })}</strong>}
      </p>
      <div className="mt-4">
        <MeNav t={t} current="notifications" />
      </div>
      {page.items.length === 0 ? (
        <p className="card mt-6 font-semibold">{t("notifications.empty")}</p>
      ) : (
        <ul className="mt-6 space-y-3" aria-label={t("notifications.listCaption")} data-testid="notifications">
          {page.items.map((n) => (
            <li key={n.id} className={`card ${n.readAt ? "" : "border-l-4 border-l-brand-700"}`} data-testid="notification" data-read={n.readAt ? "true" : "false"}>
              <div className="flex flex-wrap items-start justify-between gap-2">
                <h2 className="text-lg">
                  {/* Not prefetched: opening it is what marks it read. */}
                  <Link href={`/me/notifications/${encodeURIComponent(n.id)}`} prefetch={false} className="relative inline-block">
                    {n.title}
                  </Link>
                </h2>
                {!n.readAt && <span className="rounded border border-brand-700 px-2 py-0.5 text-sm font-bold text-brand-800">{t("notifications.new")}</span>}
              </div>
              <p className="mt-1 line-clamp-2 whitespace-pre-line text-ink-600">{n.body}</p>
              <p className="mt-1 text-sm text-ink-600">{t("notifications.received", { time: formatDateTime(n.createdAt, locale) })}</p>
            </li>
          ))}
        </ul>
      )}
      {page.nextCursor && (
        <p className="mt-6">
          <Link href={`/me/notifications?cursor=${encodeURIComponent(page.nextCursor)}`} className="btn-primary min-h-11 no-underline hover:text-white">
            {t("notifications.more")}
          </Link>
        </p>
      )}
    </div>
  );
}
