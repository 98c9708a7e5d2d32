"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { useT } from "~/app/_components/i18n-provider";
import { useTRPCClient } from "~/app/_trpc/react";
import { BUTTON_SECONDARY, callError, Field, StatusLine, type CallError } from "../../_components/ui";
import { AgencyChecklist, LevelSelect, SectorSelect, type ProcedureLevel as Level } from "../_components/identity-fields";

/** Not content (so not versioned): sector, level, whether it is offered, and by which agencies. */
export function ProcedureSettingsForm({
  procedure,
  sectors,
  agencies,
}: {
  procedure: { id: string; sectorId: string; level: Level; active: boolean; agencyIds: string[] };
  sectors: { id: string; name: string }[];
  agencies: { id: string; name: string }[];
}) {
  const t = useT();
  const client = useTRPCClient();
  const router = useRouter();
  const [sectorId, setSectorId] = useState(procedure.sectorId);
  const [level, setLevel] = useState<Level>(procedure.level);
  const [active, setActive] = useState(procedure.active);
  const [agencyIds, setAgencyIds] = useState(procedure.agencyIds);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<CallError | null>(null);
  const [saved, setSaved] = useState(false);

  return (
    <form
      className="card space-y-3"
      aria-labelledby="settings-title"
      onSubmit={async (e) => {
        e.preventDefault();
        setPending(true);
        setError(null);
        setSaved(false);
        try {
          await client.admin.procedure.updateSettings.mutate({ procedureId: procedure.id, sectorId, level, active, agencyIds });
          setSaved(true);
          router.refresh();
        } catch (err) {
          setError(callError(err, t));
        } finally {
          setPending(false);
        }
      }}
    >
      <h2 id="settings-title" className="text-xl text-brand-800">
        {t("admin.procedures.settings")}
      </h2>
      {error && <StatusLine kind="error">{error.message}</StatusLine>}
      {saved && <StatusLine kind="ok">{t("admin.common.saved")}</StatusLine>}
      <div className="grid gap-x-4 sm:grid-cols-2">
        <Field id="s-sector" label={t("admin.procedures.sector")}>
          <SectorSelect id="s-sector" sectors={sectors} value={sectorId} onChange={setSectorId} />
        </Field>
        <Field id="s-level" label={t("admin.procedures.level")}>
          <LevelSelect id="s-level" value={level} onChange={setLevel} />
        </Field>
      </div>
      <label className="flex items-center gap-2">
        <input type="checkbox" checked={active} onChange={(e) => setActive(e.target.checked)} className="h-5 w-5" />
        {t("admin.procedures.active")}
      </label>
      <AgencyChecklist agencies={agencies} value={agencyIds} onChange={setAgencyIds} />
      <button type="submit" className={BUTTON_SECONDARY} disabled={pending}>
        {pending ? t("admin.common.saving") : t("admin.procedures.saveSettings")}
      </button>
    </form>
  );
}
