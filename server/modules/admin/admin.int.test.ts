// Administration against PostgreSQL: every change leaves an audit row with before and after, an
// agency administrator stays inside their agency, new procedure versions leave filed dossiers on
// their version, a holiday CSV with a bad line imports nothing.
import { beforeAll, describe, expect, it } from "vitest";
import { AppError } from "../../errors";
import { useTestDb } from "../../test/db";
import { createAgency, createProcedure, createUser, dossierInput, uniqueToken } from "../../test/factories";
import { loadActor, validateSession } from "../auth/queries";
import { signInWithPassword } from "../auth/commands/sign-in-with-password";
import { createDossier } from "../dossier/commands/create-dossier";
import { addHoliday } from "./commands/add-holiday";
import { createOfficer } from "./commands/create-officer";
import { createProcedure as adminCreateProcedure } from "./commands/create-procedure";
import { createProcedureVersion } from "./commands/create-procedure-version";
import { grantMembership } from "./commands/grant-membership";
import { importHolidays } from "./commands/import-holidays";
import { removeHoliday } from "./commands/remove-holiday";
import { revokeMembership } from "./commands/revoke-membership";
import { setUserActive } from "./commands/set-user-active";
import { setUserPassword } from "./commands/set-user-password";
import { updateAgency } from "./commands/update-agency";
import { listAuditLog } from "./queries/audit-log";
import { listHolidays, previewHolidayImport } from "./queries/holidays";
import { getAdminProcedure } from "./queries/procedures";
import { listUsers } from "./queries/users";
import type { TProcedureContent } from "./schema";

const db = useTestDb({ max: 4 });

async function failure(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected a refusal");
}

const PASSWORD = "Quantri@2026x";

let ministry: Awaited<ReturnType<typeof createAgency>>;
let hanoi: Awaited<ReturnType<typeof createAgency>>;
let hue: Awaited<ReturnType<typeof createAgency>>;
let sysadmin: Awaited<ReturnType<typeof createUser>>;
let hanoiAdmin: Awaited<ReturnType<typeof createUser>>;

beforeAll(async () => {
  ministry = await createAgency(db, { kind: "MINISTRY", provinceName: null });
  hanoi = await createAgency(db, { provinceName: "Hà Nội" });
  hue = await createAgency(db, { provinceName: "Huế" });
  sysadmin = await createUser(db, { memberships: [{ agencyId: ministry.id, role: "SYSTEM_ADMIN" }] });
  hanoiAdmin = await createUser(db, { memberships: [{ agencyId: hanoi.id, role: "AGENCY_ADMIN" }] });
});

async function auditRows(entity: string, entityId: string) {
  return db.auditLog.findMany({ where: { entity, entityId }, orderBy: { at: "asc" } });
}

function agencyUpdate(agency: { id: string; code: string }, overrides: Record<string, unknown> = {}) {
  return {
    agencyId: agency.id,
    code: agency.code,
    codeIsDemo: true,
    address: "Số 1 Tràng Tiền",
    hotline: "024 3825 0000",
    email: "Motcua@Example.test",
    workingHours: [
      { start: "07:30", end: "11:30" },
      { start: "13:00", end: "17:00" },
    ],
    trainingMode: false,
    ...overrides,
  };
}

