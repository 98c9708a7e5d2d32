// What motcua needs from an SMS service. Vietnamese brandname gateways all take the same things:
// the registered sender name, a phone number, the text, and a client-side id that makes a repeated
// request answer the first one instead of sending again.

export interface SmsMessage {
  /** Ours, the same on every retry of one message (the gateway drops a repeat). [A-Za-z0-9_-], up to 64. */
  clientMessageId: string;
  /** A Vietnamese mobile number in any usual form (0912…, +84912…, 84912…). */
  phone: string;
  text: string;
}

export interface SmsSent {
  providerMessageId: string;
}

export interface SmsProvider {
  readonly name: string;
  /** The gateway takes only GSM 7-bit text: send Vietnamese without diacritics. */
  readonly plainTextOnly: boolean;
  /** The most segments one message may have. */
  readonly maxSegments: number;
  send(message: SmsMessage): Promise<SmsSent>;
}

export class SmsSendError extends Error {
  constructor(
    message: string,
    /** The gateway's error code, or HTTP_<status> / NETWORK / TIMEOUT. */
    readonly code: string,
    readonly permanent: boolean,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = "SmsSendError";
  }
}

/** 0912345678 / +84912345678 / 84912345678 → 84912345678; null when it is not a Vietnamese mobile number. */
export function toGatewayPhone(phone: string): string | null {
  const digits = phone.replace(/[\s.()-]/g, "").replace(/^\+/, "");
  const national = digits.startsWith("84") ? digits.slice(2) : digits.startsWith("0") ? digits.slice(1) : null;
  return national && /^[35789]\d{8}$/.test(national) ? `84${national}` : null;
}
