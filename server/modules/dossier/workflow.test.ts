import { describe, expect, it } from "vitest";
import type { DossierAction, DossierStatus, Role } from "../../db/generated/enums";
import { DOSSIER_STATUSES } from "./status";
import {
  DOSSIER_ACTIONS,
  WORKFLOW,
  availableActions,
  can,
  stepProblems,
  type CanResult,
  type Transition,
  type WorkflowContext,
  type WorkflowStep,
} from "./workflow";

// ─── An independent specification ─────────────────────────────────────────
// Written against a concrete procedure, with concrete roles and step numbers, so that it does not
// share the implementation's vocabulary (kinds, STEP_HOLDER, pools). A wrong entry on either side
// fails the exhaustive test below.
//
// Procedure: 1 RECEPTION (reception officer) · 2-3 APPRAISAL (specialist) · 4-5 APPROVAL (leader) ·
//            6 ISSUANCE (records clerk) · 7 RETURN (reception officer)
const STEPS: WorkflowStep[] = [
  { order: 1, kind: "RECEPTION", role: "RECEPTION_OFFICER" },
  { order: 2, kind: "APPRAISAL", role: "SPECIALIST" },
  { order: 3, kind: "APPRAISAL", role: "SPECIALIST" },
  { order: 4, kind: "APPROVAL", role: "LEADER" },
  { order: 5, kind: "APPROVAL", role: "LEADER" },
  { order: 6, kind: "ISSUANCE", role: "RECORDS_CLERK" },
  { order: 7, kind: "RETURN", role: "RECEPTION_OFFICER" },
];

// from: "-" no dossier yet, "*" every status · at: step numbers, "*" any step or none
// who: roles ("ROLE*" = only as the dossier's assignee), "owner" (the applicant), "anyrole" (any officer)
// to: "=" unchanged · step: "=" unchanged, "-" none, "+1"/"-1" relative, N absolute · clock/form: "-" none
const SPEC = `
SUBMIT             | -                                                     | *    | owner                          | NEW                  | 1  | -      | -
INTAKE             | -                                                     | *    | RECEPTION_OFFICER              | RECEIVED             | 2  | start  | 01
RECEIVE            | NEW                                                   | 1    | RECEPTION_OFFICER              | RECEIVED             | 2  | start  | 01
REFUSE             | NEW,SUPPLEMENT_REQUESTED                              | 1    | RECEPTION_OFFICER              | REFUSED              | -  | -      | 03
ASSIGN             | NEW,RECEIVED,PROCESSING,SUPPLEMENT_REQUESTED,AWAITING_FEE,PROCESSED | 1-7 | LEADER,RECEPTION_OFFICER | = | = | -     | -
FORWARD            | RECEIVED,PROCESSING                                   | 2,3  | SPECIALIST*                    | PROCESSING           | +1 | -      | -
SEND_BACK          | RECEIVED,PROCESSING                                   | 3    | SPECIALIST*                    | PROCESSING           | -1 | -      | -
SEND_BACK          | RECEIVED,PROCESSING                                   | 4,5  | LEADER*                        | PROCESSING           | -1 | -      | -
SEND_BACK          | RECEIVED,PROCESSING                                   | 6    | RECORDS_CLERK                  | PROCESSING           | -1 | -      | -
REQUEST_SUPPLEMENT | NEW                                                   | 1    | RECEPTION_OFFICER              | SUPPLEMENT_REQUESTED | =  | -      | 02
REQUEST_SUPPLEMENT | RECEIVED,PROCESSING                                   | 2,3  | SPECIALIST*,RECEPTION_OFFICER  | SUPPLEMENT_REQUESTED | =  | pause  | 02
SUPPLEMENT         | SUPPLEMENT_REQUESTED                                  | 1    | owner                          | NEW                  | =  | -      | -
SUPPLEMENT         | SUPPLEMENT_REQUESTED                                  | 2,3  | owner                          | PROCESSING           | =  | resume | -
RESUME             | SUPPLEMENT_REQUESTED                                  | 1    | RECEPTION_OFFICER              | NEW                  | =  | -      | -
RESUME             | SUPPLEMENT_REQUESTED                                  | 2,3  | SPECIALIST*,RECEPTION_OFFICER  | PROCESSING           | =  | resume | -
REQUEST_FEE        | RECEIVED,PROCESSING                                   | 2,3  | SPECIALIST*,RECEPTION_OFFICER  | AWAITING_FEE         | =  | pause  | -
CONFIRM_FEE        | AWAITING_FEE                                          | 2,3  | SPECIALIST*,RECEPTION_OFFICER  | PROCESSING           | =  | resume | -
APPROVE            | RECEIVED,PROCESSING                                   | 4,5  | LEADER*                        | PROCESSING           | +1 | -      | -
ISSUE_RESULT       | RECEIVED,PROCESSING                                   | 6    | RECORDS_CLERK                  | PROCESSED            | 7  | stop   | -
RETURN_RESULT      | PROCESSED                                             | 7    | RECEPTION_OFFICER,POSTAL_STAFF | RETURNED             | -  | -      | -
EXTEND             | RECEIVED,PROCESSING                                   | 2-6  | LEADER                         | =                    | =  | extend | 04
STOP               | RECEIVED,PROCESSING,SUPPLEMENT_REQUESTED,AWAITING_FEE | 2-6  | LEADER                         | STOPPED              | -  | stop   | 05
WITHDRAW           | NEW,SUPPLEMENT_REQUESTED                              | 1    | owner,RECEPTION_OFFICER        | WITHDRAWN            | -  | -      | -
WITHDRAW           | RECEIVED,PROCESSING,SUPPLEMENT_REQUESTED,AWAITING_FEE | 2-6  | owner,RECEPTION_OFFICER        | WITHDRAWN            | -  | stop   | -
COMMENT            | *                                                     | *    | anyrole,owner                  | =                    | =  | -      | -
`;

