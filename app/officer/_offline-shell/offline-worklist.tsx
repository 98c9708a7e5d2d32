"use client";

// A worklist offline: the workspace's worklist rows fed by the device's copy of the view.
import { useT } from "~/app/_components/i18n-provider";
import { useCachedWorklist } from "~/app/_offline/use-cached";
import { Notice } from "../_components/badges";
import { WorklistItems } from "../_components/worklist/worklist-items";
import { formatDateTime } from "../_lib/format";

export function OfflineWorklist({ view }: { view: string }) {
  const t = useT();
  const { list, views } = useCachedWorklist(view);

  return (
    <div className="space-y-4">
      <nav aria-label={t("officer.nav.worklists")} className="flex flex-wrap gap-2">
        {views.map((v) => (
          <a key={v} href={`/officer/worklist/${v}`} aria-current={v === view ? "page" : undefined} className={`rounded border-2 px-3 py-1 font-semibold no-underline ${v === view ? "border-brand-700 bg-brand-700 text-white" : "border-brand-700"}`}>
            {t(`officer.views.${v as "mine"}`)}
          </a>
        ))}
      </nav>
      {list === undefined ? (
        <p>{t("officer.offline.loading")}</p>
      ) : list === null ? (
        <Notice>{t("officer.offline.viewNotCached")}</Notice>
      ) : (
        <>
          <p className="text-sm text-ink-600">{t("officer.offline.listedAt", { at: formatDateTime(list.syncedAt), count: list.items.length })}</p>
          {list.items.length > 0 && <WorklistItems items={list.items} documentLinks />}
        </>
      )}
    </div>
  );
}