describe("agencies", () => {
  it("saves settings with an audit row holding before and after", async () => {
    const saved = await updateAgency(db, { actorUserId: hanoiAdmin.id, ...agencyUpdate(hanoi) });
    expect(saved).toMatchObject({ address: "Số 1 Tràng Tiền", email: "motcua@example.test", workingHours: [{ start: "07:30" }, { start: "13:00" }] });
    const [row] = await auditRows("Agency", hanoi.id);
    expect(row).toMatchObject({ actorId: hanoiAdmin.id, action: "update" });
    expect(row!.before).toMatchObject({ address: null, workingHours: [{ start: "07:00", end: "11:30" }, { start: "13:30", end: "17:00" }] });
    expect(row!.after).toMatchObject({ address: "Số 1 Tràng Tiền", hotline: "024 3825 0000", workingHours: [{ start: "07:30", end: "11:30" }, { start: "13:00", end: "17:00" }] });
  });

  it("refuses overlapping or reversed working periods", async () => {
    const overlapping = await failure(
      updateAgency(db, { actorUserId: hanoiAdmin.id, ...agencyUpdate(hanoi, { workingHours: [{ start: "07:00", end: "12:00" }, { start: "11:00", end: "17:00" }] }) }),
    );
    expect(overlapping.code).toBe("VALIDATION");
    expect(overlapping.details?.fieldErrors).toEqual({ workingHours: "PERIODS_OVERLAP" });
    const reversed = await failure(updateAgency(db, { actorUserId: hanoiAdmin.id, ...agencyUpdate(hanoi, { workingHours: [{ start: "17:00", end: "07:00" }] }) }));
    expect(reversed.code).toBe("VALIDATION");
  });

  it("keeps an agency administrator inside their agency", async () => {
    const before = await db.agency.findUniqueOrThrow({ where: { id: hue.id } });
    expect((await failure(updateAgency(db, { actorUserId: hanoiAdmin.id, ...agencyUpdate(hue) }))).code).toBe("FORBIDDEN");
    expect((await failure(updateAgency(db, { actorUserId: hanoiAdmin.id, ...agencyUpdate(hanoi, { active: false }) }))).code).toBe("FORBIDDEN");
    expect(await db.agency.findUniqueOrThrow({ where: { id: hue.id } })).toEqual(before);
    expect(await auditRows("Agency", hue.id)).toEqual([]);
    // An officer who is no administrator is refused outright.
    const officer = await createUser(db, { memberships: [{ agencyId: hanoi.id, role: "LEADER" }] });
    expect((await failure(updateAgency(db, { actorUserId: officer.id, ...agencyUpdate(hanoi) }))).code).toBe("FORBIDDEN");
  });

  it("refuses an identifier code already taken", async () => {
    const error = await failure(updateAgency(db, { actorUserId: sysadmin.id, ...agencyUpdate(hue, { code: hanoi.code }) }));
    expect(error.details?.fieldErrors).toEqual({ code: "CODE_TAKEN" });
  });

  it("training mode: dossiers filed while it is on are test dossiers", async () => {
    const agency = await createAgency(db);
    const admin = await createUser(db, { memberships: [{ agencyId: agency.id, role: "AGENCY_ADMIN" }] });
    const { version } = await createProcedure(db, { agencyIds: [agency.id] });
    const normal = await createDossier(db, dossierInput({ procedureVersionId: version.id, agencyId: agency.id }));
    await updateAgency(db, { actorUserId: admin.id, ...agencyUpdate(agency, { trainingMode: true }) });
    const training = await createDossier(db, dossierInput({ procedureVersionId: version.id, agencyId: agency.id }));
    const rows = await db.dossier.findMany({ where: { id: { in: [normal.id, training.id] } }, select: { id: true, isTest: true } });
    expect(Object.fromEntries(rows.map((r) => [r.id, r.isTest]))).toEqual({ [normal.id]: false, [training.id]: true });
    expect((await auditRows("Agency", agency.id)).map((r) => r.action)).toEqual(["update.trainingOn"]);
  });
});

