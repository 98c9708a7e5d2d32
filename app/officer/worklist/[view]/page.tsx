import { TRPCError } from "@trpc/server";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { api } from "~/server/api/caller";
import type { RouterInputs, RouterOutputs } from "~/server/api/root";
import { getI18n } from "~/server/i18n";
import { DOSSIER_STATUSES } from "~/server/modules/dossier/status";
import { Notice } from "../../_components/badges";
import { endOfVietnamDay, pickName, startOfVietnamDay } from "../../_lib/format";
import { agencyName, ASSIGNING_ROLES, getOfficerContext } from "../../_lib/officer";
import { isWorklistView, type WorklistView } from "../../_lib/views";
import { WorklistResults, type WorklistQueryInput } from "./worklist-results";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const PAGE_SIZE = 25;

function one(value: string | string[] | undefined): string {
  return (Array.isArray(value) ? value[0] : value)?.trim() ?? "";
}

export async function generateMetadata({ params }: { params: Promise<{ view: string }> }): Promise<Metadata> {
  const { view } = await params;
  const { t } = await getI18n();
  return { title: isWorklistView(view) ? t(`officer.views.${view}`) : t("officer.title") };
}

export default async function WorklistPage({ params, searchParams }: { params: Promise<{ view: string }>; searchParams: SearchParams }) {
  const { view } = await params;
  if (!isWorklistView(view)) notFound();
  const { locale, t } = await getI18n();
  const ctx = await getOfficerContext();
  if (!ctx.isOfficer) return <div className="mx-auto max-w-3xl px-4 py-8"><Notice>{t("auth.officerOnly")}</Notice></div>;

  const sp = await searchParams;
  const filters = {
    q: one(sp.q).slice(0, 100),
    procedureId: one(sp.procedureId),
    status: one(sp.status),
    from: one(sp.from),
    to: one(sp.to),
  };
  const status = (DOSSIER_STATUSES as readonly string[]).includes(filters.status) ? (filters.status as (typeof DOSSIER_STATUSES)[number]) : undefined;
  const receivedFrom = startOfVietnamDay(filters.from);
  const receivedTo = endOfVietnamDay(filters.to);

  const input: RouterInputs["dossier"]["worklist"] = {
    view: view as WorklistView,
    ...(ctx.selectedAgencyId ? { agencyId: ctx.selectedAgencyId } : {}),
    ...(filters.q ? { q: filters.q } : {}),
    ...(filters.procedureId ? { procedureId: filters.procedureId } : {}),
    ...(status ? { status } : {}),
    ...(receivedFrom ? { receivedFrom } : {}),
    ...(receivedTo ? { receivedTo } : {}),
    limit: PAGE_SIZE,
  };

  let page: RouterOutputs["dossier"]["worklist"] | null = null;
  let loadError: string | null = null;
  try {
    page = await api.dossier.worklist(input);
  } catch (error) {
    if (!(error instanceof TRPCError)) throw error;
    loadError = error.code === "BAD_REQUEST" ? t("officer.worklist.badFilters") : t("officer.worklist.loadFailed");
  }

  // Procedures offered by the agencies in view, for the filter.
  const pickerAgencies = ctx.selectedAgencyId ? ctx.agencies.filter((a) => a.id === ctx.selectedAgencyId) : ctx.agencies;
  const pickerLists = await Promise.all(
    pickerAgencies.map((a) => api.dossier.procedurePicker({ agencyId: a.id }).catch(() => [] as RouterOutputs["dossier"]["procedurePicker"])),
  );
  const procedures = new Map<string, string>();
  for (const list of pickerLists) {
    for (const p of list) procedures.set(p.procedureId, `${p.procedureCode} — ${pickName(locale, p.nameVi, p.nameEn)}`);
  }

  const canBulkAssign = [...ctx.roles].some((r) => ASSIGNING_ROLES.includes(r));
  const advanced = Boolean(filters.procedureId || status || receivedFrom || receivedTo);
  const filtered = Boolean(filters.q) || advanced;
  const selectedAgency = ctx.agencies.find((a) => a.id === ctx.selectedAgencyId) ?? (ctx.agencies.length === 1 ? ctx.agencies[0] : undefined);
  const clientInput: WorklistQueryInput = { ...input, receivedFrom: receivedFrom?.toISOString(), receivedTo: receivedTo?.toISOString() };

  return (
    <div className="space-y-5 px-4 py-6 md:px-6">
      <header>
        <h1 className="text-2xl text-brand-800">{t(`officer.views.${view as WorklistView}`)}</h1>
        <p className="text-ink-600">
          {t(`officer.viewHints.${view as WorklistView}`)}
          {" · "}
          {selectedAgency ? agencyName(selectedAgency, locale) : t("officer.nav.allAgencies")}
        </p>
      </header>

      <form method="get" role="search" aria-label={t("officer.worklist.searchForm")} className="card space-y-3">
        <div>
          <label htmlFor="wl-q" className="field-label">
            {t("officer.worklist.search")}
          </label>
          <span id="wl-q-hint" className="field-hint">
            {t("officer.worklist.searchHint")}
          </span>
          <div className="flex gap-2">
            <input id="wl-q" name="q" type="search" defaultValue={filters.q} maxLength={100} aria-describedby="wl-q-hint" className="field-input max-w-xl" />
            <button type="submit" className="btn-primary shrink-0">
              {t("officer.worklist.apply")}
            </button>
          </div>
        </div>
        <details open={advanced} className="group">
          <summary className="cursor-pointer font-semibold text-brand-700">{t("officer.worklist.moreFilters")}</summary>
          <div className="mt-3 grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
            <div className="sm:col-span-2">
              <label htmlFor="wl-procedure" className="field-label">
                {t("officer.worklist.procedure")}
              </label>
              <select id="wl-procedure" name="procedureId" defaultValue={filters.procedureId} className="field-input">
                <option value="">{t("officer.worklist.anyProcedure")}</option>
                {[...procedures.entries()].map(([id, label]) => (
                  <option key={id} value={id}>
                    {label}
                  </option>
                ))}
              </select>
            </div>
            <div className="sm:col-span-2">
              <label htmlFor="wl-status" className="field-label">
                {t("officer.worklist.status")}
              </label>
              <select id="wl-status" name="status" defaultValue={status ?? ""} className="field-input">
                <option value="">{t("officer.worklist.anyStatus")}</option>
                {DOSSIER_STATUSES.map((s) => (
                  <option key={s} value={s}>
                    {t(`status.${s}`)}
                  </option>
                ))}
              </select>
            </div>
            <fieldset className="sm:col-span-2">
              <legend className="field-label">{t("officer.worklist.receivedRange")}</legend>
              <div className="flex flex-wrap items-end gap-3">
                <div>
                  <label htmlFor="wl-from" className="block text-sm">
                    {t("officer.worklist.from")}
                  </label>
                  <input id="wl-from" name="from" type="date" defaultValue={receivedFrom ? filters.from : ""} className="field-input" />
                </div>
                <div>
                  <label htmlFor="wl-to" className="block text-sm">
                    {t("officer.worklist.to")}
                  </label>
                  <input id="wl-to" name="to" type="date" defaultValue={receivedTo ? filters.to : ""} className="field-input" />
                </div>
              </div>
            </fieldset>
            <div className="flex flex-wrap items-end gap-3 sm:col-span-2">
              <button type="submit" className="btn-primary">
                {t("officer.worklist.applyFilters")}
              </button>
              {filtered && (
                <Link href={`/officer/worklist/${view}`} className="py-2">
                  {t("officer.worklist.clear")}
                </Link>
              )}
            </div>
          </div>
        </details>
      </form>

      {loadError ? (
        <Notice tone="error">{loadError}</Notice>
      ) : (
        page && (
          <WorklistResults
            // A new server page (filters changed, or refreshed after a bulk assignment) starts the list over.
            key={JSON.stringify(clientInput)}
            input={clientInput}
            initialPage={page}
            canBulkAssign={canBulkAssign}
            filtered={filtered}
          />
        )
      )}
    </div>
  );
}
