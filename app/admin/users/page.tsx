import type { Metadata } from "next";
import Link from "next/link";
import { api } from "~/server/api/caller";
import { getI18n } from "~/server/i18n";
import { Badge, DataTable, FilterForm, FilterSelect, FilterText, ListHeading, listHref, NextPageLink } from "../_components/list-page";
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
  const next = page.nextCursor ? listHref("/admin/users", { q, agencyId, kind, cursor: page.nextCursor }) : null;
  const columns = [{ label: t("admin.users.name") }, { label: t("admin.users.email") }, { label: t("admin.users.memberships") }, { label: t("admin.users.state") }];

  return (
    <div className="max-w-6xl space-y-4">
      <ListHeading title={t("admin.users.title")} action={{ href: "/admin/users/new", label: t("admin.users.create") }} />
      <FilterForm label={t("admin.users.search")} submitLabel={t("admin.users.searchButton")}>
        <FilterText name="q" label={t("admin.users.searchLabel")} value={q} placeholder={t("admin.users.searchPlaceholder")} />
        <FilterSelect
          name="agencyId"
          label={t("admin.users.agency")}
          value={agencyId}
          allLabel={t("admin.users.allAgencies")}
          options={agencies.map((a) => ({ value: a.id, label: pick(locale, a.nameVi, a.nameEn) }))}
          className="field-input max-w-xs"
        />
        <FilterSelect
          name="kind"
          label={t("admin.users.kind")}
          value={kind}
          allLabel={t("admin.users.allKinds")}
          options={[
            { value: "OFFICER", label: t("admin.users.kindOFFICER") },
            { value: "CITIZEN", label: t("admin.users.kindCITIZEN") },
          ]}
        />
      </FilterForm>

      <DataTable columns={columns} rows={page.items} empty={t("admin.users.none")}>
        {(u) => (
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
              {u.active ? t("admin.users.active") : <Badge tone="muted">{t("admin.users.deactivated")}</Badge>}
              {!u.hasPassword && <div className="text-xs text-ink-600">{t("admin.users.noPassword")}</div>}
            </td>
          </tr>
        )}
      </DataTable>
      <NextPageLink href={next} label={t("admin.common.nextPage")} />
    </div>
  );
}
