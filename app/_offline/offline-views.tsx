"use client";

// The workspace read from the device: worklists and dossiers as last synced, with the actions
// waiting in the outbox applied as a preview. Rendered by the offline shell (app/officer-shell),
// which the service worker serves for /officer pages when the server is unreachable.
import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useMemo, useState } from "react";
import { useLocale, useT } from "~/app/_components/i18n-provider";
import { useTRPC } from "~/app/_trpc/react";
import { DeadlineBadge, Notice, StatusBadge } from "~/app/officer/_components/badges";
import { formatBytes, formatDateTime, formatDateTimeSeconds, pickName } from "~/app/officer/_lib/format";
import { ActionPanel } from "~/app/officer/dossiers/[id]/action-panel";
import { FormDataView } from "~/app/officer/dossiers/[id]/form-data";
import { IntakeForm } from "~/app/officer/intake/intake-form";
import type { TPickerProcedure } from "~/server/modules/dossier/schema";
import { applyPending, type OptimisticDossier } from "./optimistic";
import { entriesFor } from "./outbox";
import { useOffline } from "./provider";
import { kvGet, type CachedDossier, type CachedMe, type CachedWorklist } from "./store";

function useCachedMe(): CachedMe | undefined | null {
  const { db, revision } = useOffline();
  const [me, setMe] = useState<CachedMe | undefined | null>(null);
  useEffect(() => {
    if (db) void kvGet(db, "me").then(setMe);
  }, [db, revision]);
  return me;
}

