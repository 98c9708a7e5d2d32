"use client";

import { useEffect, useRef, useState } from "react";
import { useT } from "~/app/_components/i18n-provider";
import { Notice } from "../badges";
import { ActionDialog } from "./action-dialog";
import type { Action, ActionPanelDossier, Transition } from "./action-form";

export type { ActionPanelDossier } from "./action-form";

/** Destructive or final actions get the outlined, not the filled, style: they are rarely the next step. */
const SECONDARY: readonly Action[] = ["REFUSE", "STOP", "WITHDRAW", "SEND_BACK", "EXTEND", "COMMENT", "ASSIGN"];

type PanelState =
  | { kind: "idle" }
  | { kind: "open"; transition: Transition }
  /** `queued`: the action went to the outbox (offline, or behind other queued actions) rather than straight through. */
  | { kind: "done"; action: Action; queued: boolean };

/**
 * The actions this officer may take now (the server's availableActions, nothing else), each a
 * button opening a small form for its payload.
 */
export function ActionPanel({ dossier }: { dossier: ActionPanelDossier }) {
  const t = useT();
  const [state, setState] = useState<PanelState>({ kind: "idle" });
  const returnFocus = useRef<HTMLButtonElement | null>(null);
  const doneRef = useRef<HTMLDivElement>(null);

  // The dialog is gone and its button may be too (the dossier moved on): focus the confirmation.
  const done = state.kind === "done" ? state : null;
  useEffect(() => {
    if (done) doneRef.current?.focus();
  }, [done]);

  const primary = dossier.actions.filter((a) => !SECONDARY.includes(a.action));
  const secondary = dossier.actions.filter((a) => SECONDARY.includes(a.action));

  return (
    <div className="space-y-3">
      {done && (
        <div ref={doneRef} tabIndex={-1} className="focus:outline-none">
          <Notice tone="success">
            {done.queued
              ? t("officer.offline.actionQueued", { action: t(`officer.actions.${done.action}`) })
              : t("officer.act.done", { action: t(`officer.actions.${done.action}`) })}
          </Notice>
        </div>
      )}
      {dossier.actions.length === 0 ? (
        <p className="text-ink-600">{t("officer.act.none")}</p>
      ) : (
        <div className="flex flex-wrap gap-2" role="group" aria-label={t("officer.dossier.actions")}>
          {[...primary, ...secondary].map((a) => (
            <button
              key={a.action}
              type="button"
              data-action={a.action}
              onClick={(e) => {
                returnFocus.current = e.currentTarget;
                setState({ kind: "open", transition: a });
              }}
              className={
                SECONDARY.includes(a.action)
                  ? "rounded border-2 border-brand-700 bg-white px-3 py-2 font-semibold text-brand-700 hover:bg-brand-50"
                  : "btn-primary"
              }
            >
              {t(`officer.actions.${a.action}`)}
            </button>
          ))}
        </div>
      )}
      {state.kind === "open" && (
        <ActionDialog
          dossier={dossier}
          transition={state.transition}
          onClose={(succeeded, queued = false) => {
            if (succeeded) {
              setState({ kind: "done", action: state.transition.action, queued });
            } else {
              setState({ kind: "idle" });
              returnFocus.current?.focus();
            }
          }}
        />
      )}
    </div>
  );
}
