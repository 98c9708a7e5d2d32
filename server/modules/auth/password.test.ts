import { describe, expect, it } from "vitest";
import { hashPassword, needsRehash, SCRYPT_PARAMS, verifyPassword } from "./password";

describe("password hashing", () => {
  it("produces scrypt$N$r$p$salt$hash with the current parameters and a fresh salt", async () => {
    const a = await hashPassword("Mật khẩu 123!");
    const b = await hashPassword("Mật khẩu 123!");
    const parts = a.split("$");
    expect(parts).toHaveLength(6);
    expect(parts.slice(0, 4)).toEqual(["scrypt", String(SCRYPT_PARAMS.N), String(SCRYPT_PARAMS.r), String(SCRYPT_PARAMS.p)]);
    expect(Buffer.from(parts[4]!, "base64")).toHaveLength(16);
    expect(Buffer.from(parts[5]!, "base64")).toHaveLength(32);
    expect(a).not.toBe(b);
  });

  it("verifies the right password and rejects a wrong one", async () => {
    const stored = await hashPassword("correct horse");
    expect(await verifyPassword("correct horse", stored)).toBe(true);
    expect(await verifyPassword("correct hors", stored)).toBe(false);
    expect(await verifyPassword("", stored)).toBe(false);
  });

  it("treats composed and decomposed Vietnamese the same (NFC)", async () => {
    const stored = await hashPassword("Việt Nam");
    expect(await verifyPassword("Việt Nam".normalize("NFD"), stored)).toBe(true);
  });

  it("rejects malformed or tampered hashes without throwing", async () => {
    const stored = await hashPassword("x");
    const [, , r, p, salt, key] = stored.split("$");
    for (const bad of [
      "",
      "plaintext",
      `bcrypt$16384$${r}$${p}$${salt}$${key}`,
      `scrypt$1000$${r}$${p}$${salt}$${key}`, // N not a power of two
      `scrypt$${2 ** 30}$${r}$${p}$${salt}$${key}`, // N too large: would exhaust memory
      `scrypt$16384$${r}$${p}$$${key}`,
    ]) {
      expect(await verifyPassword("x", bad)).toBe(false);
    }
  });

  it("still verifies hashes made with other parameters, and flags weaker ones for rehash", async () => {
    const { scryptSync, randomBytes } = await import("node:crypto");
    const salt = randomBytes(16);
    const key = scryptSync("old", salt, 32, { N: 1024, r: 8, p: 1 });
    const old = `scrypt$1024$8$1$${salt.toString("base64")}$${key.toString("base64")}`;
    expect(await verifyPassword("old", old)).toBe(true);
    expect(needsRehash(old)).toBe(true);
    expect(needsRehash(await hashPassword("new"))).toBe(false);
  });

  it("takes a noticeable but bounded time to verify", async () => {
    const stored = await hashPassword("timing");
    const start = performance.now();
    await verifyPassword("timing", stored);
    const ms = performance.now() - start;
    expect(ms).toBeGreaterThan(20);
    expect(ms).toBeLessThan(1000);
  });
});
