import { TRPCError } from "@trpc/server";
import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { api } from "~/server/api/caller";
import type { RouterOutputs } from "~/server/api/root";
import { getI18n, type Locale, type TFunction } from "~/server/i18n";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t("officer.title") };
}

type Membership = RouterOutputs["me"]["get"]["memberships"][number];

/** One line per agency: "Sở Khoa học và Công nghệ Hà Nội · Chuyên viên, Cán bộ tiếp nhận". */
function groupByAgency(memberships: Membership[], locale: Locale) {
  const byAgency = new Map<string, { name: string; roles: Membership["role"][] }>();
  for (const m of memberships) {
    const entry = byAgency.get(m.agencyId) ?? { name: locale === "en" ? m.agencyNameEn : m.agencyNameVi, roles: [] };
    entry.roles.push(m.role);
    byAgency.set(m.agencyId, entry);
  }
  return byAgency;
}

function Notice({ children }: { children: React.ReactNode }) {
  return (
    <p role="status" className="rounded border-l-4 border-gold-500 bg-gold-100 px-4 py-3 text-gold-800">
      {children}
    </p>
  );
}

export default async function OfficerHomePage() {
  const { locale, t } = await getI18n();

  let me: RouterOutputs["me"]["get"];
  try {
    me = await api.me.get();
  } catch (error) {
    // The session cookie outlived the account (deactivated or deleted): sign in again.
    if (error instanceof TRPCError && error.code === "UNAUTHORIZED") redirect("/sign-in?callbackUrl=/officer");
    throw error;
  }

  const agencies = groupByAgency(me.memberships, locale);
  const isOfficer = me.kind === "OFFICER" && agencies.size > 0;
  const counts = isOfficer ? await api.agency.dossierCounts() : [];

  return (
    <div className="max-w-6xl space-y-8 px-4 py-8 md:px-6">
      <header>
        <h1 className="text-3xl text-brand-800">{t("officer.title")}</h1>
        <p className="mt-1 text-lg">{t("officer.greeting", { name: me.name })}</p>
      </header>

      {me.kind !== "OFFICER" ? (
        <Notice>{t("auth.officerOnly")}</Notice>
      ) : agencies.size === 0 ? (
        <Notice>{t("officer.noMemberships")}</Notice>
      ) : (
        <>
          <nav aria-label={t("officer.home.quickLinks")} className="flex flex-wrap gap-3">
            <Link href="/officer/worklist/mine" className="btn-primary no-underline hover:text-white">
              {t("officer.views.mine")}
            </Link>
            <Link href="/officer/worklist/overdue" className="rounded border-2 border-brand-700 bg-white px-4 py-2 font-semibold no-underline">
              {t("officer.views.overdue")}
            </Link>
            {me.memberships.some((m) => m.role === "RECEPTION_OFFICER") && (
              <Link href="/officer/intake" className="rounded border-2 border-brand-700 bg-white px-4 py-2 font-semibold no-underline">
                {t("officer.nav.intake")}
              </Link>
            )}
          </nav>

          <section aria-labelledby="memberships-title" className="card">
            <h2 id="memberships-title" className="text-xl text-brand-800">
              {t("officer.membershipsTitle")}
            </h2>
            <ul className="mt-3 space-y-1" data-testid="officer-memberships">
              {[...agencies.entries()].map(([agencyId, agency]) => (
                <li key={agencyId}>{`${agency.name} · ${agency.roles.map((role) => t(`roles.${role}`)).join(", ")}`}</li>
              ))}
            </ul>
          </section>

          <section aria-labelledby="dossiers-title" className="space-y-4">
            <h2 id="dossiers-title" className="text-xl text-brand-800">
              {t("officer.dossiersTitle")}
            </h2>
            <div className="grid gap-6 md:grid-cols-2">
              {counts.map((agencyCounts) => (
                <StatusTable
                  key={agencyCounts.agencyId}
                  t={t}
                  locale={locale}
                  agencyName={agencies.get(agencyCounts.agencyId)?.name ?? agencyCounts.agencyId}
                  counts={agencyCounts}
                />
              ))}
            </div>
          </section>
        </>
      )}
    </div>
  );
}

function StatusTable({
  t,
  locale,
  agencyName,
  counts,
}: {
  t: TFunction;
  locale: Locale;
  agencyName: string;
  counts: RouterOutputs["agency"]["dossierCounts"][number];
}) {
  const format = new Intl.NumberFormat(locale);
  return (
    <table className="card w-full border-separate border-spacing-0 text-left">
      <caption className="pb-2 text-left font-semibold">{t("officer.dossiersCaption", { agency: agencyName })}</caption>
      <thead>
        <tr>
          <th scope="col" className="border-b border-line py-2">
            {t("officer.statusColumn")}
          </th>
          <th scope="col" className="border-b border-line py-2 text-right">
            {t("officer.countColumn")}
          </th>
        </tr>
      </thead>
      <tbody>
        {counts.counts.map(({ status, count }) => (
          <tr key={status}>
            <th scope="row" className="border-b border-line py-1.5 font-normal">
              {t(`status.${status}`)}
            </th>
            <td className="border-b border-line py-1.5 text-right tabular-nums">{format.format(count)}</td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row" className="pt-2">
            {t("officer.total")}
          </th>
          <td className="pt-2 text-right font-bold tabular-nums">{format.format(counts.total)}</td>
        </tr>
      </tfoot>
    </table>
  );
}