describe("users and memberships", () => {
  it("creates an officer who can sign in, audited without the password", async () => {
    const email = `officer-${uniqueToken().toLowerCase()}@example.test`;
    const user = await createOfficer(db, {
      actorUserId: hanoiAdmin.id,
      name: "Đỗ Thị Mai",
      email,
      password: PASSWORD,
      memberships: [{ agencyId: hanoi.id, role: "SPECIALIST" }],
    });
    expect(user).toMatchObject({ kind: "OFFICER", hasPassword: true, memberships: [{ agencyId: hanoi.id, role: "SPECIALIST", active: true }] });
    expect((await signInWithPassword(db, { identifier: email, password: PASSWORD })).ok).toBe(true);
    const [row] = await auditRows("User", user.id);
    expect(row).toMatchObject({ actorId: hanoiAdmin.id, action: "create", before: null });
    expect(JSON.stringify(row!.after)).not.toContain("scrypt");
  });

  it("refuses weak passwords and memberships at another agency", async () => {
    const weak = await failure(
      createOfficer(db, { actorUserId: hanoiAdmin.id, name: "A", email: `w-${uniqueToken()}@example.test`, password: "short", memberships: [{ agencyId: hanoi.id, role: "LEADER" }] }),
    );
    expect(weak.details?.fieldErrors).toMatchObject({ password: "TOO_SHORT" });
    const elsewhere = await failure(
      createOfficer(db, { actorUserId: hanoiAdmin.id, name: "A", email: `x-${uniqueToken()}@example.test`, password: PASSWORD, memberships: [{ agencyId: hue.id, role: "LEADER" }] }),
    );
    expect(elsewhere.code).toBe("FORBIDDEN");
    const elevated = await failure(
      createOfficer(db, { actorUserId: hanoiAdmin.id, name: "A", email: `y-${uniqueToken()}@example.test`, password: PASSWORD, memberships: [{ agencyId: hanoi.id, role: "SYSTEM_ADMIN" }] }),
    );
    expect(elevated.code).toBe("FORBIDDEN");
  });

  it("deactivation ends sessions and sign-in; reactivation restores sign-in", async () => {
    const email = `d-${uniqueToken().toLowerCase()}@example.test`;
    const user = await createOfficer(db, { actorUserId: hanoiAdmin.id, name: "Phan Văn Tú", email, password: PASSWORD, memberships: [{ agencyId: hanoi.id, role: "RECEPTION_OFFICER" }] });
    const claims = { userId: user.id, sessionVersion: 0 };
    expect(await validateSession(db, claims, { maxAgeMs: 3_600_000 })).not.toBeNull();

    const off = await setUserActive(db, { actorUserId: hanoiAdmin.id, userId: user.id, active: false });
    expect(off.active).toBe(false);
    expect(await validateSession(db, claims, { maxAgeMs: 3_600_000 })).toBeNull();
    expect(await loadActor(db, { userId: user.id })).toBeNull();
    expect(await signInWithPassword(db, { identifier: email, password: PASSWORD })).toEqual({ ok: false, reason: "INVALID_CREDENTIALS" });
    const [row] = await db.auditLog.findMany({ where: { entity: "User", entityId: user.id, action: "deactivate" } });
    expect(row!.before).toMatchObject({ active: true });
    expect(row!.after).toMatchObject({ active: false });

    await setUserActive(db, { actorUserId: hanoiAdmin.id, userId: user.id, active: true });
    expect((await signInWithPassword(db, { identifier: email, password: PASSWORD })).ok).toBe(true);
    // The old session stays dead: reactivation does not revive tokens issued before.
    expect(await validateSession(db, claims, { maxAgeMs: 3_600_000 })).toBeNull();
  });

  it("keeps an agency administrator away from other agencies' accounts and from themselves", async () => {
    const both = await createUser(db, { memberships: [{ agencyId: hanoi.id, role: "SPECIALIST" }, { agencyId: hue.id, role: "SPECIALIST" }] });
    const hueOnly = await createUser(db, { memberships: [{ agencyId: hue.id, role: "LEADER" }] });
    expect((await failure(setUserActive(db, { actorUserId: hanoiAdmin.id, userId: both.id, active: false }))).code).toBe("FORBIDDEN");
    expect((await failure(setUserActive(db, { actorUserId: hanoiAdmin.id, userId: hueOnly.id, active: false }))).code).toBe("NOT_FOUND");
    expect((await failure(setUserPassword(db, { actorUserId: hanoiAdmin.id, userId: hueOnly.id, password: PASSWORD }))).code).toBe("NOT_FOUND");
    expect((await failure(setUserActive(db, { actorUserId: hanoiAdmin.id, userId: hanoiAdmin.id, active: false }))).code).toBe("VALIDATION");
    const hueMembership = hueOnly.memberships[0]!;
    expect((await failure(revokeMembership(db, { actorUserId: hanoiAdmin.id, membershipId: hueMembership.id }))).code).toBe("NOT_FOUND");
    expect((await failure(grantMembership(db, { actorUserId: hanoiAdmin.id, userId: both.id, agencyId: hue.id, role: "LEADER" }))).code).toBe("FORBIDDEN");
    expect(await db.user.findUniqueOrThrow({ where: { id: both.id }, select: { active: true } })).toEqual({ active: true });
    // The list shows only the agency's people.
    const page = await listUsers(db, { actorUserId: hanoiAdmin.id, limit: 100 });
    expect(page.items.map((u) => u.id)).toContain(both.id);
    expect(page.items.map((u) => u.id)).not.toContain(hueOnly.id);
    // The system administrator may.
    await setUserActive(db, { actorUserId: sysadmin.id, userId: both.id, active: false });
  });

  it("grants and revokes roles with audit rows; rights follow at once; no self lock-out", async () => {
    const user = await createUser(db, { memberships: [{ agencyId: hanoi.id, role: "SPECIALIST" }] });
    const granted = await grantMembership(db, { actorUserId: hanoiAdmin.id, userId: user.id, agencyId: hanoi.id, role: "LEADER" });
    const leader = granted.memberships.find((m) => m.role === "LEADER")!;
    expect((await loadActor(db, { userId: user.id }))!.memberships).toContainEqual({ agencyId: hanoi.id, role: "LEADER" });
    await revokeMembership(db, { actorUserId: hanoiAdmin.id, membershipId: leader.id });
    expect((await loadActor(db, { userId: user.id }))!.memberships).not.toContainEqual({ agencyId: hanoi.id, role: "LEADER" });
    const rows = await auditRows("Membership", leader.id);
    expect(rows.map((r) => [r.action, (r.before as { active?: boolean } | null)?.active ?? null, (r.after as { active: boolean }).active])).toEqual([
      ["grant", null, true],
      ["revoke", true, false],
    ]);
    // Granting again re-activates the same row.
    const again = await grantMembership(db, { actorUserId: hanoiAdmin.id, userId: user.id, agencyId: hanoi.id, role: "LEADER" });
    expect(again.memberships.find((m) => m.role === "LEADER")).toMatchObject({ id: leader.id, active: true });

    const own = hanoiAdmin.memberships[0]!;
    expect((await failure(revokeMembership(db, { actorUserId: hanoiAdmin.id, membershipId: own.id }))).details?.fieldErrors).toEqual({ membershipId: "SELF_LOCKOUT" });
  });
});

