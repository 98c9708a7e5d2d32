// Every tRPC procedure × every kind of caller, against PostgreSQL, checked against the permission
// table (server/api/permissions.ts). A procedure missing from the table, or from the fixtures below,
// fails; so does a table entry naming a procedure that does not exist.
//
// Adding a procedure: add its entry to PERMISSIONS and a fixture here (a minimal valid input, made
// fresh per call when the call changes something). When an allowed caller gets an error other than
// UNAUTHORIZED/FORBIDDEN from the fixture data, list it in `tolerate` with the reason.
import { randomUUID } from "node:crypto";
import { TRPCError } from "@trpc/server";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { Role } from "../db";
import { applyDossierAction } from "../modules/dossier/commands/act";
import { intakeDossier } from "../modules/dossier/commands/intake-dossier";
import { createDossier } from "../modules/dossier/commands/create-dossier";
import { useTestDb } from "../test/db";
import { createAgency, createProcedure, createUser, dossierInput, uniqueToken } from "../test/factories";
import { ALL_CALLERS, PERMISSIONS, type Caller } from "./permissions";
import { appRouter, createCaller } from "./root";

// tracking.* reads the auth secret from server/auth.ts, which is marked server-only (it throws
// outside React Server Components); the test runs it as the server would.
vi.mock("server-only", () => ({}));
process.env.AUTH_SECRET ??= "permissions-test-secret-0123456789abcdef";

const db = useTestDb({ max: 4 });

type User = Awaited<ReturnType<typeof createUser>>;

interface Fixtures {
  home: Awaited<ReturnType<typeof createAgency>>;
  ministry: Awaited<ReturnType<typeof createAgency>>;
  users: Record<Exclude<Caller, "ANONYMOUS">, User>;
  procedure: Awaited<ReturnType<typeof createProcedure>>;
  components: { id: string; required: boolean }[];
  /** Received at the counter of the home agency (RECEIVED, at the appraisal step). */
  received: { id: string; code: string; applicantIdNumber: string };
  /** Online dossiers filed by the citizen. */
  owned: { code: string };
  toWithdraw: { code: string };
  awaitingSupplement: { code: string };
  returned: { code: string };
  /** A draft of the citizen's. */
  draftId: string;
}

interface CallContext {
  f: Fixtures;
  caller: Caller;
  /** The caller's account (null when anonymous). */
  user: User | null;
}

interface Fixture {
  input: (c: CallContext) => unknown;
  /** The records belong to this caller: other allowed callers must get the entry's hiddenAs. */
  owner?: Caller;
  /** Errors an allowed caller may get from the fixture data, with the reason. */
  tolerate?: Partial<Record<string, string>>;
  /** A refusal reported inside a successful response (per-item results). */
  refusalIn?: (output: unknown) => string | null;
}

const KEY = () => `perm-${uniqueToken()}`;
let dayCounter = 0;
/** A date no other test uses, in a far year (holiday rows are shared by the run). */
function freshDay(): string {
  dayCounter += 1;
  return new Date(Date.UTC(2091, 0, 1) + dayCounter * 86_400_000).toISOString().slice(0, 10);
}

function randomIdNumber(): string {
  return String(Math.floor(Math.random() * 1e12)).padStart(12, "0");
}

async function currentVersion(dossierId: string): Promise<number> {
  return (await db.dossier.findUniqueOrThrow({ where: { id: dossierId }, select: { version: true } })).version;
}

async function freshOfficer(f: Fixtures, role: Role = "SPECIALIST") {
  return createUser(db, { memberships: [{ agencyId: f.home.id, role }] });
}

function procedureContent(validFrom: Date) {
  return {
    nameVi: "Thủ tục kiểm tra quyền",
    nameEn: "Permission test procedure",
    authorityVi: "Sở Khoa học và Công nghệ",
    authorityEn: "Department of Science and Technology",
    limitValue: 5,
    limitUnit: "WORKING_DAY" as const,
    fee: { kind: "none" as const },
    legalBasisVi: "Văn bản thử nghiệm",
    onlineLevel: "PARTIAL" as const,
    channels: [1, 2] as (1 | 2 | 3)[],
    acrossBoundary: false,
    formSchema: { version: 1, fields: [{ key: "note", type: "text", labelVi: "Ghi chú", labelEn: "Note" }] },
    components: [{ nameVi: "Đơn", nameEn: "Form", required: true, acceptedTypes: ["application/pdf" as const], maxSizeBytes: 1024 * 1024 }],
    steps: (
      [
        ["RECEPTION", "RECEPTION_OFFICER", 4],
        ["APPRAISAL", "SPECIALIST", 24],
        ["APPROVAL", "LEADER", 8],
        ["ISSUANCE", "RECORDS_CLERK", 2],
        ["RETURN", "RECEPTION_OFFICER", 2],
      ] as const
    ).map(([kind, role, hours]) => ({ kind, nameVi: kind, nameEn: kind, role, allowanceValue: hours, allowanceUnit: "WORKING_HOUR" as const })),
    validFrom,
  };
}

