// visibleWhen, the e-form builder's conditional visibility: accepted by the format reader only when
// it names an earlier sibling with a single value, and honoured by the validator (a hidden field is
// neither required nor stored).
import { describe, expect, it } from "vitest";
import { isFieldVisible, parseFormSchema } from "../eform/format";
import { buildFormValidator } from "../eform/validator";

const schema = {
  version: 1,
  fields: [
    {
      key: "applicantKind",
      type: "select",
      labelVi: "Loại",
      labelEn: "Kind",
      required: true,
      options: [
        { value: "person", labelVi: "Cá nhân", labelEn: "Person" },
        { value: "company", labelVi: "Doanh nghiệp", labelEn: "Company" },
      ],
    },
    { key: "taxCode", type: "text", labelVi: "MST", labelEn: "Tax code", required: true, pattern: "^\\d{10}$", visibleWhen: { field: "applicantKind", equals: "company" } },
  ],
};

describe("visibleWhen", () => {
  it("is read by the format reader", () => {
    expect(parseFormSchema(schema).fields[1]!.visibleWhen).toEqual({ field: "applicantKind", equals: "company" });
  });

  it("must name an earlier sibling with a single value", () => {
    const later = { ...schema, fields: [{ ...schema.fields[1]!, visibleWhen: { field: "other", equals: "x" } }, schema.fields[0]!] };
    expect(() => parseFormSchema(later)).toThrow(/visibleWhen/);
    const reversed = { ...schema, fields: [schema.fields[1]!, schema.fields[0]!] };
    expect(() => parseFormSchema(reversed)).toThrow(/visibleWhen/);
    const onGroup = {
      version: 1,
      fields: [
        { key: "site", type: "group", labelVi: "a", labelEn: "a", fields: [{ key: "x", type: "text", labelVi: "x", labelEn: "x" }] },
        { key: "note", type: "text", labelVi: "n", labelEn: "n", visibleWhen: { field: "site", equals: "x" } },
      ],
    };
    expect(() => parseFormSchema(onGroup)).toThrow(/visibleWhen/);
  });

  it("compares as text", () => {
    expect(isFieldVisible({ visibleWhen: { field: "n", equals: 2 } }, { n: "2" })).toBe(true);
    expect(isFieldVisible({ visibleWhen: { field: "n", equals: 2 } }, { n: "3" })).toBe(false);
    expect(isFieldVisible({ visibleWhen: { field: "n", equals: 2 } }, {})).toBe(false);
    expect(isFieldVisible({}, {})).toBe(true);
  });

  it("makes a hidden field neither required nor stored, and a shown one checked", () => {
    const validator = buildFormValidator(parseFormSchema(schema));
    expect(validator.safeParse({ applicantKind: "person", taxCode: "not digits" })).toEqual({ success: true, data: { applicantKind: "person" } });
    const shown = validator.safeParse({ applicantKind: "company" });
    expect(shown.success).toBe(false);
    expect(shown.error?.issues.map((i) => i.path.join("."))).toEqual(["taxCode"]);
    expect(validator.safeParse({ applicantKind: "company", taxCode: "0101234567" }).data).toEqual({ applicantKind: "company", taxCode: "0101234567" });
  });
});
