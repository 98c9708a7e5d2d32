// The seed's data and its demo histories, without a database: the catalogue says what DOMAIN.md
// says, the accounts cover every role, and every planned dossier history is a sequence of moves
// the workflow table allows, with clock events whose replay gives the recorded due dates.
import { describe, expect, it } from "vitest";
import { HOLIDAYS_VN, holidaySeedDays } from "../../server/modules/calendar/holidays-vn";
import { explainDue, type WorkingCalendar } from "../../server/modules/calendar/working-time";
import { clockState } from "../../server/modules/dossier/status";
import { parseFormSchema } from "../../server/modules/eform/format";
import { buildFormValidator } from "../../server/modules/eform/validator";
import { can, stepProblems } from "../../server/modules/dossier/workflow";
import { citizens, demoAccounts, officers, supportingOfficers } from "./accounts";
import { allAgencies, departments, ministry, PROVINCES, WORKING_HOURS } from "./agencies";
import { DEMO_DOSSIER_COUNT, planContext, planDossier } from "./dossier-plan";
import { fitTimeline, timelineProcedureOf, type Timeline } from "./dossier-timeline";
import { assertFormSchema } from "./form-schema";
import { demoUserIds } from "./ids";
import { procedures } from "./procedures";

const DOMAIN_PROVINCES =
  "Hà Nội, Huế, Lai Châu, Điện Biên, Sơn La, Lạng Sơn, Quảng Ninh, Thanh Hóa, Nghệ An, Hà Tĩnh, Cao Bằng, Tuyên Quang, Lào Cai, Thái Nguyên, Phú Thọ, Bắc Ninh, Hưng Yên, Hải Phòng, Ninh Bình, Quảng Trị, Đà Nẵng, Quảng Ngãi, Gia Lai, Khánh Hòa, Lâm Đồng, Đắk Lắk, TP. Hồ Chí Minh, Đồng Nai, Tây Ninh, Cần Thơ, Vĩnh Long, Đồng Tháp, Cà Mau, An Giang";

describe("seed catalogue", () => {
  it("has the ministry and one department per province of DOMAIN.md, spelled the same", () => {
    expect([...PROVINCES]).toEqual(DOMAIN_PROVINCES.split(", "));
    expect(departments.map((d) => d.provinceName)).toEqual([...PROVINCES]);
    expect(allAgencies).toHaveLength(35);
    expect(ministry.kind).toBe("MINISTRY");
    for (const field of ["id", "code", "email", "hotline"] as const) {
      expect(new Set(allAgencies.map((a) => a[field])).size).toBe(35);
    }
    for (const a of allAgencies) {
      expect(a.code).toMatch(/^000\.00\.\d{2}\.[GH]\d{2}$/);
      expect(a.codeIsDemo).toBe(true);
      expect(a.workingHours).toEqual(WORKING_HOURS);
    }
    expect(departments.find((d) => d.provinceName === "Hà Nội")?.nameEn).toBe("Department of Science and Technology of Hà Nội");
  });

  it("has DOMAIN.md's eight procedures with their limits and fees", () => {
    const byCode = new Map(procedures.map((p) => [p.code, p]));
    expect([...byCode.keys()].sort()).toEqual(["1.004473", "1.005442", "1.009844", "1.014393", "2.002131", "2.002249", "3.000453", "LOCAL.KHCN.001"]);
    expect(Object.fromEntries(procedures.map((p) => [p.code, p.limitDays]))).toEqual({
      "1.004473": 5,
      "1.014393": 30,
      "2.002249": 5,
      "1.005442": 7,
      "2.002131": 5,
      "1.009844": 15,
      "3.000453": 10,
      "LOCAL.KHCN.001": 13,
    });
    expect(byCode.get("2.002249")?.fee).toEqual({ kind: "percent", rate: 0.001, min: 3_000_000, max: 5_000_000 });
    expect(byCode.get("1.005442")?.fee).toEqual({ kind: "fixed", amount: 500_000 });
    expect(byCode.get("1.009844")?.level).toBe("MINISTRY");
    // Two appraisal steps where DOMAIN.md gives a check period and an appraisal period.
    expect(byCode.get("1.009844")?.steps.filter((s) => s.kind === "APPRAISAL").map((s) => s.allowanceHours)).toEqual([36, 56]);
    expect(byCode.get("LOCAL.KHCN.001")?.steps.filter((s) => s.kind === "APPRAISAL").map((s) => s.allowanceHours)).toEqual([20, 56]);
  });

  it("gives every procedure a usable workflow, allowances that sum to its limit, 3-6 components and a valid e-form", () => {
    for (const p of procedures) {
      const steps = timelineProcedureOf(p).steps;
      expect(stepProblems(steps), p.code).toEqual([]);
      expect(steps.reduce((sum, s) => sum + s.allowanceHours, 0), p.code).toBe(p.limitDays * 8);
      expect(steps[0]).toMatchObject({ kind: "RECEPTION", role: "RECEPTION_OFFICER", allowanceHours: 4 });
      expect(p.components.length, p.code).toBeGreaterThanOrEqual(3);
      expect(p.components.length, p.code).toBeLessThanOrEqual(6);
      expect(p.channels).toEqual([1, 2, 3]);
      expect(() => assertFormSchema(p.formSchema, p.code)).not.toThrow();
      // The runtime reader of the e-form module accepts it as it is.
      expect(parseFormSchema(JSON.parse(JSON.stringify(p.formSchema))), p.code).toEqual(p.formSchema);
    }
  });

  it("seeds the holiday table of the calendar module", () => {
    expect(HOLIDAYS_VN.some((h) => h.date === "2026-02-17")).toBe(true);
    expect(new Set(HOLIDAYS_VN.map((h) => h.date.slice(0, 4)))).toEqual(new Set(["2026", "2027"]));
  });
});