const FIXTURES: Record<string, Fixture> = {
  "me.get": { input: () => undefined },
  "agency.list": { input: () => undefined },
  "agency.dossierCounts": { input: () => undefined },
  "sector.list": { input: () => undefined },

  "dossier.worklist": { input: () => ({ view: "all" }) },
  "dossier.get": { input: ({ f }) => ({ dossierId: f.received.id }) },
  "dossier.assignees": { input: ({ f }) => ({ dossierId: f.received.id }) },
  "dossier.counts": { input: ({ f }) => ({ agencyId: f.home.id }) },
  "dossier.procedurePicker": { input: ({ f }) => ({ agencyId: f.home.id }) },
  "dossier.act": {
    input: async ({ f }) => ({
      action: "COMMENT",
      dossierId: f.received.id,
      expectedVersion: await currentVersion(f.received.id),
      idempotencyKey: KEY(),
      payload: { note: "Kiểm tra quyền" },
    }),
  },
  "dossier.bulkAssign": {
    input: async ({ f }) => ({
      items: [{ dossierId: f.received.id, expectedVersion: await currentVersion(f.received.id) }],
      assigneeId: f.users.SPECIALIST.id,
      idempotencyKey: KEY(),
    }),
    refusalIn: (output) => {
      const first = (output as { results: Array<{ ok: boolean; error?: { code: string } }> }).results[0]!;
      return first.ok ? null : (first.error?.code ?? "UNKNOWN");
    },
  },
  "dossier.intake": {
    input: ({ f }) => ({
      agencyId: f.home.id,
      procedureVersionId: f.procedure.version.id,
      channel: 1,
      applicantName: "Vũ Thị Lan",
      checklist: f.components.filter((c) => c.required).map((c) => c.id),
      idempotencyKey: KEY(),
    }),
  },

  "dossier.reserveCodes": { input: ({ f }) => ({ agencyId: f.home.id, deviceId: `device-${uniqueToken()}`, count: 2 }) },
  "dossier.intakeKit": { input: ({ f }) => ({ agencyId: f.home.id }) },

  "catalogue.search": { input: () => ({}) },
  "catalogue.filters": { input: () => undefined },
  "catalogue.byCode": { input: ({ f }) => ({ code: f.procedure.procedure.code }) },
  "tracking.get": { input: ({ f }) => ({ code: f.received.code }) },
  "tracking.checkIdNumber": { input: ({ f }) => ({ code: f.received.code, idNumber: f.received.applicantIdNumber }) },
  "tracking.rate": {
    owner: "CITIZEN",
    input: ({ f }) => ({ code: f.returned.code, scores: { overall: 5, timeliness: 4, staffAttitude: 5, contactsNeeded: 4 } }),
  },

  "account.register": {
    input: () => ({ name: "Hoàng Văn Nam", email: `reg-${uniqueToken().toLowerCase()}@example.test`, password: "Dangky@2026x", idNumber: randomIdNumber() }),
  },
  "account.profile": { input: () => undefined },
  "account.updateProfile": { input: ({ user }) => ({ name: user?.name ?? "x", idNumber: user?.idNumber ?? undefined }) },
  "account.dossiers": { input: () => ({}) },
  "account.dossier": { owner: "CITIZEN", input: ({ f }) => ({ code: f.owned.code }) },
  "account.answerSupplement": { owner: "CITIZEN", input: ({ f }) => ({ code: f.awaitingSupplement.code, idempotencyKey: KEY(), note: "Đã bổ sung giấy tờ" }) },
  "account.withdraw": { owner: "CITIZEN", input: ({ f }) => ({ code: f.toWithdraw.code, idempotencyKey: KEY(), reason: "Không còn nhu cầu" }) },

  "submission.getDraft": { owner: "CITIZEN", input: ({ f }) => ({ draftId: f.draftId }) },
  "submission.saveDraft": { input: ({ f }) => ({ procedureVersionId: f.procedure.version.id, formData: { fields: { note: "Bản nháp" } } }) },
  "submission.submit": {
    owner: "CITIZEN",
    input: ({ f }) => ({ draftId: f.draftId, idempotencyKey: KEY() }),
    tolerate: { BAD_REQUEST: "the fixture draft is incomplete (no applicant, no files): the submission validator refuses it once ownership passed" },
  },

  "admin.scope": { input: () => undefined },
  "admin.agency.list": { input: () => undefined },
  "admin.agency.get": { input: ({ f }) => ({ agencyId: f.home.id }) },
  "admin.agency.update": {
    input: ({ f }) => ({
      agencyId: f.home.id,
      code: f.home.code,
      codeIsDemo: true,
      workingHours: [
        { start: "07:00", end: "11:30" },
        { start: "13:30", end: "17:00" },
      ],
      trainingMode: false,
    }),
  },
  "admin.user.list": { input: () => ({}) },
  "admin.user.get": { input: ({ f }) => ({ userId: f.users.SPECIALIST.id }) },
  "admin.user.create": {
    input: ({ f }) => ({
      name: "Lý Văn Tâm",
      email: `officer-${uniqueToken().toLowerCase()}@example.test`,
      password: "Canbo@2026xy",
      memberships: [{ agencyId: f.home.id, role: "SPECIALIST" }],
    }),
  },
  "admin.user.setActive": { input: async ({ f }) => ({ userId: (await freshOfficer(f)).id, active: false }) },
  "admin.user.setPassword": { input: async ({ f }) => ({ userId: (await freshOfficer(f)).id, password: "Matkhau@2026x" }) },
  "admin.membership.grant": { input: async ({ f }) => ({ userId: (await freshOfficer(f)).id, agencyId: f.home.id, role: "LEADER" }) },
  "admin.membership.revoke": { input: async ({ f }) => ({ membershipId: (await freshOfficer(f, "LEADER")).memberships[0]!.id }) },
  "admin.holiday.list": { input: () => ({ year: 2026 }) },
  "admin.holiday.add": { input: ({ f }) => ({ date: freshDay(), kind: "HOLIDAY", nameVi: "Ngày nghỉ địa phương", nameEn: "Local day off", agencyId: f.home.id }) },
  "admin.holiday.remove": {
    input: async ({ f }) => {
      const row = await db.holiday.create({ data: { date: new Date(`${freshDay()}T00:00:00Z`), nameVi: "x", nameEn: "x", agencyId: f.home.id } });
      return { holidayId: row.id };
    },
  },
  "admin.holiday.previewImport": { input: ({ f }) => ({ csv: `${freshDay()},HOLIDAY,Nghỉ,Day off`, agencyId: f.home.id }) },
  "admin.holiday.importCsv": { input: ({ f }) => ({ csv: `${freshDay()},HOLIDAY,Nghỉ,Day off`, agencyId: f.home.id }) },
  "admin.procedure.list": { input: () => ({}) },
  "admin.procedure.get": { input: ({ f }) => ({ procedureId: f.procedure.procedure.id }) },
  "admin.procedure.sectors": { input: () => undefined },
  "admin.procedure.create": {
    input: ({ f }) => ({
      code: `7.${uniqueToken()}`,
      sectorId: f.procedure.sector.id,
      level: "PROVINCE",
      agencyIds: [f.home.id],
      content: procedureContent(new Date("2025-07-01T00:00:00Z")),
    }),
  },
  "admin.procedure.createVersion": {
    input: async ({ f }) => {
      const fresh = await createProcedure(db, { agencyIds: [f.home.id] });
      return { procedureId: fresh.procedure.id, basedOnVersionId: fresh.version.id, content: procedureContent(new Date()) };
    },
  },
  "admin.procedure.updateSettings": {
    input: async ({ f }) => {
      const fresh = await createProcedure(db, { agencyIds: [f.home.id] });
      return { procedureId: fresh.procedure.id, sectorId: fresh.sector.id, level: "PROVINCE", active: true, agencyIds: [f.home.id] };
    },
  },
  "admin.audit.list": { input: () => ({}) },
  "admin.jobs.list": { input: () => ({}) },
  "admin.jobs.retry": {
    input: () => ({ queue: "dead/test.permissions", id: randomUUID() }),
    tolerate: { NOT_FOUND: "no such failed job: server/modules/jobs/jobs-admin.int.test.ts retries real ones" },
  },
  "admin.jobs.discard": {
    input: () => ({ queue: "dead/test.permissions", id: randomUUID() }),
    tolerate: { NOT_FOUND: "no such failed job: server/modules/jobs/jobs-admin.int.test.ts discards real ones" },
  },

  "notification.list": { input: () => ({}) },
  "notification.get": { owner: "CITIZEN", input: async ({ f }) => ({ id: (await citizenNotification(f)).id }) },
  "notification.unreadCount": { input: () => undefined },
  "notification.markRead": { owner: "CITIZEN", input: async ({ f }) => ({ id: (await citizenNotification(f)).id }) },
  "notification.channels": { input: () => undefined },
  "notification.updateChannels": { input: () => ({ email: true, sms: false }) },
  "notification.template.list": { input: () => undefined },
  "notification.template.get": { input: () => ({ template: "dossier.received" }) },
  "notification.template.preview": { input: () => ({ template: "dossier.received", channel: "SMS", locale: "vi", body: "Ho so {{code}}" }) },
  "notification.template.update": { input: () => ({ template: "dossier.received", channel: "IN_APP", locale: "en", subject: "Dossier {{code}} received", body: "Result due {{dueDate}}." }) },

  "passwordReset.request": { input: () => ({ email: `nobody-${uniqueToken().toLowerCase()}@example.test` }) },
  "passwordReset.check": { input: () => ({ token: "x".repeat(43) }) },
  "passwordReset.reset": {
    input: () => ({ token: "x".repeat(43), password: "Matkhau@2026x" }),
    tolerate: { BAD_REQUEST: "an unknown link is refused as a field error (the token is the credential)" },
  },
};