interface SpecRow {
  action: string;
  from: (DossierStatus | null)[];
  at: (number | null)[];
  who: string[];
  to: string;
  step: string;
  clock: string;
  form: string;
}

const ALL_STEP_POSITIONS: (number | null)[] = [null, 1, 2, 3, 4, 5, 6, 7];

function parseList(cell: string): string[] {
  return cell.split(",").map((s) => s.trim());
}

function parseSteps(cell: string): (number | null)[] {
  if (cell === "*") return ALL_STEP_POSITIONS;
  return parseList(cell).flatMap((part) => {
    const [a, b] = part.split("-").map(Number);
    return b === undefined ? [a!] : Array.from({ length: b - a! + 1 }, (_, i) => a! + i);
  });
}

const SPEC_ROWS: SpecRow[] = SPEC.trim()
  .split("\n")
  .map((line) => {
    const [action, from, at, who, to, step, clock, form] = line.split("|").map((c) => c.trim()) as [
      string, string, string, string, string, string, string, string,
    ];
    return {
      action,
      from: from === "-" ? [null] : from === "*" ? [...DOSSIER_STATUSES] : (parseList(from) as DossierStatus[]),
      at: parseSteps(at),
      who: parseList(who),
      to,
      step,
      clock,
      form,
    };
  });

interface Actor {
  label: string;
  roles: Role[];
  assignee: boolean;
  owner: boolean;
}

const ROLES: Role[] = [
  "RECEPTION_OFFICER",
  "SPECIALIST",
  "LEADER",
  "RECORDS_CLERK",
  "POSTAL_STAFF",
  "AGENCY_ADMIN",
  "CONTROLLER",
  "SYSTEM_ADMIN",
];

const ACTORS: Actor[] = [...ROLES.map((r) => [r]), []].flatMap((roles) =>
  [false, true].flatMap((assignee) =>
    [false, true].map((owner) => ({
      label: `${roles[0] ?? "citizen"}${assignee ? "+assignee" : ""}${owner ? "+owner" : ""}`,
      roles,
      assignee,
      owner,
    })),
  ),
);

function whoAllows(who: string, actor: Actor): boolean {
  if (who === "owner") return actor.owner;
  if (who === "anyrole") return actor.roles.length > 0;
  if (who.endsWith("*")) return actor.roles.includes(who.slice(0, -1) as Role) && actor.assignee;
  return actor.roles.includes(who as Role);
}

type Expected = { ok: false; reason: string } | { ok: true; to: string; stepOrder: number | null; clock: string; form: string | null };

