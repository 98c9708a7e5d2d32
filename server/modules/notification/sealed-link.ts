// A link that must not be readable from the database (a password-reset link carries the token
// whose hash is all the database keeps): sealed with AES-256-GCM under a key derived from the auth
// secret, unsealed only by the send job, and dropped from the row once sent.
import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";
import { resolveAuthSecret } from "../../session-token";

function key(secret: string): Buffer {
  return createHash("sha256").update(`motcua-sealed-link\u0000${secret}`).digest();
}

export function sealSecretLink(link: string, secret = resolveAuthSecret()): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key(secret), iv);
  const sealed = Buffer.concat([cipher.update(link, "utf8"), cipher.final()]);
  return [iv, cipher.getAuthTag(), sealed].map((b) => b.toString("base64url")).join(".");
}

export function unsealSecretLink(value: string, secret = resolveAuthSecret()): string {
  const [iv, tag, sealed] = value.split(".").map((p) => Buffer.from(p, "base64url"));
  if (!iv || !tag || !sealed) throw new Error("not a sealed link");
  const decipher = createDecipheriv("aes-256-gcm", key(secret), iv);
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(sealed), decipher.final()]).toString("utf8");
}