/** An in-app notification of the fixtures' citizen. */
async function citizenNotification(f: Fixtures) {
  return db.notificationDelivery.create({
    data: { sourceKey: `perm:${uniqueToken()}`, recipientKey: `user:${f.users.CITIZEN.id}`, channel: "IN_APP", template: "dossier.received", locale: "vi", userId: f.users.CITIZEN.id, subject: "x", body: "x", status: "SENT" },
    select: { id: true },
  });
}

const PROCEDURE_PATHS = Object.keys(appRouter._def.procedures).sort();
const REFUSALS = new Set(["UNAUTHORIZED", "FORBIDDEN"]);

let fixtures: Fixtures;

async function setUp(): Promise<Fixtures> {
  const home = await createAgency(db, { provinceName: "Hà Nội" });
  const ministry = await createAgency(db, { kind: "MINISTRY", provinceName: null });
  const procedure = await createProcedure(db, { agencyIds: [home.id] });
  const components = await Promise.all(
    [
      { order: 1, nameVi: "Đơn đề nghị", nameEn: "Application", required: true },
      { order: 2, nameVi: "Tài liệu khác", nameEn: "Other", required: false },
    ].map((c) => db.documentComponent.create({ data: { ...c, procedureVersionId: procedure.version.id }, select: { id: true, required: true } })),
  );
  const atMinistry = new Set<Role>(["CONTROLLER", "SYSTEM_ADMIN"]);
  const roles: Role[] = ["RECEPTION_OFFICER", "SPECIALIST", "LEADER", "RECORDS_CLERK", "POSTAL_STAFF", "AGENCY_ADMIN", "CONTROLLER", "SYSTEM_ADMIN"];
  const users = { CITIZEN: await createUser(db, { kind: "CITIZEN" }) } as Fixtures["users"];
  for (const role of roles) users[role] = await createUser(db, { memberships: [{ agencyId: atMinistry.has(role) ? ministry.id : home.id, role }] });

  const applicantIdNumber = "001190004321";
  const received = await intakeDossier(db, {
    actorUserId: users.RECEPTION_OFFICER.id,
    agencyId: home.id,
    procedureVersionId: procedure.version.id,
    channel: 1,
    applicantName: "Trịnh Văn Quân",
    applicantIdNumber,
    checklist: components.filter((c) => c.required).map((c) => c.id),
    idempotencyKey: KEY(),
  });
  const online = () =>
    createDossier(db, dossierInput({ procedureVersionId: procedure.version.id, agencyId: home.id }, { channel: 2, status: "NEW", ownerId: users.CITIZEN.id }));
  const owned = await online();
  const toWithdraw = await online();
  const awaitingSupplement = await online();
  await applyDossierAction(db, {
    actorUserId: users.RECEPTION_OFFICER.id,
    action: "REQUEST_SUPPLEMENT",
    dossierId: awaitingSupplement.id,
    expectedVersion: await currentVersion(awaitingSupplement.id),
    idempotencyKey: KEY(),
    payload: { items: ["Bản sao giấy phép"], note: "Thiếu giấy phép" },
  });
  const returned = await online();
  // The rating needs a returned dossier; its history is not what this test is about.
  await db.dossier.update({ where: { id: returned.id }, data: { status: "RETURNED", returnedAt: new Date() } });
  const draft = await db.dossierDraft.create({ data: { ownerId: users.CITIZEN.id, procedureVersionId: procedure.version.id, formData: {} } });
  return {
    draftId: draft.id,
    home,
    ministry,
    users,
    procedure,
    components,
    received: { id: received.id, code: received.code, applicantIdNumber },
    owned,
    toWithdraw,
    awaitingSupplement,
    returned,
  };
}

