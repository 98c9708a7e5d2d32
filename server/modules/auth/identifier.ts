/**
 * What a person types in "Email hoặc số điện thoại". Phones are stored in national format
 * (0xxxxxxxxx); "+84 912 345 678", "84912345678" and "0912.345.678" all mean the same number.
 */
type SignInIdentifier =
  | { kind: "email"; email: string }
  | { kind: "phone"; phone: string; candidates: string[] };

export function normalisePhone(raw: string): string | null {
  let digits = raw.trim().replace(/[\s.\-()]/g, "");
  if (digits.startsWith("+84")) digits = `0${digits.slice(3)}`;
  else if (digits.startsWith("84") && digits.length === 11) digits = `0${digits.slice(2)}`;
  // Mobile numbers have 10 digits, landlines 11 (0 + area code + number).
  return /^0\d{9,10}$/.test(digits) ? digits : null;
}

export function normaliseEmail(raw: string): string {
  return raw.trim().toLowerCase();
}

export function parseSignInIdentifier(raw: string): SignInIdentifier | null {
  const value = raw.trim();
  if (value.length === 0 || value.length > 254) return null;
  if (value.includes("@")) return { kind: "email", email: normaliseEmail(value) };
  const phone = normalisePhone(value);
  if (!phone) return null;
  // Accept rows stored in the international form too, so a seed or import that kept "+84" still signs in.
  return { kind: "phone", phone, candidates: [phone, `+84${phone.slice(1)}`] };
}
