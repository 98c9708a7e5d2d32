import { describe, expect, it } from "vitest";
import { cookieValue, createTrackGrant, TRACK_GRANT_TTL_SECONDS, verifyTrackGrant } from "./grant";

const SECRET = "x".repeat(40);
const CODE = "000.00.53.H48-260213-0001";

describe("track grant", () => {
  it("verifies for its code and secret until it expires", () => {
    const now = new Date("2026-02-13T03:00:00Z");
    const token = createTrackGrant(SECRET, CODE, now);
    expect(verifyTrackGrant(SECRET, token, CODE, now)).toBe(true);
    expect(verifyTrackGrant(SECRET, token, `${CODE.slice(0, -1)}2`, now)).toBe(false);
    expect(verifyTrackGrant("y".repeat(40), token, CODE, now)).toBe(false);
    expect(verifyTrackGrant(SECRET, token, CODE, new Date(now.getTime() + TRACK_GRANT_TTL_SECONDS * 1000))).toBe(false);
  });

  it("rejects tampered and malformed tokens", () => {
    const now = new Date();
    const token = createTrackGrant(SECRET, CODE, now);
    const [c, e, m] = token.split(".");
    expect(verifyTrackGrant(SECRET, `${c}.${Number(e) + 1000}.${m}`, CODE, now)).toBe(false);
    expect(verifyTrackGrant(SECRET, `${c}.${e}.${m!.slice(1)}`, CODE, now)).toBe(false);
    for (const bad of ["", "a.b", "a.b.c.d", null, undefined]) expect(verifyTrackGrant(SECRET, bad, CODE, now)).toBe(false);
  });

  it("reads one cookie from a Cookie header", () => {
    expect(cookieValue("a=1; track_grant=abc.1.x%3D; b=2", "track_grant")).toBe("abc.1.x=");
    expect(cookieValue("a=1", "track_grant")).toBeNull();
    expect(cookieValue(null, "track_grant")).toBeNull();
  });
});