describe("demo accounts", () => {
  const officerRoles = ["RECEPTION_OFFICER", "SPECIALIST", "LEADER", "RECORDS_CLERK", "POSTAL_STAFF", "AGENCY_ADMIN"];

  it("cover every officer role at the ministry, Hà Nội and TP. Hồ Chí Minh, plus controller and system administrator", () => {
    for (const agencyVi of ["Bộ Khoa học và Công nghệ", "Sở Khoa học và Công nghệ Hà Nội", "Sở Khoa học và Công nghệ Thành phố Hồ Chí Minh"]) {
      const roles = officers.filter((o) => allAgencies.find((a) => a.code === o.agencyCode)?.nameVi === agencyVi).map((o) => o.role);
      expect(roles, agencyVi).toEqual(expect.arrayContaining(officerRoles));
    }
    const atMinistry = officers.filter((o) => o.agencyCode === ministry.code).map((o) => o.role);
    expect(atMinistry).toEqual(expect.arrayContaining(["CONTROLLER", "SYSTEM_ADMIN"]));
    expect(citizens).toHaveLength(3);
    expect(citizens.filter((c) => c.applicantType === "BUSINESS" && c.organisationName && c.taxCode)).toHaveLength(1);
  });

  it("are listed with one password per kind of account and unique e-mails", () => {
    expect(demoAccounts).toHaveLength(officers.length + citizens.length);
    expect(new Set(demoAccounts.map((a) => a.email)).size).toBe(demoAccounts.length);
    expect(demoAccounts.find((a) => a.email === "tiepnhan.hanoi@motcua.test")).toMatchObject({ roleVi: "Cán bộ tiếp nhận", agencyVi: "Sở Khoa học và Công nghệ Hà Nội" });
    expect(new Set(demoAccounts.map((a) => a.password)).size).toBe(2);
    expect(new Set(demoUserIds).size).toBe(officers.length + supportingOfficers.length + citizens.length);
    for (const c of citizens) expect(c.idNumber).toMatch(/^\d{12}$/);
  });
});

