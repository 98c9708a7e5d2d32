// A form's own check of a module schema (schemaResolver) reads as the server's refusal of the same
// input would: the same problem per field (nested the way react-hook-form nests them, lists' own
// problems included), the same translated messages.
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { getT } from "~/server/i18n/messages";
import { ZHolidayAddSchema, ZProcedureContentSchema } from "~/server/modules/admin/schema";
import { fieldErrorsOf } from "~/server/validation";
import { formCallError, schemaResolver, translateFieldProblem } from "./ui";

const t = getT("vi");

async function bothSides(schema: typeof ZHolidayAddSchema | typeof ZProcedureContentSchema, input: Record<string, unknown>) {
  const { values, errors } = await schemaResolver(schema)(input, undefined, { fields: {}, shouldUseNativeValidation: false });
  const parsed = schema.safeParse(input);
  if (parsed.success) throw new Error("expected a refusal");
  const server = Object.fromEntries(Object.entries(fieldErrorsOf(parsed.error.issues)).map(([path, problem]) => [path, translateFieldProblem(t, problem)]));
  return { values, errors, form: formCallError(errors, t), server };
}

describe("schemaResolver and formCallError", () => {
  it("give each field the message the server's refusal would", async () => {
    const { values, form, server } = await bothSides(ZHolidayAddSchema, { date: "2087-3-4", kind: "HOLIDAY", nameVi: "   ", nameEn: "x".repeat(201) });
    expect(values).toEqual({});
    expect(form.fields).toEqual(server);
    expect(Object.keys(form.fields)).toEqual(["date", "nameVi", "nameEn"]);
    expect(form.fields.nameVi).toBe(t("admin.fieldErrors.invalid", { detail: "too_small" }));
    expect(form).toMatchObject({ message: t("errors.VALIDATION"), appCode: "VALIDATION" });
  });

  it("name nested and list problems by their dotted path, a list's own beside its items'", async () => {
    const { errors, form, server } = await bothSides(ZProcedureContentSchema, {
      nameVi: "a",
      nameEn: "a",
      authorityVi: "a",
      authorityEn: "a",
      limitValue: 5,
      limitUnit: "WORKING_DAY",
      fee: { kind: "percent", rate: 0.1, min: 10, max: 1 },
      legalBasisVi: "a",
      onlineLevel: "FULL",
      channels: [2, 2],
      acrossBoundary: false,
      formSchema: {},
      components: [],
      steps: [{ kind: "RECEPTION", nameVi: "", nameEn: "a", role: "SPECIALIST", allowanceValue: 1, allowanceUnit: "WORKING_HOUR" }],
      validFrom: new Date(),
    });
    expect(form.fields).toEqual(server);
    expect(Object.keys(form.fields).sort()).toEqual(["channels", "fee.min", "steps.0.nameVi"]);
    expect(errors).toMatchObject({ steps: { 0: { nameVi: { type: "too_small" } } }, fee: { min: { type: "custom" } } });
  });

  it("keeps a list's own problem beside its items'", async () => {
    const schema = z.object({ rows: z.array(z.object({ n: z.string().min(1) })) }).superRefine((v, ctx) => ctx.addIssue({ code: "custom", path: ["rows"], message: "ROWS_CLASH" }));
    const { errors } = await schemaResolver(schema)({ rows: [{ n: "" }] }, undefined, { fields: {}, shouldUseNativeValidation: false });
    expect(errors).toMatchObject({ rows: { root: { type: "ROWS_CLASH" }, 0: { n: { type: "too_small" } } } });
    expect(formCallError(errors, t).fields).toEqual({ "rows.0.n": translateFieldProblem(t, "too_small"), rows: translateFieldProblem(t, "ROWS_CLASH") });
  });

  it("passes valid values on as they are", async () => {
    const input = { date: "2087-03-04", kind: "HOLIDAY", nameVi: " Tết ", nameEn: "New Year" };
    expect(await schemaResolver(ZHolidayAddSchema)(input, undefined, { fields: {}, shouldUseNativeValidation: false })).toEqual({ values: input, errors: {} });
  });
});