describe("holidays", () => {
  // A year far from every other test's dates: the nationwide calendar is shared by the run.
  const YEAR = 2093;

  it("adds and removes days with audit rows; refuses duplicates and weekday working days", async () => {
    const added = await addHoliday(db, { actorUserId: sysadmin.id, date: `${YEAR}-05-01`, kind: "HOLIDAY", nameVi: "Quốc tế Lao động", nameEn: "Labour Day" });
    expect((await failure(addHoliday(db, { actorUserId: sysadmin.id, date: `${YEAR}-05-01`, kind: "HOLIDAY", nameVi: "x", nameEn: "x" }))).details?.fieldErrors).toEqual({ date: "EXISTS" });
    // 2 May 2093 is a Saturday, 4 May a Monday.
    expect((await failure(addHoliday(db, { actorUserId: sysadmin.id, date: `${YEAR}-05-04`, kind: "WORKING_DAY", nameVi: "x", nameEn: "x" }))).details?.fieldErrors).toEqual({ date: "NOT_WEEKEND" });
    expect((await failure(addHoliday(db, { actorUserId: hanoiAdmin.id, date: `${YEAR}-05-05`, kind: "HOLIDAY", nameVi: "x", nameEn: "x" }))).code).toBe("FORBIDDEN");
    await removeHoliday(db, { actorUserId: sysadmin.id, holidayId: added.id });
    expect((await auditRows("Holiday", added.id)).map((r) => [r.action, r.before === null, r.after === null])).toEqual([
      ["create", true, false],
      ["delete", false, true],
    ]);
  });

  it("reports CSV errors per line and imports nothing while any line is wrong", async () => {
    await addHoliday(db, { actorUserId: sysadmin.id, date: `${YEAR}-01-01`, kind: "HOLIDAY", nameVi: "Tết Dương lịch", nameEn: "New Year's Day" });
    const csv = [
      "date,kind,nameVi,nameEn",
      `${YEAR}-09-02,HOLIDAY,Quốc khánh,National Day`,
      `${YEAR}-02-30,HOLIDAY,Sai ngày,Bad date`,
      `${YEAR}-09-03,HOLIDAY_X,Sai loại,Bad kind`,
      `${YEAR}-09-07,WORKING_DAY,Làm bù,Make-up day`,
      `${YEAR}-09-02,HOLIDAY,Trùng,Duplicate`,
      `${YEAR}-01-01,HOLIDAY,Khác tên,Other name`,
      `${YEAR}-09-01,HOLIDAY,"Nghỉ lễ, liền kề",`,
      "only,three,cells",
    ].join("\n");
    const before = await db.holiday.count();
    const preview = await previewHolidayImport(db, { actorUserId: sysadmin.id, csv });
    expect(preview.errors.map((e) => [e.line, e.code])).toEqual([
      [3, "DATE"],
      [4, "KIND"],
      [5, "NOT_WEEKEND"],
      [6, "DUPLICATE_IN_FILE"],
      [7, "EXISTS"],
      [8, "NAME_EN"],
      [9, "COLUMNS"],
    ]);
    const refused = await failure(importHolidays(db, { actorUserId: sysadmin.id, csv }));
    expect(refused.code).toBe("VALIDATION");
    expect((refused.details?.errors as unknown[]).length).toBe(7);
    expect(await db.holiday.count()).toBe(before);
  });

  it("imports a clean file (quoted names, swapped Saturday), leaving identical days unchanged", async () => {
    const csv = [
      `${YEAR}-01-01,HOLIDAY,Tết Dương lịch,New Year's Day`,
      `${YEAR}-04-30,holiday,"Ngày Chiến thắng (30/4)","Reunification Day, 30 April"`,
      `${YEAR}-05-02,WORKING_DAY,Làm việc bù,Working Saturday`,
      "",
    ].join("\r\n");
    const preview = await previewHolidayImport(db, { actorUserId: sysadmin.id, csv });
    expect(preview).toMatchObject({ errors: [], toAdd: 2 });
    const result = await importHolidays(db, { actorUserId: sysadmin.id, csv });
    expect(result.unchanged).toBe(1);
    expect(result.added.map((h) => [h.date, h.kind, h.nameEn])).toEqual([
      [`${YEAR}-04-30`, "HOLIDAY", "Reunification Day, 30 April"],
      [`${YEAR}-05-02`, "WORKING_DAY", "Working Saturday"],
    ]);
    const year = await listHolidays(db, { actorUserId: hanoiAdmin.id, year: YEAR });
    expect(year.map((h) => h.date)).toEqual([`${YEAR}-01-01`, `${YEAR}-04-30`, `${YEAR}-05-02`]);
    for (const h of result.added) expect((await auditRows("Holiday", h.id)).map((r) => r.action)).toEqual(["import"]);
    // An agency administrator may not import into the nationwide calendar, but may into their own.
    expect((await failure(importHolidays(db, { actorUserId: hanoiAdmin.id, csv: `${YEAR}-06-01,HOLIDAY,a,b` }))).code).toBe("FORBIDDEN");
    const local = await importHolidays(db, { actorUserId: hanoiAdmin.id, agencyId: hanoi.id, csv: `${YEAR}-06-01,HOLIDAY,Ngày địa phương,Local day` });
    expect(local.added[0]).toMatchObject({ agencyId: hanoi.id });
  });
});

