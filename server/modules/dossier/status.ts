// Dossier statuses: the national numbering (1..10, DOMAIN.md › Dossier lifecycle), which ones are
// final, and whether the deadline clock runs. Labels live in messages/*.json under "status.<KEY>".

import type { DossierStatus, StepKind } from "../../db/generated/enums";

export const DOSSIER_STATUS_NUMBERS = {
  NEW: 1,
  RECEIVED: 2,
  REFUSED: 3,
  PROCESSING: 4,
  SUPPLEMENT_REQUESTED: 5,
  AWAITING_FEE: 6,
  WITHDRAWN: 7,
  STOPPED: 8,
  PROCESSED: 9,
  RETURNED: 10,
} as const satisfies Record<DossierStatus, number>;

export const DOSSIER_STATUSES = Object.keys(DOSSIER_STATUS_NUMBERS) as DossierStatus[];

const BY_NUMBER = new Map<number, DossierStatus>(
  DOSSIER_STATUSES.map((s) => [DOSSIER_STATUS_NUMBERS[s], s] as const),
);

/** The number used by the national portal and on screens ("trạng thái 4"). */
export function statusNumber(status: DossierStatus): number {
  return DOSSIER_STATUS_NUMBERS[status];
}

export function statusFromNumber(n: number): DossierStatus | undefined {
  return BY_NUMBER.get(n);
}

/** Message key of the status label, e.g. "status.PROCESSING" → "Đang xử lý". */
export function statusMessageKey(status: DossierStatus): `status.${DossierStatus}` {
  return `status.${status}`;
}

/** Nothing more happens to the dossier (but comments). PROCESSED is not final: the result is still to return. */
export const TERMINAL_STATUSES: readonly DossierStatus[] = ["REFUSED", "WITHDRAWN", "STOPPED", "RETURNED"];

export function isTerminal(status: DossierStatus): boolean {
  return TERMINAL_STATUSES.includes(status);
}

/** The deadline clock runs: these dossiers can become overdue. */
export const CLOCK_RUNNING_STATUSES: readonly DossierStatus[] = ["RECEIVED", "PROCESSING"];

/**
 * The clock is paused while the applicant holds the dossier: a supplement request (DOMAIN) and,
 * by the same reasoning, the wait for the fee [check: DOMAIN only states it for supplements].
 * A supplement requested at the RECEPTION step, before the dossier was received, pauses nothing:
 * the clock had not started.
 */
export const CLOCK_PAUSED_STATUSES: readonly DossierStatus[] = ["SUPPLEMENT_REQUESTED", "AWAITING_FEE"];

export type ClockState = "NOT_STARTED" | "RUNNING" | "PAUSED" | "STOPPED";

/**
 * The clock of a dossier in this status at a step of this kind. STOPPED covers every final status
 * (a dossier withdrawn before reception never started, but no longer can).
 */
export function clockState(status: DossierStatus, stepKind: StepKind | null): ClockState {
  if (status === "NEW") return "NOT_STARTED";
  if (status === "SUPPLEMENT_REQUESTED" && stepKind === "RECEPTION") return "NOT_STARTED";
  if (CLOCK_RUNNING_STATUSES.includes(status)) return "RUNNING";
  if (CLOCK_PAUSED_STATUSES.includes(status)) return "PAUSED";
  if (status === "REFUSED") return "NOT_STARTED";
  return "STOPPED";
}
