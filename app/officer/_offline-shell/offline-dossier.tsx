"use client";

// A dossier offline: the workspace's dossier view fed by the device's copy, with the actions waiting
// in the outbox applied as a preview (and listed first in its timeline).
import { useState } from "react";
import { useLocale, useT } from "~/app/_components/i18n-provider";
import { useCachedAttachmentUrls, useCachedDossier } from "~/app/_offline/use-cached";
import { Notice } from "../_components/badges";
import { DossierView } from "../_components/dossier/dossier-view";
import type { FileLinkOf } from "../_components/dossier/types";
import { formatDateTime } from "../_lib/format";

export function OfflineDossier({ dossierId }: { dossierId: string }) {
  const t = useT();
  const locale = useLocale();
  const { cached, preview } = useCachedDossier(dossierId);
  const files = useCachedAttachmentUrls(dossierId);
  const [now] = useState(() => new Date());

  if (cached === undefined) return <p>{t("officer.offline.loading")}</p>;
  if (!cached || !preview) return <Notice>{t("officer.offline.dossierNotCached")}</Notice>;
  const d = preview.detail;
  // Files open from the device when it holds them; the others only online.
  const fileLink: FileLinkOf = (a) => (files[a.id] ? { href: files[a.id]!, download: a.fileName } : null);

  return (
    <div className="space-y-6" data-testid="offline-dossier" data-version={d.version}>
      <DossierView
        dossier={d}
        t={t}
        locale={locale}
        now={now}
        fileLink={fileLink}
        badgesNote={<span className="text-sm text-ink-600">{t("officer.offline.copyOf", { at: formatDateTime(cached.syncedAt) })}</span>}
        notice={preview.pending.length > 0 && <Notice>{t("officer.offline.pendingOnDossier", { count: preview.pending.length })}</Notice>}
        pending={preview.pending}
      />
    </div>
  );
}