export function OfflineWorklist({ view }: { view: string }) {
  const t = useT();
  const locale = useLocale();
  const { db, revision } = useOffline();
  const [list, setList] = useState<CachedWorklist | null | undefined>(undefined);
  const [views, setViews] = useState<string[]>([]);
  useEffect(() => {
    if (!db) return;
    void db.get("worklists", view).then((l) => setList(l ?? null));
    void db.getAllKeys("worklists").then(setViews);
  }, [db, view, revision]);

  return (
    <div className="space-y-4">
      <nav aria-label={t("officer.nav.worklists")} className="flex flex-wrap gap-2">
        {views.map((v) => (
          <a key={v} href={`/officer/worklist/${v}`} aria-current={v === view ? "page" : undefined} className={`rounded border-2 px-3 py-1 font-semibold no-underline ${v === view ? "border-brand-700 bg-brand-700 text-white" : "border-brand-700"}`}>
            {t(`officer.views.${v as "mine"}`)}
          </a>
        ))}
      </nav>
      {list === undefined ? (
        <p>{t("officer.offline.loading")}</p>
      ) : list === null ? (
        <Notice>{t("officer.offline.viewNotCached")}</Notice>
      ) : (
        <>
          <p className="text-sm text-ink-600">{t("officer.offline.listedAt", { at: formatDateTime(list.syncedAt), count: list.items.length })}</p>
          <ul className="space-y-2" data-testid="offline-worklist">
            {list.items.map((item) => (
              <li key={item.id} className="card flex flex-wrap items-center gap-x-3 gap-y-1" data-testid="offline-worklist-item" data-dossier={item.id}>
                <a href={`/officer/dossiers/${item.id}`} className="font-mono font-semibold">
                  {item.code}
                </a>
                <StatusBadge status={item.status} t={t} />
                <DeadlineBadge overdue={item.overdue} dueSoon={item.dueSoon} t={t} />
                <span>{item.applicantName}</span>
                <span className="text-sm text-ink-600">{pickName(locale, item.procedureNameVi, item.procedureNameEn)}</span>
                {item.dueAt && <span className="text-sm">{t("officer.offline.due", { at: formatDateTime(item.dueAt) })}</span>}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

export function OfflineDossier({ dossierId }: { dossierId: string }) {
  const t = useT();
  const locale = useLocale();
  const { db, revision } = useOffline();
  const me = useCachedMe();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [cached, setCached] = useState<CachedDossier | null | undefined>(undefined);
  const [view, setView] = useState<OptimisticDossier | null>(null);
  const [files, setFiles] = useState<Record<string, string>>({});

  useEffect(() => {
    if (!db || me === null) return;
    let live = true;
    void (async () => {
      const c = (await db.get("dossiers", dossierId)) ?? null;
      const entries = await entriesFor(db, dossierId);
      if (!live) return;
      setCached(c);
      setView(c ? applyPending(c.detail, entries, me) : null);
    })();
    return () => {
      live = false;
    };
  }, [db, dossierId, revision, me]);

  // The assignee pickers of the action forms read React Query: give them the cached lists.
  useEffect(() => {
    if (!cached) return;
    for (const [order, list] of Object.entries(cached.assignees)) {
      queryClient.setQueryData(trpc.dossier.assignees.queryKey({ dossierId, stepOrder: Number(order) }), list as never);
    }
  }, [cached, dossierId, queryClient, trpc]);

  // Cached attachments open from the device.
  useEffect(() => {
    if (!db) return;
    const urls: string[] = [];
    void db.getAllFromIndex("attachments", "byDossier", dossierId).then((list) => {
      const map: Record<string, string> = {};
      for (const a of list) {
        const url = URL.createObjectURL(a.blob);
        urls.push(url);
        map[a.id] = url;
      }
      setFiles(map);
    });
    return () => urls.forEach((u) => URL.revokeObjectURL(u));
  }, [db, dossierId, revision]);

  const stepName = useMemo(() => {
    const steps = view?.detail.procedure.steps ?? [];
    return (order: number | null) => {
      const s = steps.find((x) => x.order === order);
      return s ? pickName(locale, s.nameVi, s.nameEn) : "";
    };
  }, [view, locale]);

  if (cached === undefined) return <p>{t("officer.offline.loading")}</p>;
  if (!cached || !view) return <Notice>{t("officer.offline.dossierNotCached")}</Notice>;
  const d = view.detail;

  return (
    <div className="space-y-6" data-testid="offline-dossier" data-version={d.version}>
      <header className="space-y-2">
        <p className="text-sm text-ink-600">{t("officer.dossier.codeLabel")}</p>
        <h1 className="font-mono text-2xl break-all text-brand-800" data-testid="dossier-code">
          {d.code}
        </h1>
        <p className="text-lg">
          <span className="text-ink-600">{d.procedure.code}</span> · {pickName(locale, d.procedure.nameVi, d.procedure.nameEn)}
        </p>
        <div className="flex flex-wrap items-center gap-2">
          <StatusBadge status={d.status} t={t} />
          <DeadlineBadge overdue={d.overdue} dueSoon={d.dueSoon} t={t} />
          <span className="text-sm text-ink-600">{t("officer.offline.copyOf", { at: formatDateTime(cached.syncedAt) })}</span>
        </div>
        {view.pending.length > 0 && <Notice>{t("officer.offline.pendingOnDossier", { count: view.pending.length })}</Notice>}
      </header>

      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <div className="order-2 min-w-0 space-y-6 lg:order-1">
          <section className="card space-y-2" aria-labelledby="off-applicant">
            <h2 id="off-applicant" className="text-lg font-bold text-brand-800">
              {t("officer.dossier.applicant")}
            </h2>
            <dl className="grid gap-x-4 gap-y-1 sm:grid-cols-[minmax(9rem,14rem)_1fr]">
              <dt className="text-ink-600">{t("officer.applicant.name")}</dt>
              <dd>{d.applicant.name}</dd>
              <dt className="text-ink-600">{t("officer.applicant.idNumber")}</dt>
              <dd>{d.applicant.idNumber ?? "—"}</dd>
              <dt className="text-ink-600">{t("officer.applicant.phone")}</dt>
              <dd>{d.applicant.phone ?? "—"}</dd>
              <dt className="text-ink-600">{t("officer.applicant.email")}</dt>
              <dd>{d.applicant.email ?? "—"}</dd>
              <dt className="text-ink-600">{t("officer.applicant.address")}</dt>
              <dd>{d.applicant.address ?? "—"}</dd>
              {d.applicant.organisationName && (
                <>
                  <dt className="text-ink-600">{t("officer.applicant.organisation")}</dt>
                  <dd>{d.applicant.organisationName}</dd>
                </>
              )}
            </dl>
          </section>
          <section className="card space-y-2" aria-labelledby="off-form">
            <h2 id="off-form" className="text-lg font-bold text-brand-800">
              {t("officer.dossier.formData")}
            </h2>
            <FormDataView formSchema={d.procedure.formSchema} formData={d.formData as Record<string, unknown>} locale={locale} t={t} />
          </section>
          <section className="card space-y-2" aria-labelledby="off-docs">
            <h2 id="off-docs" className="text-lg font-bold text-brand-800">
              {t("officer.dossier.documents")}
            </h2>
            {d.attachments.length === 0 ? (
              <p className="text-ink-600">—</p>
            ) : (
              <ul className="space-y-1 text-sm" data-testid="offline-attachments">
                {d.attachments.map((f) => (
                  <li key={f.id}>
                    {files[f.id] ? (
                      <a href={files[f.id]} target="_blank" rel="noopener" download={f.fileName} className="font-semibold" data-cached="true">
                        {f.fileName}
                      </a>
                    ) : (
                      <span className="font-semibold">{f.fileName}</span>
                    )}{" "}
                    <span className="text-ink-600">
                      ({formatBytes(f.sizeBytes, locale)}
                      {files[f.id] ? "" : ` · ${t("officer.offline.fileOnlineOnly")}`})
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </section>
        </div>
        <aside className="order-1 space-y-6 lg:order-2">
          <section className="card space-y-3" aria-labelledby="off-actions">
            <h2 id="off-actions" className="text-lg font-bold text-brand-800">
              {t("officer.dossier.actions")}
            </h2>
            {d.canAct ? (
              <ActionPanel
                dossier={{
                  id: d.id,
                  code: d.code,
                  version: d.version,
                  status: d.status,
                  dueAt: d.dueAt,
                  resultDelivery: d.resultDelivery,
                  currentStepOrder: d.currentStep?.order ?? null,
                  steps: d.procedure.steps.map((s) => ({ order: s.order, nameVi: s.nameVi, nameEn: s.nameEn })),
                  actions: d.availableActions,
                }}
              />
            ) : (
              <p className="text-ink-600">{t("officer.dossier.readOnly")}</p>
            )}
          </section>
          <section className="card space-y-1" aria-labelledby="off-deadlines">
            <h2 id="off-deadlines" className="text-lg font-bold text-brand-800">
              {t("officer.dossier.deadlines")}
            </h2>
            <p>{t("officer.deadline.current")}: <strong>{formatDateTime(d.dueAt)}</strong></p>
            {d.currentStep && <p>{t("officer.deadline.currentStep")}: {pickName(locale, d.currentStep.nameVi, d.currentStep.nameEn)}</p>}
            <p>{t("officer.deadline.assignee")}: {d.assignee?.name || (d.assignee ? "…" : t("officer.worklist.unassigned"))}</p>
          </section>
        </aside>
      </div>

      <section className="card space-y-3" aria-labelledby="off-timeline">
        <h2 id="off-timeline" className="text-lg font-bold text-brand-800">
          {t("officer.dossier.timeline")}
        </h2>
        <ol className="space-y-3 border-l-2 border-line pl-4" data-testid="timeline">
          {[...view.pending].reverse().map((p) => (
            <li key={`p-${p.seq}`} data-testid="pending-event">
              <p className="font-semibold">
                {t(`officer.events.${p.action}`)} · <span className="text-gold-800">{t(`officer.offline.states.${p.state}`)}</span>
              </p>
              <p className="text-sm text-ink-600">{t("officer.timeline.deviceAt", { at: formatDateTimeSeconds(p.deviceAt) })}</p>
              {p.refusedLocally && <p className="text-sm text-brand-700">{t("officer.offline.likelyRefused")}</p>}
              {p.note && <p className="rounded bg-paper px-2 py-1 text-sm whitespace-pre-line">{p.note}</p>}
            </li>
          ))}
          {[...d.events].reverse().map((e) => (
            <li key={e.id}>
              <p className="font-semibold">{t(`officer.events.${e.action}`)}</p>
              <p className="text-sm">{e.actorName ?? t("officer.timeline.system")}</p>
              <p className="text-sm text-ink-600">
                {t("officer.timeline.serverAt", { at: formatDateTimeSeconds(e.serverAt) })}
                {e.deviceAt && e.deviceAt.getTime() !== e.serverAt.getTime() && ` · ${t("officer.timeline.deviceAt", { at: formatDateTimeSeconds(e.deviceAt) })}`}
              </p>
              {e.toStepOrder !== e.fromStepOrder && e.toStepOrder !== null && <p className="text-sm">{t("officer.timeline.toStep", { step: stepName(e.toStepOrder) })}</p>}
              {e.note && <p className="rounded bg-paper px-2 py-1 text-sm whitespace-pre-line">{e.note}</p>}
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}

/** Counter intake offline: the usual form, with the agencies and procedures this device cached. */
export function OfflineIntake() {
  const t = useT();
  const locale = useLocale();
  const { db, revision } = useOffline();
  const me = useCachedMe();
  const [pickers, setPickers] = useState<Record<string, TPickerProcedure[]> | null>(null);
  const desks = useMemo(() => {
    const byId = new Map<string, string>();
    for (const m of me?.memberships ?? []) if (m.role === "RECEPTION_OFFICER") byId.set(m.agencyId, pickName(locale, m.agencyNameVi, m.agencyNameEn));
    return [...byId].map(([id, name]) => ({ id, name }));
  }, [me, locale]);

  useEffect(() => {
    if (!db || desks.length === 0) return;
    void Promise.all(desks.map(async (a) => [a.id, ((await kvGet(db, `picker:${a.id}`)) ?? []) as TPickerProcedure[]] as const)).then((pairs) =>
      setPickers(Object.fromEntries(pairs)),
    );
  }, [db, desks, revision]);

  const trpc = useTRPC();
  const queryClient = useQueryClient();
  useEffect(() => {
    for (const [agencyId, list] of Object.entries(pickers ?? {})) {
      queryClient.setQueryData(trpc.dossier.procedurePicker.queryKey({ agencyId }), list as never);
    }
  }, [pickers, queryClient, trpc]);

  if (me === null || (desks.length > 0 && !pickers)) return <p>{t("officer.offline.loading")}</p>;
  if (desks.length === 0) return <Notice>{t("officer.intake.notDesk")}</Notice>;
  return (
    <div className="space-y-4">
      <h1 className="text-2xl text-brand-800">{t("officer.intake.title")}</h1>
      <p className="text-ink-600">{t("officer.offline.intakeLead")}</p>
      <IntakeForm agencies={desks} initialAgencyId={desks[0]!.id} initialProcedures={pickers?.[desks[0]!.id] ?? null} />
    </div>
  );
}
