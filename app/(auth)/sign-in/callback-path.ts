/** Only a path on this site: a crafted callbackUrl must not send a signed-in user elsewhere. */
export function safeCallbackPath(value: unknown): string | null {
  if (typeof value !== "string" || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return null;
  return value;
}
