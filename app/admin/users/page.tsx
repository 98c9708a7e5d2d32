import type { Metadata } from "next";
import Link from "next/link";
import { api } from "~/server/api/caller";
import { getI18n } from "~/server/i18n";
import { pick } from "../_lib/admin";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t("admin.nav.users") };
}

type Search = { q?: string; agencyId?: string; kind?: string; cursor?: string };

export default async function UsersPage({ searchParams }: { searchParams: Promise<Search> }) {
  const params = await searchParams;
  const { locale, t } = await getI18n();
  const q = params.q?.slice(0, 100) ?? "";
  const agencyId = params.agencyId || undefined;
  const kind = params.kind === "CITIZEN" || params.kind === "OFFICER" ? params.kind : undefined;
  const [agencies, page] = await Promise.all([
    api.admin.agency.list(),
    api.admin.user.list({ q: q || undefined, agencyId, kind, cursor: params.cursor || undefined, limit: 50 }),
  ]);
  const next = page.nextCursor ? `/admin/users?${new URLSearchParams({ ...(q ? { q } : {}), ...(agencyId ? { agencyId } : {}), ...(kind ? { kind } : {}), cursor: page.nextCursor })}` : null;

  return (
    <div className="max-w-6xl space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-3xl text-brand-800">{t("admin.users.title")}</h1>
        <Link href="/admin/users/new" className="btn-primary no-underline hover:text-white">
          {t("admin.users.create")}
        </Link>
      </div>
      <form method="get" role="search" className="card flex flex-wrap items-end gap-3" aria-label={t("admin.users.search")}>
        <label className="min-w-64 flex-1">
          <span className="field-label">{t("admin.users.searchLabel")}</span>
          <input name="q" defaultValue={q} className="field-input" placeholder={t("admin.users.searchPlaceholder")} />
        </label>
        <label>
          <span className="field-label">{t("admin.users.agency")}</span>
          <select name="agencyId" defaultValue={agencyId ?? ""} className="field-input max-w-xs">
            <option value="">{t("admin.users.allAgencies")}</option>
            {agencies.map((a) => (
              <option key={a.id} value={a.id}>
                {pick(locale, a.nameVi, a.nameEn)}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span className="field-label">{t("admin.users.kind")}</span>
          <select name="kind" defaultValue={kind ?? ""} className="field-input">
            <option value="">{t("admin.users.allKinds")}</option>
            <option value="OFFICER">{t("admin.users.kindOFFICER")}</option>
            <option value="CITIZEN">{t("admin.users.kindCITIZEN")}</option>
          </select>
        </label>
        <button type="submit" className="btn-primary">
          {t("admin.users.searchButton")}
        </button>
      </form>

      {page.items.length === 0 ? (
        <p role="status">{t("admin.users.none")}</p>
      ) : (
        <div className="overflow-x-auto rounded border border-line bg-white">
          <table className="w-full text-left text-sm">
            <thead className="bg-paper">
              <tr>
                <th scope="col" className="px-3 py-2">{t("admin.users.name")}</th>
                <th scope="col" className="px-3 py-2">{t("admin.users.email")}</th>
                <th scope="col" className="px-3 py-2">{t("admin.users.memberships")}</th>
                <th scope="col" className="px-3 py-2">{t("admin.users.state")}</th>
              </tr>
            </thead>
            <tbody>
              {page.items.map((u) => (
                <tr key={u.id} className="border-t border-line align-top">
                  <td className="px-3 py-2">
                    <Link href={`/admin/users/${u.id}`} className="font-semibold">
                      {u.name}
                    </Link>
                    <div className="text-xs text-ink-600">{t(`admin.users.kind${u.kind}`)}</div>
                  </td>
                  <td className="px-3 py-2">
                    {u.email ?? "—"}
                    {u.phone && <div className="text-xs text-ink-600">{u.phone}</div>}
                  </td>
                  <td className="px-3 py-2">
                    <ul>
                      {u.memberships
                        .filter((m) => m.active)
                        .map((m) => (
                          <li key={m.id}>
                            {t(`roles.${m.role}`)} · <span className="text-ink-600">{pick(locale, m.agencyNameVi, m.agencyNameEn)}</span>
                          </li>
                        ))}
                    </ul>
                  </td>
                  <td className="px-3 py-2">
                    {u.active ? t("admin.users.active") : <span className="rounded bg-ink-600 px-1.5 py-0.5 text-xs font-semibold text-white">{t("admin.users.deactivated")}</span>}
                    {!u.hasPassword && <div className="text-xs text-ink-600">{t("admin.users.noPassword")}</div>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {next && (
        <p>
          <Link href={next}>{t("admin.common.nextPage")}</Link>
        </p>
      )}
    </div>
  );
}
