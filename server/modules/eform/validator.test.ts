import { describe, expect, it } from "vitest";
import { getT } from "../../i18n/messages";
import { procedures } from "../../../prisma/seed/procedures";
import { PROVINCES as SEEDED_PROVINCES } from "../../../prisma/seed/agencies";
import { parseFormSchema, type TFormField, type TFormSchema } from "./format";
import { valuesFromFormData, withItemAdded, withItemRemoved } from "./form-data";
import { PROVINCES } from "./provinces";
import { normalizeText } from "./text";
import { buildFormValidator, fieldErrors, ID_NUMBER_PATTERN, issueKey, parseIsoDate } from "./validator";

const base = { labelVi: "Nhãn", labelEn: "Label" };
const one = (field: Partial<TFormField> & Pick<TFormField, "type">): TFormSchema => ({
  version: 1,
  fields: [{ key: "x", ...base, ...field } as TFormField],
});

/** The value stored for `x`, or the message key of the first issue (with its path when nested). */
function outcome(schema: TFormSchema, x: unknown): { value?: unknown; error?: string } {
  const result = buildFormValidator(schema).safeParse(x === undefined ? {} : { x });
  if (result.success) return { value: (result.data as Record<string, unknown>).x };
  const errors = fieldErrors(result.error);
  const [path, key] = Object.entries(errors)[0]!;
  return { error: path === "x" ? key : `${path}:${key}` };
}

describe("text fields", () => {
  const text = one({ type: "text", required: true, maxLength: 10 });
  it.each([
    ["trims", "  An  ", { value: "An" }],
    ["requires a value", "", { error: "eform.required" }],
    ["treats blanks as missing", "   \n\t ", { error: "eform.required" }],
    ["requires when absent", undefined, { error: "eform.required" }],
    ["counts characters, not UTF-16 units", "😀".repeat(10), { value: "😀".repeat(10) }],
    ["refuses one character too many", "abcdefghijk", { error: "eform.tooLong" }],
    ["strips control characters", "a\u0000b\u0007c\u202Ed", { value: "abcd" }],
    ["turns line breaks into spaces on one line", "a\r\nb", { value: "a b" }],
    ["composes decomposed Vietnamese (NFC)", "Nguye\u0302\u0303n", { value: "Nguyễn" }],
    ["refuses an object", { a: 1 }, { error: "eform.invalid" }],
  ])("%s", (_name, input, expected) => {
    expect(outcome(text, input)).toEqual(expected);
  });

  it("stores HTML as typed: it is data, escaped wherever it is shown", () => {
    const schema = one({ type: "text", multiline: true, maxLength: 200 });
    const script = '<script>alert("x")</script><img src=x onerror=alert(1)>';
    expect(outcome(schema, script)).toEqual({ value: script });
  });

  it("keeps line breaks in a multi-line field", () => {
    expect(outcome(one({ type: "text", multiline: true }), " dòng 1  \r\n\r\ndòng 2 ")).toEqual({ value: "dòng 1\n\ndòng 2" });
  });

  it("applies a pattern to the whole value, with a specific message for known formats", () => {
    const tax = one({ type: "text", pattern: "^\\d{10}(-\\d{3})?$" });
    expect(outcome(tax, "0109123456")).toEqual({ value: "0109123456" });
    expect(outcome(tax, "0109123456-001")).toEqual({ value: "0109123456-001" });
    expect(outcome(tax, "01091234")).toEqual({ error: "eform.taxCode" });
    expect(outcome(one({ type: "text", pattern: "^[A-Z]{3}$" }), "abc")).toEqual({ error: "eform.pattern" });
  });

  it("leaves an optional empty field out of the stored values", () => {
    const result = buildFormValidator(one({ type: "text" })).parse({ x: "  " });
    expect(result).toEqual({});
  });
});

