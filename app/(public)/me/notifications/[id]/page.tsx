import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { TRPCError } from "@trpc/server";
import { api } from "~/server/api/caller";
import { getSessionUser } from "~/server/auth";
import { getI18n } from "~/server/i18n";
import { formatDateTime } from "../../../_portal/format";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t("notifications.title"), robots: { index: false } };
}

/** Where a notification leads, as a path on this site when it is one (the same page whatever host served it). */
function localHref(link: string): string {
  try {
    const url = new URL(link);
    return `${url.pathname}${url.search}`;
  } catch {
    return link;
  }
}

/** One notification, opened: marked read. */
export default async function NotificationPage({ params }: Props) {
  const { id } = await params;
  if (!(await getSessionUser())) redirect(`/sign-in?callbackUrl=${encodeURIComponent(`/me/notifications/${id}`)}`);
  const { locale, t } = await getI18n();
  try {
    await api.notification.markRead({ id });
  } catch (error) {
    if (error instanceof TRPCError && error.code === "NOT_FOUND") notFound();
    throw error;
  }
  const n = await api.notification.get({ id });
  return (
    <div className="mx-auto max-w-3xl px-4 py-8">
      <p>
        <Link href="/me/notifications">{t("notifications.back")}</Link>
      </p>
      <article className="card mt-4" data-testid="notification-detail">
        <h1 className="text-2xl text-brand-800">{n.title}</h1>
        <p className="mt-1 text-sm text-ink-600">{t("notifications.received", { time: formatDateTime(n.createdAt, locale) })}</p>
        <p className="mt-4 whitespace-pre-line">{n.body}</p>
        {n.link && (
          <p className="mt-6">
            <Link href={localHref(n.link)} className="btn-primary min-h-11 no-underline hover:text-white" data-testid="notification-link">
              {t("notifications.open")}
            </Link>
          </p>
        )}
      </article>
    </div>
  );
}
