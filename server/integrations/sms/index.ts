// The SMS provider of this process, from the environment (see http-gateway.ts for the settings).
import { createHttpSmsGateway, smsGatewaySettingsFromEnv } from "./http-gateway";
import type { SmsProvider } from "./provider";

export type { SmsMessage, SmsProvider, SmsSent } from "./provider";
export { SmsSendError, toGatewayPhone } from "./provider";

/** The configured gateway, or null when SMS_GATEWAY_URL is unset (SMS are then not written at all). */
export function getSmsProvider(env: NodeJS.ProcessEnv = process.env): SmsProvider | null {
  const settings = smsGatewaySettingsFromEnv(env);
  return settings ? createHttpSmsGateway(settings) : null;
}
