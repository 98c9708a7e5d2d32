"use client";

import { useQueries } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useMemo, useState } from "react";
import { useT } from "~/app/_components/i18n-provider";
import { userMessageOf, useTRPC, useTRPCClient } from "~/app/_trpc/react";
import type { TWorklistItem } from "~/server/modules/dossier/schema";
import { Notice } from "../../_components/badges";
import { newIdempotencyKey } from "../../_lib/keys";

type Item = TWorklistItem;

/**
 * Assign the selected dossiers to one officer. The choice offers the officers who may hold every
 * selected dossier's current step (asked once per procedure and step); the server checks each
 * dossier again and reports the ones it refused.
 */
export function BulkAssignBar({ selectedItems, onClear }: { selectedItems: Item[]; onClear: () => void }) {
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