function expected(action: string, status: DossierStatus | null, stepOrder: number | null, actor: Actor): Expected {
  const rows = SPEC_ROWS.filter((r) => r.action === action && r.from.includes(status));
  if (rows.length === 0) return { ok: false, reason: "WRONG_STATUS" };
  const atStep = rows.filter((r) => r.at.includes(stepOrder));
  if (atStep.length === 0) return { ok: false, reason: "WRONG_STEP" };
  expect(atStep, `spec is ambiguous for ${action}`).toHaveLength(1);
  const row = atStep[0]!;
  if (!row.who.some((w) => whoAllows(w, actor))) {
    const assigneeOnly = row.who.some((w) => w.endsWith("*") && actor.roles.includes(w.slice(0, -1) as Role));
    return { ok: false, reason: assigneeOnly ? "NOT_ASSIGNEE" : "WRONG_ROLE" };
  }
  const to = row.to === "=" ? status! : row.to;
  const nextOrder =
    row.step === "=" ? stepOrder
    : row.step === "-" ? null
    : row.step.startsWith("+") || row.step.startsWith("-") ? stepOrder! + Number(row.step)
    : Number(row.step);
  return {
    ok: true,
    to,
    stepOrder: nextOrder,
    clock: row.clock === "-" ? "none" : row.clock,
    form: row.form === "-" ? null : row.form,
  };
}

function summarise(r: CanResult): Expected {
  return r.ok
    ? { ok: true, to: r.next.toStatus, stepOrder: r.next.toStepOrder, clock: r.next.clock, form: r.next.form }
    : { ok: false, reason: r.reason };
}

const NOW = new Date("2026-03-10T03:00:00Z");
const DUE = new Date("2026-03-16T10:00:00Z");

function ctxFor(status: DossierStatus | null, stepOrder: number | null, actor: Actor, steps = STEPS): WorkflowContext {
  return {
    status,
    currentStepOrder: stepOrder,
    steps,
    actorRoles: actor.roles,
    actorIsAssignee: actor.assignee,
    actorIsOwner: actor.owner,
    now: NOW,
    dueAt: DUE,
  };
}

const STATUSES_AND_NONE: (DossierStatus | null)[] = [null, ...DOSSIER_STATUSES];

describe("workflow table against the independent specification", () => {
  it("covers every action in both the table and the spec", () => {
    expect(new Set(WORKFLOW.map((r) => r.action))).toEqual(new Set(DOSSIER_ACTIONS));
    expect(new Set(SPEC_ROWS.map((r) => r.action))).toEqual(new Set(DOSSIER_ACTIONS));
    expect(DOSSIER_ACTIONS).toHaveLength(19);
  });

  it.each(DOSSIER_ACTIONS)("%s: every status × step × actor agrees with the spec", (action) => {
    const mismatches: string[] = [];
    let allowed = 0;
    for (const status of STATUSES_AND_NONE) {
      for (const stepOrder of ALL_STEP_POSITIONS) {
        for (const actor of ACTORS) {
          const want = expected(action, status, stepOrder, actor);
          const got = summarise(can(action, ctxFor(status, stepOrder, actor)));
          if (JSON.stringify(want) !== JSON.stringify(got)) {
            mismatches.push(`${status ?? "(none)"} @${stepOrder ?? "-"} ${actor.label}: want ${JSON.stringify(want)} got ${JSON.stringify(got)}`);
          }
          if (got.ok) allowed++;
        }
      }
    }
    expect(mismatches.slice(0, 10)).toEqual([]);
    expect(allowed).toBeGreaterThan(0);
  }, 30_000);

  it("availableActions agrees with can for every context", () => {
    for (const status of STATUSES_AND_NONE) {
      for (const stepOrder of ALL_STEP_POSITIONS) {
        for (const actor of ACTORS) {
          const ctx = ctxFor(status, stepOrder, actor);
          const shown = availableActions(ctx).map((t) => t.action);
          const allowed = DOSSIER_ACTIONS.filter((a) => can(a, ctx).ok);
          expect(shown).toEqual(allowed);
        }
      }
    }
  }, 30_000);

  it.each([
    ["REFUSE", true],
    ["SEND_BACK", true],
    ["REQUEST_SUPPLEMENT", true],
    ["EXTEND", true],
    ["STOP", true],
    ["COMMENT", true],
    ["RECEIVE", false],
    ["FORWARD", false],
    ["APPROVE", false],
    ["WITHDRAW", false],
  ] as const)("%s requires a note: %s", (action, note) => {
    for (const rule of WORKFLOW.filter((r) => r.action === action)) expect(rule.requiresNote ?? false).toBe(note);
  });
});

