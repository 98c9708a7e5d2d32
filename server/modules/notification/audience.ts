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

export interface ApplicantContact {
  /** The applicant's account, when the dossier has an owner. */
  owner: { id: string; active: boolean; email: string | null; phone: string | null; locale: string; channels: readonly string[] } | null;
  /** What was declared on the dossier (at the counter for a walk-in). */
  declared: { email: string | null; phone: string | null };
}

export interface Recipient {
  recipientKey: string;
  channel: "EMAIL" | "SMS" | "IN_APP";
  address: string | null;
  userId: string | null;
  locale: "vi" | "en";
}

export interface ChannelAvailability {
  email: boolean;
  sms: boolean;
}

/**
 * Where the applicant is told: an account holder in the app always, and by e-mail and SMS as
 * chosen in the profile (at the account's address, else the one declared on the dossier); a walk-in
 * applicant without an account at the e-mail and phone given at the counter. Training dossiers are
 * told only in the app (their contact data is made up); channels without a configured provider are
 * left out.
 */
export function applicantRecipients(contact: ApplicantContact, available: ChannelAvailability, isTest: boolean): Recipient[] {
  const out: Recipient[] = [];
  const owner = contact.owner?.active ? contact.owner : null;
  const locale = owner?.locale === "en" ? "en" : "vi";
  const email = (owner?.email ?? contact.declared.email)?.trim().toLowerCase() || null;
  const phone = (owner?.phone ?? contact.declared.phone)?.replace(/[\s.()-]/g, "") || null;
  const wants = (channel: "EMAIL" | "SMS") => (owner ? owner.channels.includes(channel) : true);
  if (owner) out.push({ recipientKey: `user:${owner.id}`, channel: "IN_APP", address: null, userId: owner.id, locale });
  if (isTest) return out;
  const key = (kind: string, address: string) => (owner ? `user:${owner.id}` : `${kind}:${address}`);
  if (available.email && email && wants("EMAIL")) out.push({ recipientKey: key("email", email), channel: "EMAIL", address: email, userId: owner?.id ?? null, locale });
  if (available.sms && phone && wants("SMS")) out.push({ recipientKey: key("phone", phone), channel: "SMS", address: phone, userId: owner?.id ?? null, locale });
  return out;
}

/** An officer: in the app, and by e-mail when they have one. */
export function officerRecipients(officer: { id: string; email: string | null; locale: string }, available: ChannelAvailability): Recipient[] {
  const locale = officer.locale === "en" ? "en" : "vi";
  const out: Recipient[] = [{ recipientKey: `user:${officer.id}`, channel: "IN_APP", address: null, userId: officer.id, locale }];
  if (available.email && officer.email) out.push({ recipientKey: `user:${officer.id}`, channel: "EMAIL", address: officer.email, userId: officer.id, locale });
  return out;
}
