"use client";

import { TRPCClientError } from "@trpc/client";
import { useT } from "~/app/_components/i18n-provider";
import type { TDossierDetail } from "~/server/modules/dossier/schema";

export interface ConflictState {
  status: TDossierDetail["status"];
  /** -1 when the server did not say. */
  version: number;
}

/** The dossier changed since the officer saw it: the server's CONFLICT, with its current state when it sent it. */
export function conflictOf(error: unknown): ConflictState | null {
  if (!(error instanceof TRPCClientError)) return null;
  const data = error.data as { appCode?: string; details?: { current?: { status?: TDossierDetail["status"]; version?: number } } } | undefined;
  if (data?.appCode !== "CONFLICT") return null;
  const current = data.details?.current;
  return current?.status && typeof current.version === "number" ? { status: current.status, version: current.version } : { status: "NEW", version: -1 };
}

export function ConflictNotice({ conflict, onReload }: { conflict: ConflictState; onReload: () => void }) {
  const t = useT();
  return (
    <div role="alert" className="space-y-2 rounded border-l-4 border-brand-700 bg-brand-50 px-4 py-3 text-brand-900">
      <p className="font-semibold">{t("officer.act.conflictTitle")}</p>
      <p>{conflict.version > 0 ? t("officer.act.conflictState", { status: t(`status.${conflict.status}`), version: conflict.version }) : t("errors.CONFLICT")}</p>
      <button type="button" onClick={onReload} className="btn-primary">
        {t("officer.act.reload")}
      </button>
    </div>
  );
}