describe("demo dossier histories", () => {
  const now = new Date("2026-11-20T03:00:00Z");
  const calendar: WorkingCalendar = { timeZone: "Asia/Ho_Chi_Minh", periods: WORKING_HOURS, ...holidaySeedDays() };
  const ctx = planContext();
  const build = () =>
    Array.from({ length: DEMO_DOSSIER_COUNT }, (_, i) => {
      const plan = planDossier(i, ctx);
      const procedure = procedures.find((p) => p.code === plan.procedureCode)!;
      return { plan, procedure, timeline: fitTimeline(plan, timelineProcedureOf(procedure), calendar, now) };
    });
  const dossiers = build();

  it("carry form data that the e-form validator accepts unchanged", () => {
    const validators = new Map(procedures.map((p) => [p.code, buildFormValidator(parseFormSchema(p.formSchema))]));
    for (const { plan } of dossiers) {
      const result = validators.get(plan.procedureCode)!.safeParse(plan.formData);
      expect(result.success ? [] : result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`), `dossier ${plan.index}`).toEqual([]);
      if (result.success) expect(result.data).toEqual(plan.formData);
    }
  });

  it("are the same on every run", () => {
    expect(JSON.stringify(build())).toBe(JSON.stringify(dossiers));
  });

  it("cover all ten statuses and the three channels, in the past ~90 days", () => {
    const statuses = new Set(dossiers.map((d) => d.timeline.final.status));
    expect(statuses.size).toBe(10);
    expect(new Set(dossiers.map((d) => d.plan.channel))).toEqual(new Set([1, 2, 3]));
    for (const { timeline } of dossiers) {
      expect(timeline.lastAt.getTime()).toBeLessThanOrEqual(now.getTime());
      expect(now.getTime() - timeline.submittedAt.getTime()).toBeLessThan(120 * 86_400_000);
    }
  });

  it("only make moves the workflow table allows, and the clock replays to the recorded due dates", () => {
    for (const { plan, procedure, timeline } of dossiers) {
      const label = `dossier ${plan.index} (${plan.target})`;
      const steps = timelineProcedureOf(procedure).steps;
      let status = plan.channel === 2 ? "NEW" : "RECEIVED";
      let stepOrder: number | null = plan.channel === 2 ? 1 : 2;
      let due: Date | null = plan.channel === 2 ? null : timeline.final.originalDueAt;
      timeline.events.forEach((e, n) => {
        const verdict = can(e.action, {
          status: status as never,
          currentStepOrder: stepOrder,
          steps,
          actorRoles: e.actor === "OWNER" ? [] : [e.actor],
          actorIsAssignee: true,
          actorIsOwner: e.actor === "OWNER",
          now: e.at,
          dueAt: due,
        });
        expect(verdict.ok, `${label}: ${e.action} from ${status} at step ${stepOrder}`).toBe(true);
        if (verdict.ok) expect([verdict.next.toStatus, verdict.next.toStepOrder], label).toEqual([e.toStatus, e.toStepOrder]);
        const clock = timeline.clock.find((c) => c.eventIndex === n);
        if (clock && (clock.kind === "START" || clock.kind === "RESUME" || clock.kind === "EXTEND")) due = clock.dueAt;
        status = e.toStatus;
        stepOrder = e.toStepOrder;
      });
      expect(status, label).toBe(timeline.final.status);
      expect(stepOrder, label).toBe(timeline.final.currentStepOrder);
      expectClockConsistent(timeline, plan.channel, procedure.limitDays, calendar, label);
    }
  });

  function expectClockConsistent(timeline: Timeline, channel: number, limitDays: number, cal: WorkingCalendar, label: string) {
    const creationStart = channel === 2 ? [] : [{ kind: "START" as const, at: timeline.creationAt, dueAt: timeline.final.originalDueAt }];
    const explained = explainDue(cal, [...creationStart, ...timeline.clock], { value: limitDays, unit: "WORKING_DAY" });
    const f = timeline.final;
    const kind = f.currentStepOrder === null ? null : f.currentStepOrder === 1 ? "RECEPTION" : "APPRAISAL";
    expect(explained.mismatches, label).toBe(0);
    expect(explained.dueAt?.getTime() ?? null, label).toBe(f.dueAt?.getTime() ?? null);
    expect(explained.originalDueAt?.getTime() ?? null, label).toBe(f.originalDueAt?.getTime() ?? null);
    expect(explained.state, label).toBe(clockState(f.status, kind));
  }
});