describe("procedures", () => {
  function content(overrides: Partial<TProcedureContent> = {}): TProcedureContent {
    return {
      nameVi: "Thủ tục quản trị thử nghiệm",
      nameEn: "Admin test procedure",
      authorityVi: "Sở Khoa học và Công nghệ",
      authorityEn: "Department of Science and Technology",
      limitValue: 5,
      limitUnit: "WORKING_DAY",
      sameDayCutoff: null,
      fee: { kind: "fixed", amount: 500000 },
      legalBasisVi: "Văn bản thử nghiệm",
      onlineLevel: "FULL",
      channels: [1, 2],
      acrossBoundary: false,
      formSchema: {
        version: 1,
        fields: [
          { key: "purpose", type: "select", labelVi: "Mục đích", labelEn: "Purpose", required: true, options: [{ value: "a", labelVi: "A", labelEn: "A" }, { value: "other", labelVi: "Khác", labelEn: "Other" }] },
          { key: "purposeOther", type: "text", labelVi: "Mục đích khác", labelEn: "Other purpose", required: true, visibleWhen: { field: "purpose", equals: "other" } },
        ],
      },
      components: [{ nameVi: "Đơn", nameEn: "Form", required: true, acceptedTypes: ["application/pdf"], maxSizeBytes: 5 * 1024 * 1024 }],
      steps: [
        { kind: "RECEPTION", nameVi: "Tiếp nhận", nameEn: "Reception", role: "RECEPTION_OFFICER", allowanceValue: 4, allowanceUnit: "WORKING_HOUR" },
        { kind: "APPRAISAL", nameVi: "Thẩm định", nameEn: "Appraisal", role: "SPECIALIST", allowanceValue: 3, allowanceUnit: "WORKING_DAY" },
        { kind: "APPROVAL", nameVi: "Phê duyệt", nameEn: "Approval", role: "LEADER", allowanceValue: 8, allowanceUnit: "WORKING_HOUR" },
        { kind: "ISSUANCE", nameVi: "Phát hành", nameEn: "Issuance", role: "RECORDS_CLERK", allowanceValue: 2, allowanceUnit: "WORKING_HOUR" },
        { kind: "RETURN", nameVi: "Trả kết quả", nameEn: "Return", role: "RECEPTION_OFFICER", allowanceValue: 2, allowanceUnit: "WORKING_HOUR" },
      ],
      validFrom: new Date("2025-07-01T00:00:00+07:00"),
      validTo: null,
      ...overrides,
    };
  }

  it("creates a procedure (system administrators only) with an audit row", async () => {
    const { sector } = await createProcedure(db, { agencyIds: [hanoi.id] });
    const code = `8.${uniqueToken()}`;
    expect((await failure(adminCreateProcedure(db, { actorUserId: hanoiAdmin.id, code, sectorId: sector.id, level: "PROVINCE", agencyIds: [hanoi.id], content: content() }))).code).toBe("FORBIDDEN");
    const created = await adminCreateProcedure(db, { actorUserId: sysadmin.id, code, sectorId: sector.id, level: "PROVINCE", agencyIds: [hanoi.id], content: content() });
    const procedure = await getAdminProcedure(db, { actorUserId: sysadmin.id, procedureId: created.id });
    expect(procedure.versions).toHaveLength(1);
    expect(procedure.versions[0]).toMatchObject({ version: 1, status: "PUBLISHED", fee: { kind: "fixed", amount: 500000 }, steps: [{ order: 1, kind: "RECEPTION" }, {}, {}, {}, { order: 5 }] });
    expect(procedure.currentVersionId).toBe(created.versionId);
    const [row] = await auditRows("Procedure", created.id);
    expect(row).toMatchObject({ action: "create", before: null, after: { code, version: { version: 1, limitValue: 5 } } });
    expect((await failure(adminCreateProcedure(db, { actorUserId: sysadmin.id, code, sectorId: sector.id, level: "PROVINCE", agencyIds: [], content: content() }))).details?.fieldErrors).toEqual({ code: "CODE_TAKEN" });
  });

  it("refuses content the workflow or the citizen portal could not use", async () => {
    const { sector } = await createProcedure(db, { agencyIds: [hanoi.id] });
    const badSteps = await failure(
      adminCreateProcedure(db, { actorUserId: sysadmin.id, code: `8.${uniqueToken()}`, sectorId: sector.id, level: "PROVINCE", agencyIds: [], content: content({ steps: content().steps.slice(1) }) }),
    );
    expect(badSteps.details?.fieldErrors).toHaveProperty("steps");
    const tooLong = await failure(
      adminCreateProcedure(db, { actorUserId: sysadmin.id, code: `8.${uniqueToken()}`, sectorId: sector.id, level: "PROVINCE", agencyIds: [], content: content({ limitValue: 2 }) }),
    );
    expect(tooLong.details?.fieldErrors).toEqual({ steps: "ALLOWANCE_EXCEEDS_LIMIT" });
    const badForm = await failure(
      adminCreateProcedure(db, {
        actorUserId: sysadmin.id,
        code: `8.${uniqueToken()}`,
        sectorId: sector.id,
        level: "PROVINCE",
        agencyIds: [],
        content: content({ formSchema: { version: 1, fields: [{ key: "Bad Key", type: "text", labelVi: "a", labelEn: "a" }] } }),
      }),
    );
    expect(badForm.details?.fieldErrors).toHaveProperty("formSchema");
  });

  it("a new version closes the previous window and leaves filed dossiers on their version", async () => {
    const agency = await createAgency(db);
    const { procedure, version: v1 } = await createProcedure(db, { agencyIds: [agency.id] });
    const filed = await createDossier(db, dossierInput({ procedureVersionId: v1.id, agencyId: agency.id }));
    const validFrom = new Date(Date.now() - 60_000);

    expect((await failure(createProcedureVersion(db, { actorUserId: hanoiAdmin.id, procedureId: procedure.id, basedOnVersionId: v1.id, content: content({ validFrom }) }))).code).toBe("FORBIDDEN");
    expect(
      (await failure(createProcedureVersion(db, { actorUserId: sysadmin.id, procedureId: procedure.id, basedOnVersionId: v1.id, content: content({ validFrom: new Date("2019-01-01T00:00:00Z") }) })))
        .details?.fieldErrors,
    ).toEqual({ validFrom: "BEFORE_PREVIOUS" });

    const v2 = await createProcedureVersion(db, { actorUserId: sysadmin.id, procedureId: procedure.id, basedOnVersionId: v1.id, content: content({ validFrom, limitValue: 7 }) });
    expect(v2.version).toBe(2);
    const versions = await db.procedureVersion.findMany({ where: { procedureId: procedure.id }, orderBy: { version: "asc" }, select: { id: true, validFrom: true, validTo: true, limitValue: true } });
    expect(versions).toEqual([
      { id: v1.id, validFrom: v1.validFrom, validTo: validFrom, limitValue: 5 },
      { id: v2.id, validFrom, validTo: null, limitValue: 7 },
    ]);
    expect(await db.dossier.findUniqueOrThrow({ where: { id: filed.id }, select: { procedureVersionId: true } })).toEqual({ procedureVersionId: v1.id });
    expect((await getAdminProcedure(db, { actorUserId: sysadmin.id, procedureId: procedure.id })).currentVersionId).toBe(v2.id);

    const created = await auditRows("ProcedureVersion", v2.id);
    expect(created).toHaveLength(1);
    expect(created[0]).toMatchObject({ action: "create", before: { version: 1, limitValue: 5 }, after: { version: 2, limitValue: 7 } });
    expect((await auditRows("ProcedureVersion", v1.id)).map((r) => r.action)).toEqual(["close"]);

    // An edit started from version 1 is stale now.
    const stale = await failure(
      createProcedureVersion(db, { actorUserId: sysadmin.id, procedureId: procedure.id, basedOnVersionId: v1.id, content: content({ validFrom: new Date(Date.now() + 86_400_000) }) }),
    );
    expect(stale.code).toBe("CONFLICT");
  });
});

describe("audit log", () => {
  it("shows an agency administrator their agency's entries only", async () => {
    const mine = await listAuditLog(db, { actorUserId: hanoiAdmin.id, limit: 100 });
    expect(mine.items.length).toBeGreaterThan(0);
    for (const entry of mine.items) {
      const about = [entry.entityId, (entry.after as { agencyId?: string } | null)?.agencyId, (entry.before as { agencyId?: string } | null)?.agencyId];
      expect(entry.actorId === hanoiAdmin.id || about.includes(hanoi.id)).toBe(true);
    }
    const all = await listAuditLog(db, { actorUserId: sysadmin.id, entity: "Agency", limit: 100 });
    expect(all.items.every((e) => e.entity === "Agency")).toBe(true);
    expect(all.items.some((e) => e.entityId === hanoi.id)).toBe(true);
  });
});
