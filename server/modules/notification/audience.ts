// Who is told of which dossier event, as one table: the applicant of every event that changes
// what they must do or can expect; an officer when a dossier lands in their hands. Pure; the
// dispatcher (jobs/dispatch-dossier-event.ts) reads it, the unit test checks it row by row.
import type { DossierAction, DossierStatus } from "../../db/generated/enums";
import type { TemplateKey } from "./catalogue";

export interface EventFacts {
  action: DossierAction;
  toStatus: DossierStatus;
  /** The event's payload (RETURN_RESULT's method, the new assignee). */
  payload: Readonly<Record<string, unknown>>;
  actorId: string | null;
}

export type Notice = { to: "applicant"; template: TemplateKey } | { to: "officer"; userId: string; template: "officer.assigned" };

/** The applicant's notice per action; absent: the applicant is not told (internal moves, comments). */
const APPLICANT_NOTICES: Partial<Record<DossierAction, TemplateKey | ((facts: EventFacts) => TemplateKey | null)>> = {
  SUBMIT: "dossier.submitted",
  INTAKE: "dossier.received",
  RECEIVE: "dossier.received",
  REFUSE: "dossier.refused",
  REQUEST_SUPPLEMENT: "dossier.supplementRequested",
  REQUEST_FEE: "dossier.feeRequested",
  ISSUE_RESULT: "dossier.resultReady",
  RETURN_RESULT: (facts) => (facts.payload.method === "BY_POST" ? "dossier.resultPosted" : "dossier.resultReturned"),
  EXTEND: "dossier.extended",
  WITHDRAW: "dossier.withdrawn",
  STOP: "dossier.stopped",
};

/** Actions that put the dossier in someone's hands; the event's payload names them (assigneeId). */
const HAND_OVER_ACTIONS: ReadonlySet<DossierAction> = new Set(["ASSIGN", "FORWARD", "SEND_BACK", "APPROVE"]);

export function noticesFor(facts: EventFacts): Notice[] {
  const notices: Notice[] = [];
  const rule = APPLICANT_NOTICES[facts.action];
  const template = typeof rule === "function" ? rule(facts) : rule;
  if (template) notices.push({ to: "applicant", template });
  const assignee = facts.payload.assigneeId;
  // Nobody is told of what they did themselves (a leader taking a dossier for themselves).
  if (HAND_OVER_ACTIONS.has(facts.action) && typeof assignee === "string" && assignee !== facts.actorId) {
    notices.push({ to: "officer", userId: assignee, template: "officer.assigned" });
  }
  return notices;
}