function callerFor(caller: Caller, index: number) {
  const user = caller === "ANONYMOUS" ? null : fixtures.users[caller];
  // One client address per caller kind, so public rate limits never mix callers up.
  const headers = new Headers({ "x-forwarded-for": `10.77.0.${index + 1}` });
  return {
    user,
    api: createCaller({ db, session: user ? { id: user.id, kind: user.kind } : null, locale: "vi", headers }),
  };
}

/** "OK", a tRPC error code, or an in-band refusal code ("FORBIDDEN" from a per-item result). */
async function outcome(path: string, caller: Caller, index: number): Promise<string> {
  const fixture = FIXTURES[path]!;
  const { user, api } = callerFor(caller, index);
  const input = await fixture.input({ f: fixtures, caller, user });
  const fn = path.split(".").reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], api) as (input: unknown) => Promise<unknown>;
  try {
    const output = await fn(input);
    const refused = fixture.refusalIn?.(output) ?? null;
    return refused === null ? "OK" : refused === "UNAUTHENTICATED" ? "UNAUTHORIZED" : refused;
  } catch (error) {
    if (error instanceof TRPCError) return error.code;
    throw error;
  }
}

describe("permission table", () => {
  beforeAll(async () => {
    fixtures = await setUp();
  });

  it("names every procedure of the router, and only those; every procedure has a fixture", () => {
    const table = Object.keys(PERMISSIONS).sort();
    expect(PROCEDURE_PATHS.filter((p) => !table.includes(p)), "procedures missing from server/api/permissions.ts").toEqual([]);
    expect(table.filter((p) => !PROCEDURE_PATHS.includes(p)), "table entries for procedures that do not exist").toEqual([]);
    expect(PROCEDURE_PATHS.filter((p) => !FIXTURES[p]), "procedures without a fixture in permissions.int.test.ts").toEqual([]);
    expect(Object.keys(FIXTURES).filter((p) => !PROCEDURE_PATHS.includes(p)), "fixtures for procedures that do not exist").toEqual([]);
    for (const [path, entry] of Object.entries(PERMISSIONS)) {
      if (FIXTURES[path]?.owner) expect(entry.hiddenAs, `${path}: a fixture with an owner needs hiddenAs`).toBeDefined();
    }
  });

  describe.each(PROCEDURE_PATHS)("%s", (path) => {
    it("admits exactly the callers the table lists", async () => {
      const entry = PERMISSIONS[path];
      const fixture = FIXTURES[path];
      expect(entry, `${path} is missing from server/api/permissions.ts`).toBeDefined();
      expect(fixture, `${path} has no fixture in server/api/permissions.int.test.ts`).toBeDefined();
      const problems: string[] = [];
      for (const [index, caller] of ALL_CALLERS.entries()) {
        const got = await outcome(path, caller, index);
        const allowed = entry!.roles.includes(caller);
        if (allowed && fixture!.owner && caller !== fixture!.owner) {
          if (got !== entry!.hiddenAs) problems.push(`${caller}: expected ${entry!.hiddenAs} (not the owner), got ${got}`);
        } else if (allowed) {
          if (REFUSALS.has(got)) problems.push(`${caller}: allowed by the table, refused with ${got}`);
          else if (got !== "OK" && !fixture!.tolerate?.[got]) problems.push(`${caller}: allowed, failed with ${got} (not tolerated by the fixture)`);
        } else if (!REFUSALS.has(got) && got !== entry!.hiddenAs) {
          problems.push(`${caller}: refused by the table, got ${got}`);
        }
      }
      expect(problems).toEqual([]);
    });
  });
});
