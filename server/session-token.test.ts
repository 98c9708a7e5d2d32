import { beforeAll, describe, expect, it } from "vitest";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

beforeAll(() => {
  process.env.AUTH_SECRET = "session-token-unit-test-secret-0123456789abcdef";
});

async function load() {
  return import("./session-token");
}

describe("session token lifetimes", () => {
  it("lives for the idle window, cut short by the absolute limit after sign-in", async () => {
    const { nextTokenLifetime, SESSION_IDLE_SECONDS, SESSION_MAX_AGE_SECONDS } = await load();
    const now = Date.now();
    expect(nextTokenLifetime(now, now)).toBe(SESSION_IDLE_SECONDS);
    expect(nextTokenLifetime(now - SESSION_MAX_AGE_SECONDS * 1000 + 30 * MINUTE, now)).toBe(30 * 60);
    expect(nextTokenLifetime(now - SESSION_MAX_AGE_SECONDS * 1000 - 1, now)).toBe(0);
  });

  it("round-trips the claims through an encrypted token", async () => {
    const { decodeSessionToken, encodeSessionToken } = await load();
    const authTime = Date.now();
    const { value } = await encodeSessionToken({ uid: "u1", kind: "OFFICER", sv: 3, authTime });
    expect(await decodeSessionToken(value)).toMatchObject({ sub: "u1", uid: "u1", kind: "OFFICER", sv: 3, authTime });
    expect(await decodeSessionToken(`${value.slice(0, -4)}AAAA`)).toBeNull();
    expect(await decodeSessionToken("not a token")).toBeNull();
  });
});

describe("refreshSessionToken (the proxy's sliding expiry)", () => {
  it("leaves a recently issued token alone", async () => {
    const { encodeSessionToken, refreshSessionToken } = await load();
    const { value } = await encodeSessionToken({ uid: "u1", kind: "CITIZEN", sv: 0, authTime: Date.now() });
    expect(await refreshSessionToken(value, Date.now() + MINUTE)).toBeNull();
  });

  it("re-issues an older token with a new expiry and the same sign-in time and version", async () => {
    const { decodeSessionToken, encodeSessionToken, refreshSessionToken, SESSION_IDLE_SECONDS, SESSION_REFRESH_SECONDS } = await load();
    const authTime = Date.now() - HOUR;
    const { value } = await encodeSessionToken({ uid: "u1", kind: "CITIZEN", sv: 2, authTime });
    const later = Date.now() + SESSION_REFRESH_SECONDS * 1000 + MINUTE;
    const refreshed = await refreshSessionToken(value, later);
    expect(refreshed?.maxAge).toBe(SESSION_IDLE_SECONDS);
    const claims = await decodeSessionToken(refreshed!.value);
    expect(claims).toMatchObject({ uid: "u1", sv: 2, authTime });
  });

  it("never extends a session past the absolute limit, and ignores tokens it cannot read", async () => {
    const { encodeSessionToken, refreshSessionToken, SESSION_MAX_AGE_SECONDS, SESSION_REFRESH_SECONDS } = await load();
    const authTime = Date.now() - SESSION_MAX_AGE_SECONDS * 1000 + 10 * MINUTE;
    const { value, maxAge } = await encodeSessionToken({ uid: "u1", kind: "CITIZEN", sv: 0, authTime });
    expect(maxAge).toBeLessThanOrEqual(10 * 60);
    expect(await refreshSessionToken(value, Date.now() + SESSION_REFRESH_SECONDS * 1000 + MINUTE)).toBeNull();
    expect(await refreshSessionToken("garbage")).toBeNull();
  });
});
