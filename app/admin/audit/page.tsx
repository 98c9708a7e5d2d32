import type { Metadata } from "next";
import Link from "next/link";
import { api } from "~/server/api/caller";
import { getI18n } from "~/server/i18n";
import { AUDIT_ENTITIES } from "~/server/modules/admin/schema";
import { FilterForm, FilterSelect, FilterText, listHref, NextPageLink } from "../_components/list-page";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t("admin.nav.audit") };
}

type Entity = (typeof AUDIT_ENTITIES)[number];

function show(value: unknown): string {
  if (value === undefined) return "—";
  return typeof value === "string" ? value : JSON.stringify(value);
}

/** The top-level keys whose values differ between before and after (all of them for a creation or deletion). */
function changes(before: unknown, after: unknown): Array<{ key: string; from: unknown; to: unknown }> {
  const b = before && typeof before === "object" ? (before as Record<string, unknown>) : {};
  const a = after && typeof after === "object" ? (after as Record<string, unknown>) : {};
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  return keys.filter((k) => JSON.stringify(b[k]) !== JSON.stringify(a[k])).map((k) => ({ key: k, from: b[k], to: a[k] }));
}

export default async function AuditPage({ searchParams }: { searchParams: Promise<{ entity?: string; entityId?: string; cursor?: string }> }) {
  const params = await searchParams;
  const { locale, t } = await getI18n();
  const entity = (AUDIT_ENTITIES as readonly string[]).includes(params.entity ?? "") ? (params.entity as Entity) : undefined;
  const entityId = params.entityId?.slice(0, 64) || undefined;
  const page = await api.admin.audit.list({ entity, entityId, cursor: params.cursor || undefined, limit: 50 });
  const next = page.nextCursor ? listHref("/admin/audit", { entity, entityId, cursor: page.nextCursor }) : null;
  return (
    <div className="max-w-6xl space-y-4">
      <h1 className="text-3xl text-brand-800">{t("admin.audit.title")}</h1>
      <p className="text-ink-600">{t("admin.audit.lead")}</p>
      <FilterForm
        label={t("admin.audit.filter")}
        submitLabel={t("admin.audit.apply")}
        search={false}
        after={(entity || entityId) && <Link href="/admin/audit">{t("admin.audit.clear")}</Link>}
      >
        <FilterSelect name="entity" label={t("admin.audit.entity")} value={entity} allLabel={t("admin.audit.allEntities")} options={AUDIT_ENTITIES.map((e) => ({ value: e, label: t(`admin.audit.entities.${e}`) }))} />
        <FilterText name="entityId" label={t("admin.audit.entityId")} value={entityId ?? ""} className="min-w-64" inputClassName="field-input font-mono" />
      </FilterForm>
      {page.items.length === 0 ? (
        <p role="status">{t("admin.audit.none")}</p>
      ) : (
        <ol className="space-y-3" data-testid="audit-list">
          {page.items.map((e) => {
            const diff = changes(e.before, e.after);
            return (
              <li key={e.id} className="card">
                <div className="flex flex-wrap items-baseline justify-between gap-2">
                  <p>
                    <strong>{(AUDIT_ENTITIES as readonly string[]).includes(e.entity) ? t(`admin.audit.entities.${e.entity as Entity}`) : e.entity}</strong> · {e.action} ·{" "}
                    <Link href={`/admin/audit?entityId=${e.entityId}`} className="font-mono text-sm">
                      {e.entityId}
                    </Link>
                  </p>
                  <p className="text-sm text-ink-600">
                    {e.at.toLocaleString(locale === "en" ? "en-GB" : "vi-VN", { timeZone: "Asia/Ho_Chi_Minh" })} · {e.actorName ?? t("admin.audit.system")}
                  </p>
                </div>
                {diff.length > 0 && (
                  <table className="mt-2 w-full table-fixed text-left text-sm">
                    <thead>
                      <tr>
                        <th scope="col" className="w-1/5 py-1 pr-3">{t("admin.audit.field")}</th>
                        <th scope="col" className="py-1 pr-3">{t("admin.audit.before")}</th>
                        <th scope="col" className="py-1">{t("admin.audit.after")}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {diff.slice(0, 20).map((d) => (
                        <tr key={d.key} className="border-t border-line align-top">
                          <td className="py-1 pr-3 font-mono">{d.key}</td>
                          <td className="py-1 pr-3 break-words text-brand-800">{show(d.from).slice(0, 400)}</td>
                          <td className="py-1 break-words text-green-900">{show(d.to).slice(0, 400)}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                )}
                <details className="mt-2 text-sm">
                  <summary className="cursor-pointer">{t("admin.audit.full")}</summary>
                  <div className="mt-2 grid gap-2 md:grid-cols-2">
                    <pre className="max-h-80 overflow-auto rounded bg-paper p-2 text-xs">{JSON.stringify(e.before, null, 2) ?? "null"}</pre>
                    <pre className="max-h-80 overflow-auto rounded bg-paper p-2 text-xs">{JSON.stringify(e.after, null, 2) ?? "null"}</pre>
                  </div>
                </details>
              </li>
            );
          })}
        </ol>
      )}
      <NextPageLink href={next} label={t("admin.common.nextPage")} />
    </div>
  );
}
