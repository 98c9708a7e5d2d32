import type { Metadata } from "next";
import Link from "next/link";
import { api } from "~/server/api/caller";
import { getI18n } from "~/server/i18n";
import { FAILED_JOB_KINDS, type TFailedJobKind } from "~/server/modules/jobs/schema";
import { getAdminScope, readOrNull } from "../_lib/admin";
import { JobActions } from "./job-actions";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t("admin.nav.jobs") };
}

function show(value: unknown): string {
  return typeof value === "string" ? value : JSON.stringify(value, null, 2);
}

/** Failed background jobs (system administrators): the error, retry, discard. */
export default async function JobsPage({ searchParams }: { searchParams: Promise<{ kind?: string }> }) {
  const params = await searchParams;
  const { locale, t } = await getI18n();
  const scope = await getAdminScope("/admin/jobs");
  const kind = (FAILED_JOB_KINDS as readonly string[]).includes(params.kind ?? "") ? (params.kind as TFailedJobKind) : undefined;
  const page = scope?.isSystemAdmin ? await readOrNull(() => api.admin.jobs.list({ kind, limit: 100 })) : null;
  const when = (date: Date | null) =>
    date ? date.toLocaleString(locale === "en" ? "en-GB" : "vi-VN", { timeZone: "Asia/Ho_Chi_Minh" }) : "—";

  return (
    <div className="max-w-6xl space-y-4">
      <h1 className="text-3xl text-brand-800">{t("admin.jobs.title")}</h1>
      <p className="text-ink-600">{t("admin.jobs.lead")}</p>
      {!page ? (
        <p className="rounded border-l-4 border-gold-500 bg-gold-100 px-3 py-2 text-gold-800">{t("admin.jobs.systemOnly")}</p>
      ) : (
        <>
          <nav aria-label={t("admin.jobs.filter")} className="flex flex-wrap gap-3">
            {[undefined, ...FAILED_JOB_KINDS].map((k) => {
              const count = k ? page.counts[k] : page.counts.DEAD + page.counts.RETRYING + page.counts.FAILED;
              const label = k ? t("admin.jobs.kindCount", { label: t(`admin.jobs.kinds.${k}`), count }) : t("admin.jobs.all", { count });
              return k === kind ? (
                <strong key={k ?? "all"} aria-current="page">
                  {label}
                </strong>
              ) : (
                <Link key={k ?? "all"} href={k ? `/admin/jobs?kind=${k}` : "/admin/jobs"}>
                  {label}
                </Link>
              );
            })}
          </nav>
          {page.items.length === 0 ? (
            <p role="status">{t("admin.jobs.none")}</p>
          ) : (
            <>
              <p className="text-sm text-ink-600">
                {t("admin.jobs.shown", { shown: page.items.length, total: kind ? page.counts[kind] : page.counts.DEAD + page.counts.RETRYING + page.counts.FAILED })}
              </p>
              <ol className="space-y-3" data-testid="failed-jobs">
                {page.items.map((job) => (
                  <li key={`${job.queue}/${job.id}`} className="card space-y-2" data-testid="failed-job">
                    <div className="flex flex-wrap items-baseline justify-between gap-2">
                      <p>
                        <strong className="font-mono">{job.jobName}</strong> · {t(`admin.jobs.kinds.${job.kind}`)}
                      </p>
                      <p className="text-sm text-ink-600">
                        {job.maxAttempts ? t("admin.jobs.attemptsOf", { attempts: job.attempts, max: job.maxAttempts }) : t("admin.jobs.attempts", { attempts: job.attempts })}
                      </p>
                    </div>
                    <p>
                      <span className="font-semibold">{t("admin.jobs.error")}: </span>
                      {job.error ? (
                        <span className="font-mono text-sm">
                          {job.error.name ? `${job.error.name}: ` : ""}
                          {job.error.message}
                        </span>
                      ) : (
                        t("admin.jobs.noError")
                      )}
                    </p>
                    <dl className="grid gap-x-6 gap-y-1 text-sm sm:grid-cols-[max-content_1fr]">
                      <dt className="font-semibold">{t("admin.jobs.createdAt")}</dt>
                      <dd>{when(job.createdAt)}</dd>
                      <dt className="font-semibold">{job.kind === "RETRYING" ? t("admin.jobs.nextAt") : t("admin.jobs.failedAt")}</dt>
                      <dd>{when(job.at)}</dd>
                      {job.key && (
                        <>
                          <dt className="font-semibold">{t("admin.jobs.key")}</dt>
                          <dd className="font-mono">{job.key}</dd>
                        </>
                      )}
                    </dl>
                    <details>
                      <summary>{t("admin.jobs.data")}</summary>
                      <pre className="mt-1 overflow-x-auto rounded bg-paper p-2 text-xs">{show(job.data)}</pre>
                    </details>
                    <JobActions queue={job.queue} id={job.id} name={job.jobName} />
                  </li>
                ))}
              </ol>
            </>
          )}
        </>
      )}
    </div>
  );
}
