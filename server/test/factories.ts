// Test data factories: every call makes unique rows, so tests never depend on each other or on the seed.
import { randomBytes } from "node:crypto";
import type { Db, Role, StepKind, TimeUnit } from "../db";
import type { TCreateDossierInput } from "../modules/dossier/schema";

let sequence = 0;

/** A short token unique across test files and workers running against one database. */
export function uniqueToken(): string {
  sequence += 1;
  return `${process.pid.toString(36)}${sequence.toString(36)}${randomBytes(3).toString("hex")}`.toUpperCase();
}

export const DEFAULT_WORKING_HOURS = [
  { start: "07:00", end: "11:30" },
  { start: "13:30", end: "17:00" },
];

export interface AgencyOverrides {
  code?: string;
  nameVi?: string;
  kind?: "MINISTRY" | "PROVINCIAL_DEPARTMENT" | "COMMUNE" | "MINISTRY_UNIT";
  provinceName?: string | null;
  workingHours?: Array<{ start: string; end: string }>;
  trainingMode?: boolean;
  active?: boolean;
}

/** An agency with a unique identifier code of the dossier-code alphabet (letters, digits, dots). */
export async function createAgency(db: Db, overrides: AgencyOverrides = {}) {
  const token = uniqueToken();
  return db.agency.create({
    data: {
      code: overrides.code ?? `000.IT.${token}`,
      codeIsDemo: true,
      kind: overrides.kind ?? "PROVINCIAL_DEPARTMENT",
      nameVi: overrides.nameVi ?? `Sở Khoa học và Công nghệ thử nghiệm ${token}`,
      nameEn: `Test Department of Science and Technology ${token}`,
      provinceName: overrides.provinceName === undefined ? "Hà Nội" : overrides.provinceName,
      workingHours: overrides.workingHours ?? DEFAULT_WORKING_HOURS,
      trainingMode: overrides.trainingMode ?? false,
      active: overrides.active ?? true,
    },
  });
}

export interface StepSpec {
  kind: StepKind;
  role: Role;
  allowanceValue: number;
  allowanceUnit?: TimeUnit;
}

export const DEFAULT_STEPS: StepSpec[] = [
  { kind: "RECEPTION", role: "RECEPTION_OFFICER", allowanceValue: 4 },
  { kind: "APPRAISAL", role: "SPECIALIST", allowanceValue: 16 },
  { kind: "APPROVAL", role: "LEADER", allowanceValue: 8 },
  { kind: "ISSUANCE", role: "RECORDS_CLERK", allowanceValue: 4 },
  { kind: "RETURN", role: "RECEPTION_OFFICER", allowanceValue: 4 },
];

export interface ProcedureOptions {
  /** Agencies that receive and handle the procedure (ProcedureAgency rows). */
  agencyIds: string[];
  limitValue?: number;
  limitUnit?: TimeUnit;
  sameDayCutoff?: string | null;
  channels?: number[];
  status?: "DRAFT" | "PUBLISHED" | "RETIRED";
  steps?: StepSpec[];
  level?: "MINISTRY" | "PROVINCE" | "COMMUNE";
}

/** A procedure with one version (published by default), its ordered steps and the agencies that offer it. */
export async function createProcedure(db: Db, options: ProcedureOptions) {
  const token = uniqueToken();
  const steps = options.steps ?? DEFAULT_STEPS;
  const sector = await db.sector.create({
    data: { code: `IT-${token}`, nameVi: `Lĩnh vực thử nghiệm ${token}`, nameEn: `Test sector ${token}` },
  });
  const procedure = await db.procedure.create({
    data: {
      code: `9.${token}`,
      sectorId: sector.id,
      level: options.level ?? "PROVINCE",
      agencies: { create: options.agencyIds.map((agencyId) => ({ agencyId })) },
    },
  });
  const version = await db.procedureVersion.create({
    data: {
      procedureId: procedure.id,
      version: 1,
      status: options.status ?? "PUBLISHED",
      nameVi: `Thủ tục thử nghiệm ${token}`,
      nameEn: `Test procedure ${token}`,
      authorityVi: "Sở Khoa học và Công nghệ",
      authorityEn: "Department of Science and Technology",
      limitValue: options.limitValue ?? 5,
      limitUnit: options.limitUnit ?? "WORKING_DAY",
      sameDayCutoff: options.sameDayCutoff ?? null,
      fee: { kind: "none" },
      legalBasisVi: "Văn bản thử nghiệm",
      channels: options.channels ?? [1, 2, 3],
      formSchema: { fields: [] },
      validFrom: new Date("2020-01-01T00:00:00Z"),
      steps: {
        create: steps.map((s, i) => ({
          order: i + 1,
          kind: s.kind,
          nameVi: `Bước ${i + 1}`,
          nameEn: `Step ${i + 1}`,
          role: s.role,
          allowanceValue: s.allowanceValue,
          allowanceUnit: s.allowanceUnit ?? "WORKING_HOUR",
        })),
      },
    },
    include: { steps: { orderBy: { order: "asc" } } },
  });
  return { sector, procedure, version, steps: version.steps };
}

export interface UserOptions {
  kind?: "CITIZEN" | "OFFICER";
  name?: string;
  memberships?: Array<{ agencyId: string; role: Role }>;
}

/** A user with a unique e-mail, phone and ID number, and the given memberships. */
export async function createUser(db: Db, options: UserOptions = {}) {
  const token = uniqueToken();
  const digits = BigInt("0x" + randomBytes(6).toString("hex")) % 10n ** 12n;
  return db.user.create({
    data: {
      kind: options.kind ?? (options.memberships?.length ? "OFFICER" : "CITIZEN"),
      name: options.name ?? `Nguyễn Văn Thử ${token}`,
      email: `it-${token.toLowerCase()}@example.test`,
      idNumber: digits.toString().padStart(12, "0"),
      memberships: { create: (options.memberships ?? []).map((m) => ({ agencyId: m.agencyId, role: m.role })) },
    },
    include: { memberships: true },
  });
}

/** A valid createDossier input for a counter intake (channel 1, RECEIVED), overridable field by field. */
export function dossierInput(
  base: { procedureVersionId: string; agencyId: string },
  overrides: Partial<TCreateDossierInput> = {},
): TCreateDossierInput {
  const token = uniqueToken();
  return {
    procedureVersionId: base.procedureVersionId,
    receivingAgencyId: base.agencyId,
    applicantName: `Trần Thị Đào ${token}`,
    applicantIdNumber: "001190000123",
    channel: 1,
    status: "RECEIVED",
    formData: { note: `test ${token}` },
    idempotencyKey: `it-${token}`,
    ...overrides,
  };
}