describe("guards beyond status, step and role", () => {
  const leader: Actor = { label: "leader", roles: ["LEADER"], assignee: false, owner: false };
  it.each<[Date, Date | null, true | "PAST_DUE" | "NO_DUE_DATE", string]>([
    [new Date("2026-03-16T09:59:59Z"), DUE, true, "just before the due date"],
    [DUE, DUE, "PAST_DUE", "at the due date"],
    [new Date("2026-03-17T00:00:00Z"), DUE, "PAST_DUE", "after it"],
    [NOW, null, "NO_DUE_DATE", "without a due date"],
  ])("EXTEND at %s (due %s) → %s (%s)", (now, dueAt, want) => {
    const r = can("EXTEND", { ...ctxFor("PROCESSING", 3, leader), now, dueAt });
    expect(r.ok ? true : r.reason).toBe(want);
  });

  it("checks the role before the due date", () => {
    const specialist: Actor = { label: "s", roles: ["SPECIALIST"], assignee: true, owner: false };
    const r = can("EXTEND", { ...ctxFor("PROCESSING", 3, specialist), now: new Date("2026-04-01T00:00:00Z") });
    expect(r).toEqual({ ok: false, reason: "WRONG_ROLE" });
  });

  it("answers WRONG_STEP when the current step is unknown", () => {
    const s: Actor = { label: "s", roles: ["SPECIALIST"], assignee: true, owner: false };
    expect(can("FORWARD", ctxFor("PROCESSING", 99, s))).toEqual({ ok: false, reason: "WRONG_STEP" });
    expect(can("FORWARD", ctxFor("PROCESSING", null, s))).toEqual({ ok: false, reason: "WRONG_STEP" });
  });
});

