import { describe, expect, it } from "vitest";
import en from "../../messages/en.json";
import vi from "../../messages/vi.json";
import { createT, interpolate, localeFromCookieHeader } from "./core";

function leafKeys(node: unknown, prefix = ""): string[] {
  if (typeof node === "string") return [prefix];
  if (node === null || typeof node !== "object") throw new Error(`non-string leaf at ${prefix}`);
  return Object.entries(node).flatMap(([k, v]) => leafKeys(v, prefix ? `${prefix}.${k}` : k));
}

/** Variable names used by a message, simple ({name}) or plural ({count, plural, ...}). */
function placeholders(template: string): string[] {
  return [...new Set([...template.matchAll(/\{(\w+)(?:\}|,)/g)].map((m) => m[1]!))].sort();
}

describe("messages", () => {
  it("vi.json and en.json have exactly the same keys", () => {
    const viKeys = leafKeys(vi).sort();
    const enKeys = leafKeys(en).sort();
    expect(enKeys.filter((k) => !viKeys.includes(k))).toEqual([]);
    expect(viKeys.filter((k) => !enKeys.includes(k))).toEqual([]);
  });

  it("uses the same placeholders in both languages", () => {
    const tVi = vi as unknown as Record<string, unknown>;
    for (const key of leafKeys(vi)) {
      const get = (root: unknown) =>
        key.split(".").reduce<unknown>((n, s) => (n as Record<string, unknown>)[s], root) as string;
      expect(placeholders(get(en)), key).toEqual(placeholders(get(tVi)));
    }
  });

  it("has no empty messages", () => {
    for (const dict of [vi, en]) {
      for (const key of leafKeys(dict)) {
        const value = key.split(".").reduce<unknown>((n, s) => (n as Record<string, unknown>)[s], dict);
        expect(String(value).trim(), key).not.toBe("");
      }
    }
  });

  it("labels all ten dossier statuses", () => {
    expect(Object.keys(vi.status)).toEqual([
      "NEW", "RECEIVED", "REFUSED", "PROCESSING", "SUPPLEMENT_REQUESTED",
      "AWAITING_FEE", "WITHDRAWN", "STOPPED", "PROCESSED", "RETURNED",
    ]);
    expect(vi.status.AWAITING_FEE).toBe("Chờ thực hiện nghĩa vụ tài chính");
  });
});

describe("t", () => {
  it("translates and interpolates, formatting numbers for the locale", () => {
    expect(createT("vi", vi)("home.sectorProcedures", { count: 1234 })).toBe("1.234 thủ tục");
    expect(createT("en", en)("home.sectorProcedures", { count: 1234 })).toBe("1,234 procedures");
  });

  it("chooses English plural forms and leaves Vietnamese as is", () => {
    const tEn = createT("en", en);
    expect(tEn("home.sectorProcedures", { count: 1 })).toBe("1 procedure");
    expect(tEn("home.sectorProcedures", { count: 0 })).toBe("0 procedures");
    expect(tEn("home.proceduresTotal", { count: 1, sectors: 2 })).toBe("1 procedure in 2 sectors");
    expect(interpolate("{n, plural, =0 {none} one {# item} other {# items}}", "en", { n: 0 })).toBe("none");
    expect(createT("vi", vi)("home.proceduresTotal", { count: 1, sectors: 1 })).toBe("1 thủ tục trong 1 lĩnh vực");
  });

  it("returns the key for a missing message and leaves unknown placeholders", () => {
    expect(createT("vi", {})("common.home")).toBe("common.home");
    expect(interpolate("a {x} b", "vi", {})).toBe("a {x} b");
  });

  it("reads the locale cookie, defaulting to Vietnamese", () => {
    expect(localeFromCookieHeader("a=1; locale=en; b=2")).toBe("en");
    expect(localeFromCookieHeader("locale=fr")).toBe("vi");
    expect(localeFromCookieHeader(undefined)).toBe("vi");
  });
});
