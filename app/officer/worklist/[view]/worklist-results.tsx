"use client";

import { useQueries } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useMemo, useRef, useState } from "react";
import { useLocale, useT } from "~/app/_components/i18n-provider";
import { userMessageOf, useTRPC, useTRPCClient, type RouterInputs, type RouterOutputs } from "~/app/_trpc/react";
import { DeadlineBadge, Notice, StatusBadge } from "../../_components/badges";
import { formatDate, formatDateTime, formatTime, pickName } from "../../_lib/format";
import { newIdempotencyKey } from "../../_lib/keys";

type WorklistInput = RouterInputs["dossier"]["worklist"];
type WorklistPage = RouterOutputs["dossier"]["worklist"];
type Item = WorklistPage["items"][number];

/** The worklist input with its dates as ISO strings (a stable React key). */
export type WorklistQueryInput = Omit<WorklistInput, "receivedFrom" | "receivedTo"> & { receivedFrom?: string; receivedTo?: string };

function toInput(q: WorklistQueryInput): WorklistInput {
  const { receivedFrom, receivedTo, ...rest } = q;
  return { ...rest, ...(receivedFrom ? { receivedFrom: new Date(receivedFrom) } : {}), ...(receivedTo ? { receivedTo: new Date(receivedTo) } : {}) };
}

/**
 * The rows of a worklist: a table on wide screens, cards on phones; "load more" follows the
 * server's keyset cursor; leaders (and the desk) select rows and assign them in one go.
 */
