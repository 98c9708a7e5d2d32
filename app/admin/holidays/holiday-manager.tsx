"use client";

// The year's days off and swapped working days, with add, remove and a CSV import (preview, then
// confirm): one component per action, sharing one status (busy, the last notice or refusal).
import { useRouter } from "next/navigation";
import { useReducer } from "react";
import { useT } from "~/app/_components/i18n-provider";
import type { RouterOutputs } from "~/app/_trpc/react";
import { callError, StatusLine, type CallError } from "../_components/ui";
import { AddHolidayForm } from "./add-holiday-form";
import { CsvImport } from "./csv-import";
import { HolidayTable } from "./holiday-table";
import { idleStatus, statusReducer, type RunAction } from "./holiday-state";

type Day = RouterOutputs["admin"]["holiday"]["list"][number];

export function HolidayManager({ year, agencyId, days, canEdit }: { year: number; agencyId: string | null; days: Day[]; canEdit: boolean }) {
  const t = useT();
  const router = useRouter();
  const [status, dispatch] = useReducer(statusReducer, idleStatus);

  const run: RunAction = async (call, notice) => {
    dispatch({ type: "started" });
    try {
      const result = await call();
      dispatch({ type: "succeeded", notice: notice ? notice(result) : null });
      if (notice) router.refresh();
      return result;
    } catch (e) {
      dispatch({ type: "refused", error: callError(e, t) });
      return null;
    }
  };
  const refuse = (error: CallError) => dispatch({ type: "refused", error });

  return (
    <div className="space-y-6">
      <div aria-live="polite">
        {status.notice && <StatusLine kind="ok">{status.notice}</StatusLine>}
        {status.error && <StatusLine kind="error">{Object.values(status.error.fields)[0] ?? status.error.message}</StatusLine>}
      </div>
      <HolidayTable year={year} days={days} canEdit={canEdit} busy={status.busy} run={run} />
      {canEdit && (
        <>
          <AddHolidayForm year={year} agencyId={agencyId} fields={status.error?.fields ?? {}} busy={status.busy} run={run} refuse={refuse} />
          <CsvImport year={year} agencyId={agencyId} busy={status.busy} run={run} />
        </>
      )}
    </div>
  );
}
