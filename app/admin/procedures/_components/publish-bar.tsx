"use client";

// The editor's sticky footer: why the last save was refused, and the create / publish button.
import Link from "next/link";
import { useT } from "~/app/_components/i18n-provider";
import { StatusLine, type CallError } from "../../_components/ui";
import type { EditorTarget } from "./editor-state";

export function PublishBar({
  target,
  error,
  pending,
  blocked,
  onPublish,
}: {
  target: EditorTarget;
  error: CallError | null;
  pending: boolean;
  /** The editor's own checks fail: nothing to send yet. */
  blocked: boolean;
  onPublish: () => void;
}) {
  const t = useT();
  const fields = Object.keys(error?.fields ?? {});
  return (
    <div className="sticky bottom-0 z-10 -mx-4 space-y-2 border-t border-line bg-paper/95 px-4 py-3 md:-mx-8 md:px-8">
      {error && (
        <StatusLine kind="error">
          {error.appCode === "CONFLICT" ? (
            <>
              {t("admin.procedures.conflict")} <Link href={`/admin/procedures/${target.procedureId}/new-version`}>{t("admin.procedures.reload")}</Link>
            </>
          ) : (
            <>
              {error.message}
              {fields.length > 0 && ` (${fields.join(", ")})`}
            </>
          )}
        </StatusLine>
      )}
      <button type="button" onClick={onPublish} className="btn-primary" disabled={pending || blocked} aria-busy={pending || undefined} data-testid="publish">
        {pending ? t("admin.common.saving") : target.mode === "create" ? t("admin.procedures.createButton") : t("admin.procedures.publishVersion", { version: (target.basedOnVersion ?? 0) + 1 })}
      </button>
      {blocked && <span className="ml-3 text-sm text-brand-700">{t("admin.procedures.fixFirst")}</span>}
    </div>
  );
}