export function WorklistResults({
  input,
  initialPage,
  canBulkAssign,
  filtered,
}: {
  input: WorklistQueryInput;
  initialPage: WorklistPage;
  canBulkAssign: boolean;
  filtered: boolean;
}) {
  const t = useT();
  const client = useTRPCClient();
  const [items, setItems] = useState<Item[]>(initialPage.items);
  const [cursor, setCursor] = useState<string | null>(initialPage.nextCursor);
  const [loading, setLoading] = useState(false);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const listRef = useRef<HTMLElement>(null);
  const [focusIndex, setFocusIndex] = useState<number | null>(null);

  // router.refresh() (after a bulk assignment) brings a new first page for the same filters:
  // the list starts over from it.
  const [shownPage, setShownPage] = useState(initialPage);
  if (shownPage !== initialPage) {
    setShownPage(initialPage);
    setItems(initialPage.items);
    setCursor(initialPage.nextCursor);
    setSelected(new Set());
  }

  // After "load more", keyboard and screen-reader users continue at the first new dossier (in
  // whichever of the table or the cards is displayed).
  useEffect(() => {
    if (focusIndex === null) return;
    const links = listRef.current?.querySelectorAll<HTMLAnchorElement>(`a[data-row-index="${focusIndex}"]`) ?? [];
    [...links].find((a) => a.offsetParent !== null)?.focus();
  }, [focusIndex, items.length]);

  async function loadMore() {
    if (!cursor) return;
    setLoading(true);
    setLoadError(null);
    try {
      const next = await client.dossier.worklist.query({ ...toInput(input), cursor });
      setFocusIndex(items.length);
      setItems((prev) => [...prev, ...next.items.filter((n) => !prev.some((p) => p.id === n.id))]);
      setCursor(next.nextCursor);
    } catch (error) {
      setLoadError(userMessageOf(error) ?? t("officer.worklist.loadFailed"));
    } finally {
      setLoading(false);
    }
  }

  const toggle = (id: string) =>
    setSelected((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const allSelected = items.length > 0 && items.every((i) => selected.has(i.id));
  const toggleAll = () => setSelected(allSelected ? new Set() : new Set(items.map((i) => i.id)));

  if (items.length === 0) {
    return <Notice>{filtered ? t("officer.worklist.emptyFiltered") : t("officer.worklist.empty")}</Notice>;
  }

  return (
    <section ref={listRef} aria-labelledby="wl-results-title" className="space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="wl-results-title" className="text-lg font-semibold">
          {t("officer.worklist.results")}
        </h2>
        <p role="status" className="text-ink-600">
          {cursor ? t("officer.worklist.shownMore", { count: items.length }) : t("officer.worklist.shownAll", { count: items.length })}
        </p>
      </div>

      {canBulkAssign && (
        <BulkAssignBar
          selectedItems={items.filter((i) => selected.has(i.id))}
          onClear={() => setSelected(new Set())}
        />
      )}

      {/* Wide screens: a table. */}
      <div className="hidden overflow-x-auto rounded-lg border border-line bg-white lg:block" tabIndex={0} role="region" aria-label={t("officer.worklist.tableCaption")}>
        <table className="w-full border-collapse text-left text-sm" data-testid="worklist-table">
          <caption className="sr-only">{t("officer.worklist.tableCaption")}</caption>
          <thead className="bg-paper">
            <tr>
              {canBulkAssign && (
                <th scope="col" className="w-8 px-2 py-2">
                  <input
                    type="checkbox"
                    checked={allSelected}
                    onChange={toggleAll}
                    aria-label={t("officer.worklist.selectAll")}
                    className="h-5 w-5 accent-brand-700"
                  />
                </th>
              )}
              <th scope="col" className="px-2 py-2">{t("officer.worklist.colCode")}</th>
              <th scope="col" className="px-2 py-2">{t("officer.worklist.colProcedure")}</th>
              <th scope="col" className="px-2 py-2">{t("officer.worklist.colApplicant")}</th>
              <th scope="col" className="px-2 py-2">{t("officer.worklist.colStatus")}</th>
              <th scope="col" className="px-2 py-2">{t("officer.worklist.colStep")}</th>
              <th scope="col" className="px-2 py-2">{t("officer.worklist.colAssignee")}</th>
              <th scope="col" className="px-2 py-2">{t("officer.worklist.colReceived")}</th>
              <th scope="col" className="px-2 py-2">{t("officer.worklist.colDue")}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((item, index) => (
              <TableRow
                key={item.id}
                item={item}
                selectable={canBulkAssign}
                selected={selected.has(item.id)}
                onToggle={() => toggle(item.id)}
                index={index}
              />
            ))}
          </tbody>
        </table>
      </div>

      {/* Phones: cards. */}
      <ul className="grid gap-3 sm:grid-cols-2 lg:hidden" data-testid="worklist-cards">
        {items.map((item, index) => (
          <Card
            key={item.id}
            item={item}
            selectable={canBulkAssign}
            selected={selected.has(item.id)}
            onToggle={() => toggle(item.id)}
            index={index}
          />
        ))}
      </ul>

      {loadError && <Notice tone="error">{loadError}</Notice>}
      {cursor && (
        <div className="flex justify-center">
          <button type="button" onClick={loadMore} disabled={loading} aria-busy={loading || undefined} className="btn-primary">
            {loading ? t("officer.worklist.loading") : t("officer.worklist.loadMore")}
          </button>
        </div>
      )}
    </section>
  );
}

interface RowProps {
  item: Item;
  selectable: boolean;
  selected: boolean;
  onToggle: () => void;
  index: number;
}

function TableRow({ item, selectable, selected, onToggle, index }: RowProps) {
  const t = useT();
  const locale = useLocale();
  return (
    <tr className={`border-t border-line align-top ${selected ? "bg-gold-100" : ""}`} data-dossier-code={item.code}>
      {selectable && (
        <td className="px-2 py-2">
          <input
            type="checkbox"
            checked={selected}
            onChange={onToggle}
            aria-label={t("officer.worklist.selectDossier", { code: item.code })}
            className="h-5 w-5 accent-brand-700"
          />
        </td>
      )}
      <td className="px-2 py-2 font-semibold whitespace-nowrap">
        <Link data-row-index={index} href={`/officer/dossiers/${item.id}`}>
          {item.code}
        </Link>
      </td>
      <td className="min-w-[9rem] px-2 py-2">
        <span className="block text-xs text-ink-600">{item.procedureCode}</span>
        <span className="line-clamp-2" title={pickName(locale, item.procedureNameVi, item.procedureNameEn)}>{pickName(locale, item.procedureNameVi, item.procedureNameEn)}</span>
      </td>
      <td className="min-w-[8rem] px-2 py-2">{item.applicantName}</td>
      <td className="min-w-[7.5rem] px-2 py-2">
        <StatusBadge status={item.status} t={t} />
      </td>
      <td className="min-w-[6rem] px-2 py-2">{item.currentStepNameVi ? pickName(locale, item.currentStepNameVi, item.currentStepNameEn) : "—"}</td>
      <td className="min-w-[6rem] px-2 py-2">{item.assigneeName ?? <span className="text-ink-600">{t("officer.worklist.unassigned")}</span>}</td>
      <td className="px-2 py-2 whitespace-nowrap">{formatDate(item.receivedAt)}</td>
      <td className="px-2 py-2">
        <span className="block whitespace-nowrap">{formatDate(item.dueAt)}</span>
        {item.dueAt && <span className="block text-xs text-ink-600">{formatTime(item.dueAt)}</span>}
        <DeadlineBadge overdue={item.overdue} dueSoon={item.dueSoon} t={t} />
      </td>
    </tr>
  );
}

function Card({ item, selectable, selected, onToggle, index }: RowProps) {
  const t = useT();
  const locale = useLocale();
  return (
    <li className={`card space-y-2 ${selected ? "ring-2 ring-gold-500" : ""}`} data-dossier-code={item.code}>
      <div className="flex items-start justify-between gap-2">
        <Link data-row-index={index} href={`/officer/dossiers/${item.id}`} className="font-mono font-semibold break-all">
          {item.code}
        </Link>
        {selectable && (
          <input
            type="checkbox"
            checked={selected}
            onChange={onToggle}
            aria-label={t("officer.worklist.selectDossier", { code: item.code })}
            className="h-6 w-6 shrink-0 accent-brand-700"
          />
        )}
      </div>
      <p className="text-sm">{pickName(locale, item.procedureNameVi, item.procedureNameEn)}</p>
      <div className="flex flex-wrap gap-2">
        <StatusBadge status={item.status} t={t} />
        <DeadlineBadge overdue={item.overdue} dueSoon={item.dueSoon} t={t} />
      </div>
      <dl className="grid grid-cols-[auto_1fr] gap-x-3 text-sm">
        <dt className="text-ink-600">{t("officer.worklist.colApplicant")}</dt>
        <dd>{item.applicantName}</dd>
        <dt className="text-ink-600">{t("officer.worklist.colStep")}</dt>
        <dd>{item.currentStepNameVi ? pickName(locale, item.currentStepNameVi, item.currentStepNameEn) : "—"}</dd>
        <dt className="text-ink-600">{t("officer.worklist.colAssignee")}</dt>
        <dd>{item.assigneeName ?? t("officer.worklist.unassigned")}</dd>
        <dt className="text-ink-600">{t("officer.worklist.colReceived")}</dt>
        <dd>{formatDate(item.receivedAt)}</dd>
        <dt className="text-ink-600">{t("officer.worklist.colDue")}</dt>
        <dd>{formatDateTime(item.dueAt)}</dd>
      </dl>
    </li>
  );
}

/**
 * Assign the selected dossiers to one officer. The choice offers the officers who may hold every
 * selected dossier's current step (asked once per procedure and step); the server checks each
 * dossier again and reports the ones it refused.
 */
function BulkAssignBar({ selectedItems, onClear }: { selectedItems: Item[]; onClear: () => void }) {
  const t = useT();
  const trpc = useTRPC();
  const client = useTRPCClient();
  const router = useRouter();
  const [assigneeId, setAssigneeId] = useState("");
  const [pending, setPending] = useState(false);
  const [outcome, setOutcome] = useState<{ ok: number; failed: { code: string; message: string }[] } | null>(null);
  const [error, setError] = useState<string | null>(null);
  // One key per selection: a retried request after a lost answer assigns nothing twice.
  const selectionKey = selectedItems.map((i) => `${i.id}@${i.version}`).join(",");
  const idempotencyKey = useMemo(() => (selectionKey ? newIdempotencyKey() : ""), [selectionKey]);

  const representatives = useMemo(() => {
    const byStep = new Map<string, Item>();
    for (const item of selectedItems) {
      const k = `${item.procedureId}:${item.currentStepOrder}`;
      if (!byStep.has(k)) byStep.set(k, item);
    }
    return [...byStep.values()];
  }, [selectedItems]);

  const assigneeQueries = useQueries({
    queries: representatives.map((item) => trpc.dossier.assignees.queryOptions({ dossierId: item.id })),
  });
  const loadingAssignees = assigneeQueries.some((q) => q.isPending);
  const candidates = useMemo(() => {
    if (assigneeQueries.length === 0 || assigneeQueries.some((q) => !q.data)) return [];
    const [first, ...rest] = assigneeQueries.map((q) => q.data!);
    return first!.filter((a) => rest.every((list) => list.some((b) => b.id === a.id)));
  }, [assigneeQueries]);

  // A choice that no longer fits the selection is no choice.
  const chosen = candidates.some((c) => c.id === assigneeId) ? assigneeId : "";

  if (selectedItems.length === 0 && !outcome) return null;

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    if (!chosen) return;
    setPending(true);
    setError(null);
    setOutcome(null);
    try {
      const result = await client.dossier.bulkAssign.mutate({
        items: selectedItems.map((i) => ({ dossierId: i.id, expectedVersion: i.version })),
        assigneeId: chosen,
        idempotencyKey,
        deviceAt: new Date(),
      });
      const codeOf = new Map(selectedItems.map((i) => [i.id, i.code]));
      setOutcome({
        ok: result.results.filter((r) => r.ok).length,
        failed: result.results.flatMap((r) =>
          r.ok ? [] : [{ code: codeOf.get(r.dossierId) ?? r.dossierId, message: errorText(t, r.error.code) }],
        ),
      });
      onClear();
      router.refresh();
    } catch (err) {
      setError(userMessageOf(err) ?? t("errors.INTERNAL"));
    } finally {
      setPending(false);
    }
  }

  return (
    <div className="space-y-2">
      {selectedItems.length > 0 && (
        <form
          onSubmit={submit}
          aria-label={t("officer.bulk.formLabel")}
          className="flex flex-wrap items-end gap-3 rounded border-2 border-gold-500 bg-gold-100 p-3"
        >
          <p className="font-semibold" role="status">
            {t("officer.bulk.selected", { count: selectedItems.length })}
          </p>
          <div>
            <label htmlFor="bulk-assignee" className="field-label">
              {t("officer.bulk.assignee")}
            </label>
            <select
              id="bulk-assignee"
              value={chosen}
              onChange={(e) => setAssigneeId(e.target.value)}
              required
              disabled={loadingAssignees}
              className="field-input min-w-56"
            >
              <option value="">{loadingAssignees ? t("officer.bulk.loadingAssignees") : t("officer.bulk.chooseAssignee")}</option>
              {candidates.map((a) => (
                <option key={a.id} value={a.id}>
                  {t("officer.assignee.option", { name: a.name, count: a.openCount })}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="btn-primary" disabled={pending || !chosen} aria-busy={pending || undefined}>
            {pending ? t("officer.bulk.assigning") : t("officer.bulk.assign")}
          </button>
          <button type="button" onClick={onClear} className="rounded border-2 border-ink-600 bg-white px-3 py-2 font-semibold">
            {t("officer.bulk.clear")}
          </button>
          {!loadingAssignees && candidates.length === 0 && <p className="w-full text-sm">{t("officer.bulk.noCommonAssignee")}</p>}
        </form>
      )}
      {error && <Notice tone="error">{error}</Notice>}
      {outcome && (
        <Notice tone={outcome.failed.length ? "error" : "success"}>
          <p>{t("officer.bulk.done", { count: outcome.ok })}</p>
          {outcome.failed.length > 0 && (
            <>
              <p>{t("officer.bulk.failed", { count: outcome.failed.length })}</p>
              <ul className="list-disc pl-6">
                {outcome.failed.map((f) => (
                  <li key={f.code}>
                    <span className="font-mono">{f.code}</span>: {f.message}
                  </li>
                ))}
              </ul>
            </>
          )}
        </Notice>
      )}
    </div>
  );
}

function errorText(t: ReturnType<typeof useT>, code: string): string {
  switch (code) {
    case "NOT_FOUND":
    case "FORBIDDEN":
    case "CONFLICT":
    case "VALIDATION":
    case "INVALID_TRANSITION":
    case "RATE_LIMITED":
    case "UNAUTHENTICATED":
      return t(`errors.${code}`);
    default:
      return t("errors.INTERNAL");
  }
}
