import { describe, expect, it } from "vitest";
import { CATALOGUE, TEMPLATE_KEYS } from "./catalogue";
import { checkTemplate, renderTemplate, templateVariables } from "./templates";

describe("renderTemplate", () => {
  it.each([
    ["plain text", "Xin chào", {}, "Xin chào"],
    ["one variable", "Hồ sơ {{code}}", { code: "H26-0001" }, "Hồ sơ H26-0001"],
    ["spaces inside the braces", "Hồ sơ {{ code }}.", { code: "A" }, "Hồ sơ A."],
    ["the same variable twice", "{{a}}-{{a}}", { a: "x" }, "x-x"],
    ["a variable without a value", "[{{missing}}]", {}, "[]"],
    ["a value that looks like a placeholder is not expanded again", "{{a}}", { a: "{{b}}", b: "no" }, "{{b}}"],
    ["single braces are text", "{code}", { code: "x" }, "{code}"],
    ["multi-line", "Dòng 1\n{{x}}\nDòng 3", { x: "Dòng 2" }, "Dòng 1\nDòng 2\nDòng 3"],
  ])("%s", (_name, template, vars, expected) => {
    expect(renderTemplate(template, vars)).toBe(expected);
  });

  it("lists variables in order of first use", () => {
    expect(templateVariables("{{b}} {{a}} {{b}} {{ c }}")).toEqual(["b", "a", "c"]);
  });
});

describe("checkTemplate", () => {
  const allowed = ["code", "dueDate"];
  it.each([
    ["known variables", "Hồ sơ {{code}}, hẹn {{dueDate}}", null, []],
    ["no variable at all", "Cảm ơn bạn", null, []],
    ["an unknown variable", "Hồ sơ {{cdoe}}", "UNKNOWN_VARIABLE", ["cdoe"]],
    ["two unknown, one known", "{{code}} {{x}} {{y}}", "UNKNOWN_VARIABLE", ["x", "y"]],
    ["a placeholder not closed", "Hồ sơ {{code}", "UNCLOSED_PLACEHOLDER", ["{{code}"]],
    ["a stray closing pair", "Hồ sơ code}}", "UNCLOSED_PLACEHOLDER", ["}}"]],
    ["an unnamed placeholder", "Hồ sơ {{}}", "UNCLOSED_PLACEHOLDER", ["{{}}"]],
    ["a name with a dash", "{{due-date}}", "UNCLOSED_PLACEHOLDER", ["{{due-date}}"]],
    ["empty", "   \n ", "EMPTY", []],
  ])("%s", (_name, text, problem, offending) => {
    expect(checkTemplate(text, allowed)).toEqual({ problem, offending });
  });
});

describe("the default wordings", () => {
  const cases = TEMPLATE_KEYS.flatMap((key) =>
    (["vi", "en"] as const).flatMap((locale) =>
      CATALOGUE[key].channels.map((channel) => ({ key, locale, channel, wording: CATALOGUE[key].defaults[locale][channel] })),
    ),
  );

  it.each(cases)("$key $channel $locale exists and uses only its template's variables", ({ key, wording }) => {
    expect(wording).toBeDefined();
    expect(checkTemplate(wording!.body, CATALOGUE[key].variables).problem).toBeNull();
    if (wording!.subject) expect(checkTemplate(wording!.subject, CATALOGUE[key].variables).problem).toBeNull();
  });

  it.each(TEMPLATE_KEYS)("%s has a sample value for every variable (the live preview) and only shrinks its own variables", (key) => {
    const spec = CATALOGUE[key];
    expect(Object.keys(spec.sample).sort()).toEqual([...spec.variables].sort());
    for (const name of spec.shrinkable) expect(spec.variables).toContain(name);
  });

  it("e-mails and in-app notices have a subject, SMS none", () => {
    for (const { channel, wording } of cases) {
      if (channel === "SMS") expect(wording!.subject).toBeUndefined();
      else expect(wording!.subject).toBeTruthy();
    }
  });
});
