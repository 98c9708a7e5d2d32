"use client";

import { useQuery } from "@tanstack/react-query";
import { useT } from "~/app/_components/i18n-provider";
import { useTRPC } from "~/app/_trpc/react";
import { useActionField } from "./use-action-field";

/** ASSIGN, FORWARD, APPROVE: who holds the step (the officers who may, with their open dossiers). */
export function AssigneeField({ dossierId, stepOrder, required, label }: { dossierId: string; stepOrder: number | null; required: boolean; label: string }) {
  const t = useT();
  const trpc = useTRPC();
  const { register, invalid } = useActionField();
  const query = useQuery(trpc.dossier.assignees.queryOptions({ dossierId, ...(stepOrder !== null ? { stepOrder } : {}) }));
  return (
    <div>
      <label htmlFor="act-assignee" className="field-label">
        {label}
        {!required && <span className="font-normal text-ink-600"> ({t("officer.act.optional")})</span>}
      </label>
      <select id="act-assignee" required={required} disabled={query.isPending} aria-invalid={invalid("assigneeId")} className="field-input" {...register("assigneeId")}>
        <option value="">
          {query.isPending ? t("officer.bulk.loadingAssignees") : required ? t("officer.bulk.chooseAssignee") : t("officer.act.noAssignee")}
        </option>
        {query.data?.map((a) => (
          <option key={a.id} value={a.id}>
            {t("officer.assignee.option", { name: a.name, count: a.openCount })}
          </option>
        ))}
      </select>
      {query.isError && <p className="mt-1 text-sm text-brand-700">{t("officer.act.assigneesFailed")}</p>}
      {query.data && query.data.length === 0 && <p className="mt-1 text-sm">{t("officer.act.noAssignees")}</p>}
    </div>
  );
}
