/** The dossier code in a scanned QR value: the last path segment of a /track/ URL, or the value itself. */
export function codeFromScan(raw: string): string | null {
  const value = raw.trim();
  const match = /\/track\/([^/?#]+)/.exec(value);
  let code = value;
  if (match) {
    try {
      code = decodeURIComponent(match[1]!);
    } catch {
      return null;
    }
  }
  return /^[A-Za-z0-9.-]{5,60}$/.test(code) ? code.toUpperCase() : null;
}