describe("procedure steps", () => {
  const officer: Actor = { label: "r", roles: ["RECEPTION_OFFICER"], assignee: false, owner: false };
  const step = (order: number, kind: WorkflowStep["kind"], role: Role): WorkflowStep => ({ order, kind, role });
  const FIVE: WorkflowStep[] = [
    step(1, "RECEPTION", "RECEPTION_OFFICER"),
    step(2, "APPRAISAL", "SPECIALIST"),
    step(3, "APPROVAL", "LEADER"),
    step(4, "ISSUANCE", "RECORDS_CLERK"),
    step(5, "RETURN", "RECEPTION_OFFICER"),
  ];

  it.each([
    ["no steps", [], "no steps"],
    ["no RECEPTION first", FIVE.slice(1), "first step must be RECEPTION"],
    ["no RETURN last", FIVE.slice(0, 4), "last step must be RETURN"],
    ["no APPROVAL", FIVE.filter((s) => s.kind !== "APPROVAL"), "at least one APPROVAL"],
    ["no APPRAISAL", FIVE.filter((s) => s.kind !== "APPRAISAL"), "at least one APPRAISAL"],
    ["two ISSUANCE", [...FIVE.slice(0, 4), step(5, "ISSUANCE", "RECORDS_CLERK"), step(6, "RETURN", "RECEPTION_OFFICER")], "exactly one ISSUANCE"],
    ["APPROVAL before APPRAISAL", [FIVE[0]!, { ...FIVE[2]!, order: 2 }, { ...FIVE[1]!, order: 3 }, FIVE[3]!, FIVE[4]!], "comes after APPROVAL"],
    ["duplicate orders", [...FIVE, step(2, "APPRAISAL", "SPECIALIST")], "unique"],
  ])("rejects %s", (_why, steps, message) => {
    expect(stepProblems(steps).join("; ")).toContain(message);
    expect(can("INTAKE", ctxFor(null, null, officer, steps))).toEqual({ ok: false, reason: "INVALID_STEPS" });
  });

  it("accepts steps given out of order and with gaps in the numbering", () => {
    const shuffled = [
      step(50, "RETURN", "RECEPTION_OFFICER"),
      step(10, "RECEPTION", "RECEPTION_OFFICER"),
      step(30, "APPROVAL", "LEADER"),
      step(20, "APPRAISAL", "SPECIALIST"),
      step(40, "ISSUANCE", "RECORDS_CLERK"),
    ];
    expect(stepProblems(shuffled)).toEqual([]);
    const r = can("RECEIVE", ctxFor("NEW", 10, officer, shuffled));
    expect(r.ok && r.next.toStepOrder).toBe(20);
    const clerk: Actor = { label: "c", roles: ["RECORDS_CLERK"], assignee: false, owner: false };
    const issued = can("ISSUE_RESULT", ctxFor("PROCESSING", 40, clerk, shuffled));
    expect(issued.ok && [issued.next.toStepOrder, issued.next.toStepKind]).toEqual([50, "RETURN"]);
  });

  it("takes the acting role from the procedure's step, not from the kind", () => {
    // A small agency where the leader appraises and the records clerk returns results.
    const custom: WorkflowStep[] = [
      step(1, "RECEPTION", "RECEPTION_OFFICER"),
      step(2, "APPRAISAL", "LEADER"),
      step(3, "APPROVAL", "LEADER"),
      step(4, "ISSUANCE", "RECORDS_CLERK"),
      step(5, "RETURN", "RECORDS_CLERK"),
    ];
    const leader: Actor = { label: "l", roles: ["LEADER"], assignee: true, owner: false };
    const specialist: Actor = { label: "s", roles: ["SPECIALIST"], assignee: true, owner: false };
    const clerk: Actor = { label: "c", roles: ["RECORDS_CLERK"], assignee: false, owner: false };
    expect(can("FORWARD", ctxFor("PROCESSING", 2, leader, custom)).ok).toBe(true);
    expect(can("FORWARD", ctxFor("PROCESSING", 2, specialist, custom))).toEqual({ ok: false, reason: "WRONG_ROLE" });
    expect(can("RETURN_RESULT", ctxFor("PROCESSED", 5, clerk, custom)).ok).toBe(true);
    expect(can("RETURN_RESULT", ctxFor("PROCESSED", 5, officer, custom))).toEqual({ ok: false, reason: "WRONG_ROLE" });
    const next = can("APPROVE", ctxFor("PROCESSING", 3, leader, custom));
    expect(next.ok && next.next.toStepRole).toBe("RECORDS_CLERK");
  });

  it("lets an officer holding several roles act as any of them", () => {
    const both: Actor = { label: "b", roles: ["SPECIALIST", "LEADER"], assignee: true, owner: false };
    expect(can("FORWARD", ctxFor("PROCESSING", 2, both)).ok).toBe(true);
    expect(can("EXTEND", ctxFor("PROCESSING", 2, both)).ok).toBe(true);
    expect(can("RECEIVE", ctxFor("NEW", 1, both))).toEqual({ ok: false, reason: "WRONG_ROLE" });
  });
});

// ─── Scenarios ─────────────────────────────────────────────────────────────

const FIVE_STEPS: WorkflowStep[] = [
  { order: 1, kind: "RECEPTION", role: "RECEPTION_OFFICER" },
  { order: 2, kind: "APPRAISAL", role: "SPECIALIST" },
  { order: 3, kind: "APPROVAL", role: "LEADER" },
  { order: 4, kind: "ISSUANCE", role: "RECORDS_CLERK" },
  { order: 5, kind: "RETURN", role: "RECEPTION_OFFICER" },
];

const citizen = { roles: [] as Role[], owner: true };
const desk = { roles: ["RECEPTION_OFFICER"] as Role[] };
const specialist = { roles: ["SPECIALIST"] as Role[], assignee: true };
const leader = { roles: ["LEADER"] as Role[], assignee: true };
const clerk = { roles: ["RECORDS_CLERK"] as Role[] };
const postman = { roles: ["POSTAL_STAFF"] as Role[] };

interface Dossier {
  status: DossierStatus | null;
  step: number | null;
  clock: string[];
  forms: string[];
}

