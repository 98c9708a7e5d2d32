// A Vietnamese brandname SMS gateway over HTTP: an authenticated JSON POST with the brandname, the
// phone (84…), the message, our client message id and the unicode flag; the answer carries a
// result code from the table below and, on success, the gateway's message id. A request repeated
// with the same client message id is answered with the first message's id and not sent again.
import { SmsSendError, toGatewayPhone, type SmsMessage, type SmsProvider, type SmsSent } from "./provider";

export interface SmsGatewaySettings {
  url: string;
  username: string;
  password: string;
  brandname: string;
  /** The contract allows Unicode (diacritics) messages; usually not (they cost 2-3 times as much). */
  unicode: boolean;
  maxSegments: number;
  timeoutMs: number;
}

/** The gateway's result codes: what each means and whether trying again can help. */
export const SMS_GATEWAY_CODES: Readonly<Record<string, { meaning: string; retryable: boolean }>> = {
  "00": { meaning: "accepted", retryable: false },
  "01": { meaning: "authentication failed", retryable: false },
  "02": { meaning: "brandname not registered for this account", retryable: false },
  "03": { meaning: "invalid phone number", retryable: false },
  "04": { meaning: "invalid message (empty, too long, or characters outside the allowed set)", retryable: false },
  "05": { meaning: "insufficient balance", retryable: true },
  "06": { meaning: "invalid client message id", retryable: false },
  "07": { meaning: "too many requests", retryable: true },
  "99": { meaning: "gateway error", retryable: true },
};

function intOr(value: string | undefined, fallback: number): number {
  const n = Number(value);
  return value !== undefined && value !== "" && Number.isInteger(n) && n > 0 ? n : fallback;
}

/** SMS_GATEWAY_URL, SMS_GATEWAY_USERNAME, SMS_GATEWAY_PASSWORD, SMS_BRANDNAME, SMS_UNICODE, SMS_MAX_SEGMENTS, SMS_TIMEOUT_MS. */
export function smsGatewaySettingsFromEnv(env: NodeJS.ProcessEnv = process.env): SmsGatewaySettings | null {
  if (!env.SMS_GATEWAY_URL) return null;
  return {
    url: env.SMS_GATEWAY_URL,
    username: env.SMS_GATEWAY_USERNAME ?? "",
    password: env.SMS_GATEWAY_PASSWORD ?? "",
    brandname: env.SMS_BRANDNAME || "MOTCUA",
    unicode: env.SMS_UNICODE === "1" || env.SMS_UNICODE === "true",
    maxSegments: intOr(env.SMS_MAX_SEGMENTS, 3),
    timeoutMs: intOr(env.SMS_TIMEOUT_MS, 15_000),
  };
}

interface GatewayAnswer {
  code?: unknown;
  messageId?: unknown;
  description?: unknown;
}

export function createHttpSmsGateway(settings: SmsGatewaySettings): SmsProvider {
  const authorization = `Basic ${Buffer.from(`${settings.username}:${settings.password}`).toString("base64")}`;
  return {
    name: `sms-gateway ${new URL(settings.url).host}`,
    plainTextOnly: !settings.unicode,
    maxSegments: settings.maxSegments,
    async send(message: SmsMessage): Promise<SmsSent> {
      const phone = toGatewayPhone(message.phone);
      if (!phone) throw new SmsSendError(`not a Vietnamese mobile number: ${message.phone}`, "03", true);
      let response: Response;
      try {
        response = await fetch(settings.url, {
          method: "POST",
          headers: { authorization, "content-type": "application/json", accept: "application/json" },
          body: JSON.stringify({
            brandname: settings.brandname,
            phone,
            message: message.text,
            clientMessageId: message.clientMessageId,
            unicode: settings.unicode ? 1 : 0,
          }),
          signal: AbortSignal.timeout(settings.timeoutMs),
        });
      } catch (error) {
        const timedOut = (error as Error).name === "TimeoutError";
        throw new SmsSendError(`SMS gateway ${timedOut ? "timed out" : "unreachable"}: ${(error as Error).message}`, timedOut ? "TIMEOUT" : "NETWORK", false, { cause: error });
      }
      let answer: GatewayAnswer = {};
      try {
        answer = (await response.json()) as GatewayAnswer;
      } catch {
        // A proxy's error page: judged by the status below.
      }
      const code = typeof answer.code === "string" ? answer.code : null;
      if (response.ok && code === "00" && typeof answer.messageId === "string" && answer.messageId) {
        return { providerMessageId: answer.messageId };
      }
      const known = code ? SMS_GATEWAY_CODES[code] : undefined;
      const retryable = known ? known.retryable : response.status >= 500 || response.status === 429;
      throw new SmsSendError(
        `SMS gateway refused (HTTP ${response.status}, code ${code ?? "none"}: ${known?.meaning ?? String(answer.description ?? "unknown")})`,
        code ?? `HTTP_${response.status}`,
        !retryable,
      );
    },
  };
}
