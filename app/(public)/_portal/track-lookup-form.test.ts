// The one tracking look-up form in its three places: home (ID required), /track (ID optional,
// refusals marked on their input) and the kiosk (code only, large). Hook-free, as the plain-HTML
// home page needs: it is called here as a plain function, outside any React render.
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { refusedField, TrackLookupForm, type TrackLookupFormProps } from "./track-lookup-form";

const labels = { code: "Mã hồ sơ", codeHint: "In trên giấy tiếp nhận", idNumber: "Số CCCD", idNumberHint: "Không bắt buộc", submit: "Tra cứu" };
const render = (props: TrackLookupFormProps) => renderToStaticMarkup(TrackLookupForm(props));
const tag = (html: string, id: string) => new RegExp(`<input id="${id}"[^>]*>`).exec(html)?.[0] ?? "";

describe("TrackLookupForm", () => {
  it("posts to a plain URL with method=post, the page's base, a required ID number when asked so", () => {
    const html = render({ action: "/api/track-lookup", base: "/track", layout: "card", idPrefix: "track", idNumber: "required", labels: { ...labels, idNumberHint: undefined } });
    const form = /^<form [^>]*>/.exec(html)?.[0] ?? "";
    expect(form).toContain('action="/api/track-lookup"');
    expect(form).toContain('method="post"');
    expect(form).toContain('class="space-y-4"');
    expect(html).toContain('<input type="hidden" name="base" value="/track"/>');
    expect(tag(html, "track-code")).toContain('aria-describedby="track-code-hint"');
    expect(tag(html, "track-id")).toContain('required=""');
    expect(html).not.toContain("track-id-hint");
  });

  it("on /track: an optional ID number with its hint, the code kept, a refusal described and marked on its input", () => {
    const props: TrackLookupFormProps = { action: "/x", base: "/track", layout: "page", idPrefix: "track", ariaLabel: "Tra cứu hồ sơ", idNumber: "optional", labels, defaultCode: "ABC", submitTestId: "track-submit" };
    const plain = render(props);
    expect(tag(plain, "track-id")).not.toContain("required");
    expect(tag(plain, "track-id")).toContain('aria-describedby="track-id-hint"');
    expect(tag(plain, "track-code")).toContain('value="ABC"');
    expect(plain).toContain('aria-label="Tra cứu hồ sơ"');
    expect(plain).toContain('data-testid="track-submit"');
    expect(plain).not.toContain("aria-invalid");

    const notFound = render({ ...props, refusal: { id: "track-error", field: refusedField("notFound") } });
    expect(tag(notFound, "track-code")).toContain('aria-describedby="track-code-hint track-error"');
    expect(tag(notFound, "track-code")).toContain('aria-invalid="true"');
    const mismatch = render({ ...props, refusal: { id: "track-error", field: refusedField("idMismatch") } });
    expect(tag(mismatch, "track-id")).toContain('aria-invalid="true"');
    expect(tag(mismatch, "track-code")).not.toContain("aria-invalid");
    expect(tag(render({ ...props, refusal: { id: "track-error", field: refusedField("rateLimited") } }), "track-code")).toContain("track-code-hint track-error");
  });

  it("on the kiosk: the code alone, in large type", () => {
    const html = render({ action: "/x", base: "/kiosk/track", layout: "kiosk", idPrefix: "kiosk", idNumber: "none", labels, submitTestId: "kiosk-track-submit" });
    expect(html).not.toContain('name="idNumber"');
    expect(tag(html, "kiosk-code")).toContain('class="field-input min-h-14 text-2xl tracking-wide"');
    expect(html).toContain('value="/kiosk/track"');
  });
});

describe("refusedField", () => {
  it("names the input a refusal is about", () => {
    expect(refusedField("missingCode")).toBe("code");
    expect(refusedField("notFound")).toBe("code");
    expect(refusedField("idMismatch")).toBe("idNumber");
    expect(refusedField("rateLimited")).toBeNull();
    expect(refusedField(undefined)).toBeNull();
  });
});
