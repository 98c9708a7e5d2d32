import { describe, expect, it } from "vitest";
import { getT } from "~/server/i18n/messages";
import type { TPickerProcedure } from "~/server/modules/dossier/schema";
import { buildIntakeCommand, defaultIntakeValues, intakeFieldOf, intakeResolver, type IntakeFormContext, type IntakeFormValues } from "./intake-command";

const t = getT("vi");
const component = (id: string, required: boolean) => ({ id, order: 1, nameVi: `Giấy ${id}`, nameEn: `Paper ${id}`, required, copiesVi: null, copiesEn: null });
const procedure: TPickerProcedure = {
  procedureId: "p",
  procedureCode: "1.0001",
  procedureVersionId: "pv1",
  nameVi: "Thủ tục",
  nameEn: "Procedure",
  sectorNameVi: "Lĩnh vực",
  sectorNameEn: "Sector",
  limitValue: 5,
  limitUnit: "WORKING_DAY",
  channels: [1, 3],
  feeNoteVi: null,
  components: [component("c1", true), component("c2", false)],
};
const context: IntakeFormContext = {
  t,
  locale: "vi",
  idempotencyKey: "key-12345678",
  procedureOf: (agencyId, id) => (agencyId === "a1" && id === "pv1" ? procedure : null),
};
const values = (over: Partial<IntakeFormValues> = {}): IntakeFormValues => ({
  ...defaultIntakeValues("a1"),
  procedureVersionId: "pv1",
  applicantName: " Nguyễn Văn A ",
  checklist: ["c1"],
  ...over,
});
const resolve = (v: IntakeFormValues) => intakeResolver(v, context, { fields: {}, shouldUseNativeValidation: false });

describe("intake form", () => {
  it("asks for a procedure first", () => {
    expect(buildIntakeCommand(values({ procedureVersionId: "" }), context)).toEqual({
      rejection: { fieldErrors: { procedureVersionId: "required" }, message: t("officer.intake.chooseProcedureFirst") },
    });
  });

  it("names the required documents not ticked", () => {
    expect(buildIntakeCommand(values({ checklist: ["c2"] }), context)).toEqual({
      rejection: { fieldErrors: { checklist: "required" }, message: t("officer.intake.missingRequired", { list: "Giấy c1" }) },
    });
  });

  it("builds the intake command with only what was filled in", () => {
    const built = buildIntakeCommand(
      values({ applicantType: "CITIZEN", organisationName: "ignored for a citizen", applicantDateOfBirth: "1990-05-01", channel: "3", checklist: ["c1", "c2", "gone"] }),
      context,
    );
    expect("input" in built && built.input).toMatchObject({
      agencyId: "a1",
      procedureVersionId: "pv1",
      channel: 3,
      applicantType: "CITIZEN",
      applicantName: "Nguyễn Văn A",
      applicantDateOfBirth: new Date("1990-04-30T17:00:00Z"),
      checklist: ["c1", "c2"],
      resultDelivery: "AT_DESK",
      idempotencyKey: "key-12345678",
    });
    expect("input" in built && Object.keys(built.input)).not.toContain("organisationName");
  });

  it("checks the command with the server's schema, on the form's fields", async () => {
    const result = await resolve(values({ applicantPhone: "12", resultDelivery: "BY_POST" }));
    expect(result.errors).toEqual({
      applicantPhone: { type: "invalid_format", message: "invalid_format" },
      deliveryAddress: { type: "custom", message: "custom" },
      root: { server: { type: "server", message: t("errors.validationFields", { fields: "applicantPhone, deliveryAddress" }) } },
    });
    expect((await resolve(values())).errors).toEqual({});
  });

  it("names the field of every command path", () => {
    expect(["procedureCode", "checklist.2", "applicantEmail", "deviceId"].map(intakeFieldOf)).toEqual(["procedureVersionId", "checklist", "applicantEmail", null]);
  });
});
