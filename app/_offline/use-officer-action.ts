"use client";

// How officer forms act: every action and counter intake goes through the outbox. Online, in the
// live workspace, the form waits for the server's answer (a refusal shows in the form, as before);
// offline, or behind other queued actions on the same dossier, it is queued and the form is done.
import { useCallback } from "react";
import type { TActInput, TActResult, TIntakeInput, TIntakeResult } from "~/server/modules/dossier/schema";
import { markCodeUsed, prepareOfflineIntake } from "./intake";
import { discardEntry, enqueueAction, enqueueIntake, entriesFor, isPending } from "./outbox";
import { requestBackgroundSync, useOptionalOffline, type OfflineContextValue } from "./provider";
import type { PrintedSlip } from "./store";

export type ActionOutcome =
  | { kind: "applied"; result: TActResult }
  | { kind: "queued"; seq: number }
  /** The server refused it at once (the form shows `error`, a tRPC client error); nothing stays queued. */
  | { kind: "refused"; error: unknown };

export type IntakeOutcome =
  | { kind: "applied"; result: TIntakeResult }
  | { kind: "queued"; seq: number; printed: PrintedSlip }
  | { kind: "refused"; error: unknown };

/** Thrown as a form error when the device cannot take an intake offline (no reserved code left). */
export class NoReservedCodeError extends Error {
  constructor() {
    super("NO_RESERVED_CODE");
    this.name = "NoReservedCodeError";
  }
}

function queuedInBackground(offline: OfflineContextValue) {
  offline.notifyChanged();
  if (navigator.onLine) void offline.syncNow();
  else void requestBackgroundSync();
}

/** A dossier command (its deviceAt is set here, when it is queued) and the dossier code shown in the outbox. */
export type OfficerActionInput = TActInput & { label: string };

export function useOfficerAction(): { submit: (input: OfficerActionInput) => Promise<ActionOutcome> } {
  const offline = useOptionalOffline();
  const submit = useCallback(
    async (input: OfficerActionInput): Promise<ActionOutcome> => {
      if (!offline?.db) throw new Error("The offline store is not open yet");
      const db = offline.db;
      const earlier = (await entriesFor(db, input.dossierId)).filter(isPending);
      const entry = await enqueueAction(db, { ...input, deviceAt: new Date() });
      // Behind other queued actions, in the offline shell, or offline: the outbox takes it from here.
      if (offline.mode === "shell" || earlier.length > 0 || !navigator.onLine) {
        queuedInBackground(offline);
        return { kind: "queued", seq: entry.seq! };
      }
      const report = await offline.drainUntil(entry.seq!);
      const outcome = report?.results.get(entry.seq!);
      offline.notifyChanged();
      if (outcome?.ok && outcome.sent.kind === "act") return { kind: "applied", result: outcome.sent.result };
      if (outcome && !outcome.ok && outcome.entry.state === "conflict") {
        // The officer sees the refusal in the form right now: it does not stay in the outbox too.
        await discardEntry(db, entry.seq!);
        offline.notifyChanged();
        return { kind: "refused", error: outcome.error };
      }
      queuedInBackground(offline);
      return { kind: "queued", seq: entry.seq! };
    },
    [offline],
  );
  return { submit };
}

export function useOfficerIntake(): { submit: (input: TIntakeInput) => Promise<IntakeOutcome> } {
  const offline = useOptionalOffline();
  const submit = useCallback(
    async (input: TIntakeInput): Promise<IntakeOutcome> => {
      if (!offline?.db || !offline.deviceId) throw new Error("The offline store is not open yet");
      const db = offline.db;
      const prepared = await prepareOfflineIntake(db, input, offline.deviceId);
      if (!prepared) {
        // No reserved code: only a direct intake, online (the server numbers it).
        if (!navigator.onLine) return { kind: "refused", error: new NoReservedCodeError() };
        try {
          return { kind: "applied", result: await offline.client.dossier.intake.mutate(input) };
        } catch (error) {
          return { kind: "refused", error };
        }
      }
      // The reserved code is printed now whatever happens next: it is never offered again.
      await markCodeUsed(db, prepared.printed.code);
      const entry = await enqueueIntake(db, prepared.input, prepared.printed);
      if (offline.mode === "shell" || !navigator.onLine) {
        queuedInBackground(offline);
        return { kind: "queued", seq: entry.seq!, printed: prepared.printed };
      }
      const report = await offline.drainUntil(entry.seq!);
      const outcome = report?.results.get(entry.seq!);
      offline.notifyChanged();
      if (outcome?.ok && outcome.sent.kind === "intake") return { kind: "applied", result: outcome.sent.result };
      if (outcome && !outcome.ok && outcome.entry.state === "conflict") {
        await discardEntry(db, entry.seq!);
        offline.notifyChanged();
        return { kind: "refused", error: outcome.error };
      }
      queuedInBackground(offline);
      return { kind: "queued", seq: entry.seq!, printed: prepared.printed };
    },
    [offline],
  );
  return { submit };
}