/** Applies actions one by one through `can`, as a command would, and records what happened. */
function run(
  start: Dossier,
  moves: [DossierAction, { roles: Role[]; assignee?: boolean; owner?: boolean }][],
): { dossier: Dossier; trail: Transition[] } {
  let d = { ...start, clock: [...start.clock], forms: [...start.forms] };
  const trail: Transition[] = [];
  for (const [action, who] of moves) {
    const r = can(action, {
      status: d.status,
      currentStepOrder: d.step,
      steps: FIVE_STEPS,
      actorRoles: who.roles,
      actorIsAssignee: who.assignee ?? false,
      actorIsOwner: who.owner ?? false,
      now: NOW,
      dueAt: DUE,
    });
    if (!r.ok) throw new Error(`${action} refused from ${d.status}@${d.step}: ${r.reason}`);
    trail.push(r.next);
    d = {
      status: r.next.toStatus,
      step: r.next.toStepOrder,
      clock: r.next.clock === "none" ? d.clock : [...d.clock, r.next.clock],
      forms: r.next.form ? [...d.forms, r.next.form] : d.forms,
    };
  }
  return { dossier: d, trail };
}

const NONE: Dossier = { status: null, step: null, clock: [], forms: [] };

function onlyComment(d: Dossier) {
  const everyone = [
    { roles: [] as Role[], assignee: true, owner: true },
    ...ROLES.map((r) => ({ roles: [r], assignee: true, owner: true })),
  ];
  for (const who of everyone) {
    const actions = availableActions({
      status: d.status,
      currentStepOrder: d.step,
      steps: FIVE_STEPS,
      actorRoles: who.roles,
      actorIsAssignee: who.assignee,
      actorIsOwner: who.owner,
      now: NOW,
      dueAt: DUE,
    }).map((t) => t.action);
    expect(actions).toEqual(["COMMENT"]);
  }
}

