import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { api } from "~/server/api/caller";
import { getSessionUser } from "~/server/auth";
import { getI18n } from "~/server/i18n";
import { formatDate, formatDateTime, pick } from "../_portal/format";
import { StatusBadge, TimelinessBadge } from "../_portal/tracking-view";
import { MeNav } from "./me-nav";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t("me.title"), robots: { index: false } };
}

type Props = { searchParams: Promise<{ cursor?: string }> };

/** The signed-in citizen's dossiers across every procedure and agency, newest first. */
export default async function MyDossiersPage({ searchParams }: Props) {
  const { cursor } = await searchParams;
  if (!(await getSessionUser())) redirect(`/sign-in?callbackUrl=${encodeURIComponent("/me")}`);
  const { locale, t } = await getI18n();
  const page = await api.account.dossiers({ cursor: cursor ?? null });

  return (
    <div className="mx-auto max-w-5xl px-4 py-8">
      <h1 className="text-3xl text-brand-800">{t("me.title")}</h1>
      <p className="mt-1 text-ink-600">{t("me.lead")}</p>
      <div className="mt-4">
        <MeNav t={t} current="dossiers" />
      </div>

      {page.items.length === 0 ? (
        <div className="card mt-6">
          <p className="font-semibold">{t("me.empty")}</p>
          <p className="mt-3">
            <Link href="/procedures" className="btn-primary min-h-11 no-underline hover:text-white">
              {t("me.findProcedure")}
            </Link>
          </p>
        </div>
      ) : (
        <ul className="mt-6 space-y-3" aria-label={t("me.tableCaption")} data-testid="my-dossiers">
          {page.items.map((d) => (
            <li key={d.code} className="card" data-testid="my-dossier">
              <div className="flex flex-wrap items-start justify-between gap-2">
                <h2 className="text-lg">
                  <Link href={`/me/dossiers/${encodeURIComponent(d.code)}`} className="relative inline-block break-all">
                    <span className="sr-only">{t("me.colCode")}: </span>
                    {d.code}
                  </Link>
                </h2>
                <div className="flex flex-wrap gap-2">
                  <StatusBadge status={d.status} t={t} />
                  <TimelinessBadge timeliness={d.timeliness} t={t} />
                  {d.awaitingApplicant && (
                    <span className="rounded border border-gold-800 bg-gold-100 px-2 py-0.5 text-sm font-bold text-gold-800" data-testid="needs-action">
                      <span aria-hidden="true">✎ </span>
                      {t("me.needsAction")}
                    </span>
                  )}
                  {d.canRate && <span className="rounded border border-ink-600 px-2 py-0.5 text-sm font-semibold">{t("me.canRate")}</span>}
                  {d.isTest && <span className="rounded border border-ink-600 bg-stone-100 px-2 py-0.5 text-sm">{t("me.training")}</span>}
                </div>
              </div>
              <p className="mt-1">{pick(d.procedureName, locale)}</p>
              <dl className="mt-2 grid gap-x-6 gap-y-1 text-sm sm:grid-cols-3">
                <div className="flex gap-2">
                  <dt className="shrink-0 text-ink-600">{t("me.colAgency")}:</dt>
                  <dd>{pick(d.handlingAgency, locale)}</dd>
                </div>
                <div className="flex gap-2">
                  <dt className="shrink-0 text-ink-600">{t("me.colSubmitted")}:</dt>
                  <dd>{formatDate(d.submittedAt, locale)}</dd>
                </div>
                <div className="flex gap-2">
                  <dt className="shrink-0 text-ink-600">{t("me.colDue")}:</dt>
                  <dd data-testid="my-dossier-due">{d.dueAt ? formatDateTime(d.dueAt, locale) : t("track.notYet")}</dd>
                </div>
              </dl>
            </li>
          ))}
        </ul>
      )}
      {page.nextCursor && (
        <p className="mt-6">
          <Link href={`/me?cursor=${encodeURIComponent(page.nextCursor)}`} className="btn-primary min-h-11 no-underline hover:text-white">
            {t("me.more")}
          </Link>
        </p>
      )}
    </div>
  );
}
