import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { getT } from "~/server/i18n/messages";
import type { TFormSchema } from "~/server/modules/eform/format";
import { buildFormValidator } from "~/server/modules/eform/validator";
import { EformFields, type EformContext } from "./fields";

const SCRIPT = '<script>alert("x")</script><img src=x onerror=alert(1)>';
const schema: TFormSchema = {
  version: 1,
  fields: [
    { key: "title", type: "text", labelVi: "Tiêu đề", labelEn: "Title", required: true, maxLength: 200, helpVi: "Ghi rõ tên" },
    { key: "summary", type: "text", labelVi: "Tóm tắt", labelEn: "Summary", multiline: true },
    { key: "idNumber", type: "idNumber", labelVi: "Số CCCD", labelEn: "ID", required: true },
    {
      key: "members",
      type: "group",
      labelVi: "Thành viên",
      labelEn: "Members",
      repeatable: true,
      maxItems: 3,
      fields: [{ key: "name", type: "text", labelVi: "Họ tên", labelEn: "Name", required: true }],
    },
  ],
};

/** The opening tag of the element with this id. */
function tagOf(html: string, id: string): string {
  const match = new RegExp(`<[a-z]+ id="${id}"[^>]*>`).exec(html);
  if (!match) throw new Error(`no element #${id}`);
  return match[0];
}

function render(values: Record<string, unknown>, errors: Record<string, string> = {}) {
  const ctx: EformContext = { locale: "vi", t: getT("vi"), prefix: "f", values, errors };
  return renderToStaticMarkup(createElement(EformFields, { fields: schema.fields, ctx }));
}

describe("EformFields", () => {
  it("stores a script typed into a field verbatim and renders it as inert text", () => {
    const stored = buildFormValidator(schema).parse({ title: SCRIPT, summary: SCRIPT, idNumber: "001090004521" }) as Record<string, unknown>;
    expect(stored.title).toBe(SCRIPT);
    const html = render(stored);
    expect(html).not.toContain("<script>");
    expect(html).not.toContain("<img");
    expect(html).toContain('value="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;"');
    expect(html).toContain(">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
  });

  it("labels every input, marks required ones in words, and ties help and errors to the input", () => {
    const html = render({ title: "" }, { "f.title": "Vui lòng nhập thông tin này." });
    expect(html).toContain('<label for="in-f-title"');
    expect(html).toContain("(bắt buộc)");
    const input = tagOf(html, "in-f-title");
    expect(input).toContain('name="f.title"');
    expect(input).toContain('aria-describedby="in-f-title-hint in-f-title-error"');
    expect(input).toContain('aria-invalid="true"');
    expect(input).toContain('required=""');
    expect(html).toMatch(/<p id="in-f-title-error"[^>]*data-error-for="f\.title">Vui lòng nhập thông tin này\.<\/p>/);
    expect(html).toMatch(/<span id="in-f-title-hint" class="field-hint">Ghi rõ tên<\/span>/);
  });

  it("gives the CCCD input a numeric keyboard and the 12-digit rule", () => {
    const html = render({});
    const input = tagOf(html, "in-f-idNumber");
    for (const attr of ['maxLength="12"', 'pattern="\\d{12}"', 'inputMode="numeric"', 'autoComplete="off"']) expect(input).toContain(attr);
  });

  it("renders a row per item of a repeatable group, with add and remove buttons that post the form", () => {
    const html = render({ members: [{ name: "An" }, { name: "Bình" }] });
    expect(html).toContain('name="f.members.0.name"');
    expect(tagOf(html, "in-f-members-1-name")).toContain('value="Bình"');
    expect(html).toContain('value="removeItem:f.members:1"');
    expect(html).toContain('value="addItem:f.members"');
    // Rows are not natively required: a blank extra row must not block the form.
    expect(tagOf(html, "in-f-members-0-name")).not.toContain("required");
  });
});