describe("idNumber fields (CCCD)", () => {
  const id = one({ type: "idNumber", required: true });
  it.each([
    ["12 digits", "001090004521", { value: "001090004521" }],
    ["12 digits with spaces around", " 001090004521 ", { value: "001090004521" }],
    ["11 digits", "00109000452", { error: "eform.idNumber" }],
    ["13 digits", "0010900045210", { error: "eform.idNumber" }],
    ["letters", "00109000452A", { error: "eform.idNumber" }],
    ["an old 9-digit card", "012345678", { error: "eform.idNumber" }],
    ["digits with inner spaces", "001 090 004 521", { error: "eform.idNumber" }],
  ])("%s", (_name, input, expected) => {
    expect(outcome(id, input)).toEqual(expected);
  });

  it("says so in Vietnamese and English", () => {
    for (const [locale, message] of [
      ["vi", "Số định danh cá nhân phải gồm 12 chữ số"],
      ["en", "The personal identification number must have 12 digits"],
    ] as const) {
      const result = buildFormValidator(id, { t: getT(locale) }).safeParse({ x: "123" });
      expect(result.success).toBe(false);
      expect(fieldErrors(result.error!)).toEqual({ x: message });
    }
  });

  it("defaults to the CCCD pattern", () => {
    expect(ID_NUMBER_PATTERN).toBe("^\\d{12}$");
  });
});

describe("number fields", () => {
  const n = one({ type: "number", required: true, min: 0, max: 100 });
  it.each([
    ["a number", 42, { value: 42 }],
    ["a numeric string", "42", { value: 42 }],
    ["a decimal with a point", "12.5", { value: 12.5 }],
    ["the bounds, inclusive", "100", { value: 100 }],
    ["zero", "0", { value: 0 }],
    ["below min", "-1", { error: "eform.min" }],
    ["above max", "100.01", { error: "eform.max" }],
    ["words", "mười", { error: "eform.number" }],
    ["a comma decimal (ambiguous with thousands)", "1,5", { error: "eform.number" }],
    ["exponent notation", "1e2", { error: "eform.number" }],
    ["Infinity", Infinity, { error: "eform.number" }],
    ["missing", "", { error: "eform.required" }],
  ])("%s", (_name, input, expected) => {
    expect(outcome(n, input)).toEqual(expected);
  });

  it("accepts digits grouped with spaces (as phones sometimes paste them)", () => {
    expect(outcome(one({ type: "number" }), "3 000 000")).toEqual({ value: 3_000_000 });
  });
});

describe("date fields", () => {
  const d = one({ type: "date", required: true });
  it.each([
    ["an ISO date", "2026-02-13", { value: "2026-02-13" }],
    ["a leap day", "2028-02-29", { value: "2028-02-29" }],
    ["a day that does not exist", "2026-02-29", { error: "eform.date" }],
    ["31 April", "2026-04-31", { error: "eform.date" }],
    ["day-month-year order", "13/02/2026", { error: "eform.date" }],
    ["a date with a time", "2026-02-13T10:00:00Z", { error: "eform.date" }],
    ["year 0202 (a slip for 2020)", "0202-01-01", { error: "eform.dateRange" }],
    ["the year 2200", "2200-01-01", { error: "eform.dateRange" }],
    ["missing", "", { error: "eform.required" }],
  ])("%s", (_name, input, expected) => {
    expect(outcome(d, input)).toEqual(expected);
  });

  it("parses only real calendar dates", () => {
    expect(parseIsoDate("1900-01-01")).toBe("1900-01-01");
    expect(parseIsoDate("2026-13-01")).toBeNull();
  });
});

describe("select fields", () => {
  const s = one({
    type: "select",
    required: true,
    options: [
      { value: "lost", labelVi: "Bị mất", labelEn: "Lost" },
      { value: "damaged", labelVi: "Hư hỏng", labelEn: "Damaged" },
    ],
  });
  it.each([
    ["an option", "lost", { value: "lost" }],
    ["a value not offered", "stolen", { error: "eform.option" }],
    ["a label instead of a value", "Bị mất", { error: "eform.option" }],
    ["nothing chosen", "", { error: "eform.requiredSelect" }],
  ])("%s", (_name, input, expected) => {
    expect(outcome(s, input)).toEqual(expected);
  });
});