describe("scenarios", () => {
  it("happy path online: submit, receive, appraise, approve, issue, return", () => {
    const { dossier, trail } = run(NONE, [
      ["SUBMIT", citizen],
      ["RECEIVE", desk],
      ["FORWARD", specialist],
      ["APPROVE", leader],
      ["ISSUE_RESULT", clerk],
      ["RETURN_RESULT", desk],
    ]);
    expect(trail.map((t) => [t.action, t.toStatus, t.toStepOrder, t.toStepKind])).toEqual([
      ["SUBMIT", "NEW", 1, "RECEPTION"],
      ["RECEIVE", "RECEIVED", 2, "APPRAISAL"],
      ["FORWARD", "PROCESSING", 3, "APPROVAL"],
      ["APPROVE", "PROCESSING", 4, "ISSUANCE"],
      ["ISSUE_RESULT", "PROCESSED", 5, "RETURN"],
      ["RETURN_RESULT", "RETURNED", null, null],
    ]);
    expect(dossier.clock).toEqual(["start", "stop"]);
    expect(dossier.forms).toEqual(["01"]);
    onlyComment(dossier);
  });

  it("counter intake, send back from approval, and return by post", () => {
    const { dossier, trail } = run(NONE, [
      ["INTAKE", desk],
      ["FORWARD", specialist],
      ["SEND_BACK", leader],
      ["FORWARD", specialist],
      ["APPROVE", leader],
      ["ISSUE_RESULT", clerk],
      ["RETURN_RESULT", postman],
    ]);
    expect(trail.map((t) => `${t.action}→${t.toStatus}@${t.toStepOrder}`)).toEqual([
      "INTAKE→RECEIVED@2",
      "FORWARD→PROCESSING@3",
      "SEND_BACK→PROCESSING@2",
      "FORWARD→PROCESSING@3",
      "APPROVE→PROCESSING@4",
      "ISSUE_RESULT→PROCESSED@5",
      "RETURN_RESULT→RETURNED@null",
    ]);
    expect(dossier.status).toBe("RETURNED");
  });

  it("supplement round trip during appraisal pauses and resumes the clock", () => {
    const { dossier, trail } = run(NONE, [
      ["SUBMIT", citizen],
      ["RECEIVE", desk],
      ["REQUEST_SUPPLEMENT", specialist],
      ["SUPPLEMENT", citizen],
      ["REQUEST_SUPPLEMENT", desk],
      ["RESUME", specialist],
      ["REQUEST_FEE", specialist],
      ["CONFIRM_FEE", desk],
      ["FORWARD", specialist],
    ]);
    expect(trail.map((t) => t.toStatus)).toEqual([
      "NEW",
      "RECEIVED",
      "SUPPLEMENT_REQUESTED",
      "PROCESSING",
      "SUPPLEMENT_REQUESTED",
      "PROCESSING",
      "AWAITING_FEE",
      "PROCESSING",
      "PROCESSING",
    ]);
    expect(dossier.clock).toEqual(["start", "pause", "resume", "pause", "resume", "pause", "resume"]);
    expect(dossier.forms).toEqual(["01", "02", "02"]);
    expect(dossier.step).toBe(3);
  });

  it("supplement at reception happens before the clock starts", () => {
    const { dossier, trail } = run(NONE, [
      ["SUBMIT", citizen],
      ["REQUEST_SUPPLEMENT", desk],
      ["SUPPLEMENT", citizen],
      ["RECEIVE", desk],
    ]);
    expect(trail.map((t) => [t.toStatus, t.clock])).toEqual([
      ["NEW", "none"],
      ["SUPPLEMENT_REQUESTED", "none"],
      ["NEW", "none"],
      ["RECEIVED", "start"],
    ]);
    expect(dossier.clock).toEqual(["start"]);
  });

  it("refusal at reception (form 03) ends the dossier", () => {
    const { dossier } = run(NONE, [
      ["SUBMIT", citizen],
      ["REFUSE", desk],
    ]);
    expect(dossier).toMatchObject({ status: "REFUSED", step: null, clock: [], forms: ["03"] });
    onlyComment(dossier);
  });

  it("stopping (form 05) ends the dossier and the clock", () => {
    const { dossier } = run(NONE, [
      ["INTAKE", desk],
      ["REQUEST_SUPPLEMENT", specialist],
      ["STOP", leader],
    ]);
    expect(dossier).toMatchObject({ status: "STOPPED", step: null, clock: ["start", "pause", "stop"] });
    expect(dossier.forms).toEqual(["01", "02", "05"]);
    onlyComment(dossier);
  });

  it("extension (form 04) keeps status and step", () => {
    const { dossier, trail } = run(NONE, [
      ["INTAKE", desk],
      ["FORWARD", specialist],
      ["EXTEND", leader],
    ]);
    expect(trail[2]).toMatchObject({ toStatus: "PROCESSING", toStepOrder: 3, clock: "extend", form: "04" });
    expect(dossier.clock).toEqual(["start", "extend"]);
  });

  it.each<[string, [DossierAction, { roles: Role[]; assignee?: boolean; owner?: boolean }][], string[]]>([
    ["NEW", [["SUBMIT", citizen]], []],
    ["SUPPLEMENT_REQUESTED at reception", [["SUBMIT", citizen], ["REQUEST_SUPPLEMENT", desk]], []],
    ["RECEIVED", [["INTAKE", desk]], ["start", "stop"]],
    ["PROCESSING", [["INTAKE", desk], ["FORWARD", specialist]], ["start", "stop"]],
    ["SUPPLEMENT_REQUESTED during appraisal", [["INTAKE", desk], ["REQUEST_SUPPLEMENT", specialist]], ["start", "pause", "stop"]],
    ["AWAITING_FEE", [["INTAKE", desk], ["REQUEST_FEE", specialist]], ["start", "pause", "stop"]],
  ])("withdrawal from %s, by the applicant or recorded by the desk", (_from, before, clock) => {
    for (const who of [citizen, desk]) {
      const { dossier } = run(NONE, [...before, ["WITHDRAW", who]]);
      expect(dossier).toMatchObject({ status: "WITHDRAWN", step: null, clock });
      onlyComment(dossier);
    }
  });

  it("no withdrawal once the result is ready", () => {
    expect(() => run(NONE, [["INTAKE", desk], ["FORWARD", specialist], ["APPROVE", leader], ["ISSUE_RESULT", clerk], ["WITHDRAW", citizen]])).toThrow(
      /WITHDRAW refused from PROCESSED@5: WRONG_STATUS/,
    );
  });

  it("terminal statuses allow nothing but COMMENT, for anyone", () => {
    for (const status of ["REFUSED", "WITHDRAWN", "STOPPED", "RETURNED"] as const) {
      for (const step of [null, 1, 3, 5]) onlyComment({ status, step, clock: [], forms: [] });
    }
  });

  it("a specialist who is not the assignee is told so", () => {
    expect(() => run(NONE, [["INTAKE", desk], ["FORWARD", { roles: ["SPECIALIST"], assignee: false }]])).toThrow(
      /NOT_ASSIGNEE/,
    );
  });
});
