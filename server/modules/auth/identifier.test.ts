import { describe, expect, it } from "vitest";
import { normalisePhone, parseSignInIdentifier } from "./identifier";

describe("normalisePhone", () => {
  it.each([
    ["0912345678", "0912345678"],
    ["0912 345 678", "0912345678"],
    ["0912.345.678", "0912345678"],
    ["+84 912 345 678", "0912345678"],
    ["84912345678", "0912345678"],
    ["(024) 3822-1234", "02438221234"],
  ])("%s -> %s", (raw, expected) => {
    expect(normalisePhone(raw)).toBe(expected);
  });

  it.each(["12345", "091234567a", "", "+1 555 123 4567", "091234567890"])("rejects %s", (raw) => {
    expect(normalisePhone(raw)).toBeNull();
  });
});

describe("parseSignInIdentifier", () => {
  it("treats anything with @ as an e-mail, lower-cased", () => {
    expect(parseSignInIdentifier("  CanBo@SoKHCN.HaNoi.gov.vn ")).toEqual({ kind: "email", email: "canbo@sokhcn.hanoi.gov.vn" });
  });

  it("matches phones in national and international storage forms", () => {
    expect(parseSignInIdentifier("+84912345678")).toEqual({
      kind: "phone",
      phone: "0912345678",
      candidates: ["0912345678", "+84912345678"],
    });
  });

  it("rejects empty and unusable input", () => {
    expect(parseSignInIdentifier("   ")).toBeNull();
    expect(parseSignInIdentifier("nguyenvana")).toBeNull();
  });
});
