"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { useT } from "~/app/_components/i18n-provider";
import { useTRPCClient } from "~/app/_trpc/react";
import { BUTTON_DANGER, BUTTON_SECONDARY, callError, StatusLine } from "../_components/ui";

/** Retry and discard for one failed job; the list reloads after either. */
export function JobActions({ queue, id, name }: { queue: string; id: string; name: string }) {
  const t = useT();
  const client = useTRPCClient();
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<{ kind: "ok" | "error"; text: string } | null>(null);

  async function run(action: "retry" | "discard") {
    if (action === "discard" && !window.confirm(t("admin.jobs.confirmDiscard", { name }))) return;
    setBusy(true);
    setNotice(null);
    try {
      const result = action === "retry" ? await client.admin.jobs.retry.mutate({ queue, id }) : await client.admin.jobs.discard.mutate({ queue, id });
      setNotice({ kind: "ok", text: t(result.outcome === "retried" ? "admin.jobs.retried" : "admin.jobs.discarded") });
      router.refresh();
    } catch (error) {
      setNotice({ kind: "error", text: callError(error, t).message });
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="space-y-2">
      <div className="flex flex-wrap gap-2">
        <button type="button" className={BUTTON_SECONDARY} disabled={busy} onClick={() => void run("retry")}>
          {t("admin.jobs.retry")}
        </button>
        <button type="button" className={BUTTON_DANGER} disabled={busy} onClick={() => void run("discard")}>
          {t("admin.jobs.discard")}
        </button>
      </div>
      <div aria-live="polite">{notice && <StatusLine kind={notice.kind}>{notice.text}</StatusLine>}</div>
    </div>
  );
}
