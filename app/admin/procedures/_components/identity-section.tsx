"use client";

// A new procedure's identity: code, sector, level and the agencies that offer it.
import type { Dispatch } from "react";
import { useT } from "~/app/_components/i18n-provider";
import { Field } from "../../_components/ui";
import { AgencyChecklist, LevelSelect, SectorSelect } from "./identity-fields";
import { SECTION } from "./editor-layout";
import type { EditorAction, EditorErrors, EditorIdentity, EditorTarget } from "./editor-state";

export function IdentitySection({
  identity,
  target,
  errors,
  dispatch,
}: {
  identity: EditorIdentity;
  target: EditorTarget;
  errors: EditorErrors;
  dispatch: Dispatch<EditorAction>;
}) {
  const t = useT();
  const set = (patch: Partial<EditorIdentity>) => dispatch({ type: "identity", patch });
  return (
    <section className={SECTION} aria-labelledby="identity-title">
      <h2 id="identity-title" className="text-xl text-brand-800">
        {t("admin.procedures.identity")}
      </h2>
      <div className="grid gap-x-4 sm:grid-cols-3">
        <Field id="p-code" label={t("admin.procedures.code")} hint={t("admin.procedures.codeHint")} error={errors.fields.code}>
          <input id="p-code" value={identity.code} onChange={(e) => set({ code: e.target.value })} className="field-input font-mono" required />
        </Field>
        <Field id="p-sector" label={t("admin.procedures.sector")} error={errors.fields.sectorId}>
          <SectorSelect id="p-sector" sectors={target.sectors} value={identity.sectorId} onChange={(sectorId) => set({ sectorId })} />
        </Field>
        <Field id="p-level" label={t("admin.procedures.level")}>
          <LevelSelect id="p-level" value={identity.level} onChange={(level) => set({ level })} />
        </Field>
      </div>
      <AgencyChecklist agencies={target.agencies} value={identity.agencyIds} onChange={(agencyIds) => set({ agencyIds })} />
    </section>
  );
}