describe("address fields", () => {
  const a = one({ type: "address", required: true });
  it("keeps province, commune and street", () => {
    expect(outcome(a, { province: "Hà Nội", commune: " phường Đống Đa ", street: "18 Nguyễn Trãi" })).toEqual({
      value: { province: "Hà Nội", commune: "phường Đống Đa", street: "18 Nguyễn Trãi" },
    });
  });

  it.each([
    ["a province that is not one of the 34", { province: "Hà Tây", commune: "x", street: "y" }, "x.province:eform.option"],
    ["a missing province", { commune: "x", street: "y" }, "x.province:eform.province"],
    ["a missing commune", { province: "Huế", street: "y" }, "x.commune:eform.commune"],
    ["a missing street", { province: "Huế", commune: "x" }, "x.street:eform.street"],
    ["nothing at all", undefined, "x.province:eform.province"],
  ])("refuses %s", (_name, input, error) => {
    expect(outcome(a, input)).toEqual({ error });
  });

  it("names every missing part of an empty required address", () => {
    const result = buildFormValidator(a).safeParse({ x: { province: "", commune: "", street: "" } });
    expect(Object.keys(fieldErrors(result.error!))).toEqual(["x.province", "x.commune", "x.street"]);
  });

  it("leaves an optional empty address out", () => {
    expect(outcome(one({ type: "address" }), { province: "", commune: " ", street: "" })).toEqual({ value: undefined });
  });

  it("offers exactly the 34 provinces of the agency seed", () => {
    expect(PROVINCES).toHaveLength(34);
    expect([...PROVINCES]).toEqual([...SEEDED_PROVINCES]);
  });
});

describe("groups", () => {
  const group: TFormSchema = {
    version: 1,
    fields: [
      {
        key: "device",
        type: "group",
        ...base,
        required: true,
        fields: [
          { key: "model", type: "text", ...base, required: true },
          { key: "year", type: "number", ...base, min: 1980 },
        ],
      },
      {
        key: "contact",
        type: "group",
        ...base,
        fields: [
          { key: "name", type: "text", ...base, required: true },
          { key: "phone", type: "text", ...base },
        ],
      },
    ],
  };
  const v = buildFormValidator(group);

  it("validates nested fields with nested paths", () => {
    const result = v.safeParse({ device: { model: "", year: "1970" } });
    expect(fieldErrors(result.error!)).toEqual({ "device.model": "eform.required", "device.year": "eform.min" });
  });

  it("skips an optional group left blank, but checks one that was started", () => {
    expect(v.parse({ device: { model: "CS 8100" }, contact: { name: " " } })).toEqual({ device: { model: "CS 8100" } });
    // Unknown keys do not count: the group is still blank.
    expect(v.safeParse({ device: { model: "CS 8100" }, contact: { name: "", fax: "x" } }).success).toBe(true);
    const started = v.safeParse({ device: { model: "CS 8100" }, contact: { name: "", phone: "0900000101" } });
    expect(fieldErrors(started.error!)).toEqual({ "contact.name": "eform.required" });
  });

  it("drops keys the schema does not have, at every level", () => {
    expect(v.parse({ device: { model: "M", injected: "x" }, isTest: true, ownerId: "someone" })).toEqual({ device: { model: "M" } });
  });
});

