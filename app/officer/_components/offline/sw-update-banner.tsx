"use client";

// Offers the reload when a new version of the workspace is waiting (app/_offline/sw-registration).
import { useT } from "~/app/_components/i18n-provider";
import { useServiceWorkerUpdate } from "~/app/_offline/sw-registration";

export function ServiceWorkerUpdateBanner() {
  const t = useT();
  const { waiting, activate } = useServiceWorkerUpdate();
  if (!waiting) return null;
  return (
    <div role="alert" data-testid="sw-update" className="flex flex-wrap items-center gap-3 border-b border-brand-700 bg-brand-50 px-4 py-2 text-brand-900 md:px-6">
      <span className="font-semibold">{t("officer.offline.updateAvailable")}</span>
      <button type="button" className="btn-primary" onClick={activate}>
        {t("officer.offline.updateReload")}
      </button>
    </div>
  );
}
