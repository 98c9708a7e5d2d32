"use client";

import { useEffect, useRef, useState } from "react";
import { useT } from "~/app/_components/i18n-provider";
import { userMessageOf, useTRPCClient, type RouterInputs, type RouterOutputs } from "~/app/_trpc/react";
import { Notice } from "../../_components/badges";
import { WorklistItems } from "../../_components/worklist/worklist-items";
import { BulkAssignBar } from "./bulk-assign-bar";

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
 * The rows of a live worklist (app/officer/_components/worklist shows them); "load more" follows
 * the server's keyset cursor; leaders (and the desk) select rows and assign them in one go.
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

      <WorklistItems items={items} selection={canBulkAssign ? { selected, toggle, toggleAll } : undefined} />

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