describe("repeatable groups", () => {
  const members: TFormSchema = {
    version: 1,
    fields: [
      {
        key: "members",
        type: "group",
        ...base,
        repeatable: true,
        required: true,
        minItems: 1,
        maxItems: 3,
        fields: [
          { key: "name", type: "text", ...base, required: true },
          { key: "idNumber", type: "idNumber", ...base },
        ],
      },
    ],
  };
  const v = buildFormValidator(members);

  it("keeps the rows, without the blank ones", () => {
    expect(v.parse({ members: [{ name: "An" }, { name: "", idNumber: " " }, { name: "Bình", idNumber: "079195006183" }] })).toEqual({
      members: [{ name: "An" }, { name: "Bình", idNumber: "079195006183" }],
    });
  });

  it("reports issues at the row the user sees", () => {
    const result = v.safeParse({ members: [{ name: "" }, { name: "" }, { name: "", idNumber: "12" }] });
    expect(fieldErrors(result.error!)).toEqual({ "members.2.name": "eform.required", "members.2.idNumber": "eform.idNumber" });
  });

  it.each([
    ["no rows", [], "eform.required"],
    ["only blank rows", [{ name: "" }], "eform.required"],
    ["one row too many", [{ name: "a" }, { name: "b" }, { name: "c" }, { name: "d" }], "eform.maxItems"],
  ])("refuses %s", (_name, rows, key) => {
    const result = v.safeParse({ members: rows });
    expect(fieldErrors(result.error!)).toEqual({ members: key });
  });

  it("enforces minItems above one", () => {
    const two = buildFormValidator({ version: 1, fields: [{ ...members.fields[0]!, minItems: 2 }] });
    const result = two.safeParse({ members: [{ name: "a" }] });
    expect(fieldErrors(result.error!)).toEqual({ members: "eform.minItems" });
    expect(issueKey(result.error!.issues[0]!)).toEqual({ key: "eform.minItems", vars: { min: 2 } });
  });

  it("reads rows from a form post by index, and adds and removes rows in a draft", () => {
    const form = new FormData();
    form.append("f.members.0.name", "An");
    form.append("f.members.2.name", "Bình");
    form.append("f.members.2.idNumber", "079195006183");
    form.append("f.other", "ignored");
    const values = valuesFromFormData(form, members, "f");
    expect(values).toEqual({ members: [{ name: "An" }, { name: "Bình", idNumber: "079195006183" }] });
    expect(withItemAdded(values, ["members"])).toEqual({ members: [{ name: "An" }, { name: "Bình", idNumber: "079195006183" }, {}] });
    expect(withItemRemoved(values, ["members"], 0)).toEqual({ members: [{ name: "Bình", idNumber: "079195006183" }] });
    expect(values.members).toHaveLength(2);
  });
});

describe("translated messages", () => {
  it("translates with vars in both languages", () => {
    const schema = one({ type: "text", maxLength: 3 });
    const vi = buildFormValidator(schema, { t: getT("vi") }).safeParse({ x: "abcd" });
    const en = buildFormValidator(schema, { t: getT("en") }).safeParse({ x: "abcd" });
    expect(fieldErrors(vi.error!).x).toBe("Tối đa 3 ký tự (bạn đã nhập 4).");
    expect(fieldErrors(en.error!).x).toBe("At most 3 characters (you entered 4).");
  });

  it("has a message for every key the validator can produce", () => {
    const t = getT("vi");
    const keys = ["required", "requiredSelect", "invalid", "tooLong", "pattern", "idNumber", "taxCode", "phone", "email", "number", "min", "max", "date", "dateRange", "option", "province", "commune", "street", "minItems", "maxItems"];
    for (const key of keys) expect(t(`eform.${key}` as never)).not.toBe(`eform.${key}`);
  });
});

describe("seeded procedures", () => {
  it.each(procedures.map((p) => [p.code, p.formSchema] as const))("%s has a schema the portal can read", (_code, schema) => {
    const parsed = parseFormSchema(JSON.parse(JSON.stringify(schema)));
    const result = buildFormValidator(parsed).safeParse({});
    // Every seeded form has required fields: an empty submission must fail, not pass.
    expect(result.success).toBe(false);
  });

  it("reads a legacy schema without a version as version 1 and refuses broken ones", () => {
    expect(parseFormSchema({ fields: [] })).toEqual({ version: 1, fields: [] });
    expect(() => parseFormSchema({ version: 1, fields: [{ key: "Bad Key", type: "text", ...base }] })).toThrow(/camelCase/);
    expect(() => parseFormSchema({ version: 1, fields: [{ key: "s", type: "select", ...base }] })).toThrow(/select needs options/);
    expect(() => parseFormSchema({ version: 1, fields: [{ key: "t", type: "text", ...base, repeatable: true }] })).toThrow(/repeatable/);
    expect(() => parseFormSchema({ version: 2, fields: [] })).toThrow();
  });
});

describe("normalizeText", () => {
  it("removes bidi overrides and zero-width characters", () => {
    expect(normalizeText("a\u200Bb\uFEFFc\u2066d")).toBe("abcd");
  });
});
