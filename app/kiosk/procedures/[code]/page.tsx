import Link from "next/link";
import { notFound } from "next/navigation";
import { PrintButton } from "~/app/(public)/_portal/print-button";
import { api } from "~/server/api/caller";
import { getI18n } from "~/server/i18n";
import { formatFee, formatLimit } from "../../../(public)/_portal/format";

type Props = { params: Promise<{ code: string }> };

/** A procedure's checklist on the kiosk: what to bring, the time limit and the fee; printable. */
export default async function KioskProcedurePage({ params }: Props) {
  const code = decodeURIComponent((await params).code);
  const procedure = await api.catalogue.byCode({ code }).catch((error: { code?: string }) => {
    if (error.code === "NOT_FOUND") return null;
    throw error;
  });
  if (!procedure) notFound();
  const { locale, t } = await getI18n();
  const submitPath = `/procedures/${encodeURIComponent(procedure.code)}/submit`;

  return (
    <div className="space-y-6">
      <p className="print:hidden">
        <Link href="/kiosk" className="inline-flex min-h-14 items-center text-xl font-semibold">
          ← {t("kiosk.home")}
        </Link>
      </p>
      <div>
        <p className="text-ink-600">
          {t("catalogue.code")}: {procedure.code}
        </p>
        <h1 className="text-3xl text-brand-800">{procedure.name}</h1>
      </div>
      <dl className="card grid gap-3 text-xl sm:grid-cols-2">
        <div>
          <dt className="font-semibold text-ink-600">{t("catalogue.limit")}</dt>
          <dd>{formatLimit(procedure.limitValue, procedure.limitUnit, t)}</dd>
        </div>
        <div>
          <dt className="font-semibold text-ink-600">{t("catalogue.fee")}</dt>
          <dd>{formatFee(procedure.fee, t, locale)}</dd>
        </div>
      </dl>
      <section aria-labelledby="kiosk-checklist-title" className="card">
        <h2 id="kiosk-checklist-title" className="text-2xl text-brand-800">
          {t("kiosk.checklistTitle")}
        </h2>
        <ol className="mt-4 space-y-4" data-testid="kiosk-checklist">
          {procedure.components.map((c) => (
            <li key={c.id} className="flex gap-4 border-b border-line pb-4 text-xl last:border-b-0">
              <span aria-hidden="true" className="flex h-10 w-10 shrink-0 items-center justify-center rounded-full bg-brand-700 font-bold text-white">
                {c.order}
              </span>
              <span>
                {c.name}
                <span className="mt-1 block text-base text-ink-600">
                  {c.copies ?? ""}
                  {c.copies ? " · " : ""}
                  {c.required ? t("catalogue.required") : t("catalogue.optional")}
                </span>
              </span>
            </li>
          ))}
        </ol>
      </section>
      {procedure.channels.includes(2) && (
        <section aria-labelledby="kiosk-proc-submit" className="card print:hidden">
          <h2 id="kiosk-proc-submit" className="text-2xl text-brand-800">
            {t("kiosk.submitTitle")}
          </h2>
          <p className="mt-1">{t("kiosk.submitNotice")}</p>
          <p className="mt-4">
            <Link href={`/sign-in?callbackUrl=${encodeURIComponent(submitPath)}`} className="btn-primary min-h-14 px-8 text-xl no-underline hover:text-white">
              {t("kiosk.submitLink")}
            </Link>
          </p>
        </section>
      )}
      <div className="flex flex-wrap gap-4 print:hidden">
        <PrintButton label={t("kiosk.print")} className="btn-primary min-h-14 px-8 text-xl" />
        <Link href="/kiosk" className="btn-primary min-h-14 px-8 text-xl no-underline hover:text-white">
          {t("kiosk.home")}
        </Link>
      </div>
    </div>
  );
}
