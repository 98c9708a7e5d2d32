"use client";

// Counter intake offline: the workspace's intake form, with the agencies and procedures this device cached.
import { useMemo } from "react";
import { useLocale, useT } from "~/app/_components/i18n-provider";
import { deskAgencyIds, useCachedDeskPickers, useCachedMe, useSeedProcedurePickers } from "~/app/_offline/use-cached";
import { Notice } from "../_components/badges";
import { IntakeForm } from "../_components/intake/intake-form";
import { pickName } from "../_lib/format";

export function OfflineIntake() {
  const t = useT();
  const locale = useLocale();
  const me = useCachedMe();
  const pickers = useCachedDeskPickers(me);
  useSeedProcedurePickers(pickers);
  const desks = useMemo(
    () =>
      deskAgencyIds(me).map((id) => {
        const m = me!.memberships.find((x) => x.agencyId === id)!;
        return { id, name: pickName(locale, m.agencyNameVi, m.agencyNameEn) };
      }),
    [me, locale],
  );

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
