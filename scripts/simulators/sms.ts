// A real HTTP server standing in for a Vietnamese brandname SMS gateway in development and tests.
// It checks requests as the gateway would (Basic credentials, the registered brandname, an 84…
// mobile number, GSM-only text unless unicode is on, the length, the client message id) and answers
// with the same result codes (server/integrations/sms/http-gateway.ts); a repeated client message
// id gets the first message's id back and is not kept twice. It can be told to misbehave
// (faults.ts). Never for production.
//
//   npm run dev:sms       http://127.0.0.1:2590/api/sms/send
//
// HTTP: POST /api/sms/send, GET /messages (newest first), DELETE /messages, GET /stats, POST /control.
import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { pathToFileURL } from "node:url";
import { isGsm7, smsLength } from "../../server/modules/notification/sms-text";
import { controlRoute, Faults, readBody, sendJson } from "./faults";

export const DEFAULT_SMS_PORT = 2590;

export interface ReceivedSms {
  messageId: string;
  clientMessageId: string;
  receivedAt: string;
  brandname: string;
  phone: string;
  message: string;
  unicode: boolean;
  segments: number;
}

export interface SmsSimulator {
  url: string;
  appEnv: Record<string, string>;
  messages(): ReceivedSms[];
  stats(): { received: number; duplicates: number; refused: number };
  faults: Faults;
  clear(): void;
  close(): Promise<void>;
}

export interface SmsSimulatorOptions {
  host?: string;
  port?: number;
  username?: string;
  password?: string;
  brandname?: string;
  /** Accept Unicode messages (the contract allows diacritics). Default: no, like most contracts. */
  unicode?: boolean;
  maxSegments?: number;
  unref?: boolean;
}

export async function startSmsSimulator(options: SmsSimulatorOptions = {}): Promise<SmsSimulator> {
  const host = options.host ?? "127.0.0.1";
  const username = options.username ?? "motcua";
  const password = options.password ?? "motcua-dev-sms";
  const brandname = options.brandname ?? "MOTCUA";
  const allowUnicode = options.unicode ?? false;
  const maxSegments = options.maxSegments ?? 3;
  const expectedAuth = `Basic ${Buffer.from(`${username}:${password}`).toString("base64")}`;
  const faults = new Faults();
  const byClientId = new Map<string, ReceivedSms>();
  let order: ReceivedSms[] = [];
  const counters = { received: 0, duplicates: 0, refused: 0 };

  const answer = (res: ServerResponse, status: number, code: string, description: string, messageId?: string) => {
    if (code !== "00") counters.refused += 1;
    sendJson(res, status, { code, description, ...(messageId ? { messageId } : {}) });
  };

  const keep = (sms: ReceivedSms): ReceivedSms => {
    const seen = byClientId.get(sms.clientMessageId);
    if (seen) {
      counters.duplicates += 1;
      return seen;
    }
    counters.received += 1;
    byClientId.set(sms.clientMessageId, sms);
    order.push(sms);
    return sms;
  };

  async function handleSend(req: IncomingMessage, res: ServerResponse) {
    if (req.method !== "POST") return answer(res, 405, "99", "POST only");
    if (req.headers.authorization !== expectedAuth) return answer(res, 401, "01", "authentication failed");
    let body: Record<string, unknown>;
    try {
      body = JSON.parse(await readBody(req, 64_000)) as Record<string, unknown>;
    } catch {
      return answer(res, 400, "04", "not JSON");
    }
    const { mode, delayMs } = faults.next();
    if (mode === "fail") return answer(res, 503, "99", "gateway error (simulated)");
    if (mode === "timeout") return; // never answers
    if (body.brandname !== brandname) return answer(res, 200, "02", `brandname ${String(body.brandname)} is not registered`);
    const phone = typeof body.phone === "string" ? body.phone : "";
    if (!/^84[35789]\d{8}$/.test(phone)) return answer(res, 200, "03", "invalid phone number");
    const clientMessageId = typeof body.clientMessageId === "string" ? body.clientMessageId : "";
    if (!/^[A-Za-z0-9_-]{1,64}$/.test(clientMessageId)) return answer(res, 200, "06", "invalid client message id");
    const message = typeof body.message === "string" ? body.message : "";
    const unicode = body.unicode === 1 || body.unicode === true;
    if (message.trim() === "") return answer(res, 200, "04", "empty message");
    if (unicode && !allowUnicode) return answer(res, 200, "04", "unicode messages are not allowed on this brandname");
    if (!unicode && !isGsm7(message)) return answer(res, 200, "04", "characters outside the GSM alphabet (send without diacritics or with unicode=1)");
    const length = smsLength(message);
    if (length.segments > maxSegments) return answer(res, 200, "04", `message too long (${length.segments} segments, at most ${maxSegments})`);

    const sms = keep({
      messageId: randomUUID(),
      clientMessageId,
      receivedAt: new Date().toISOString(),
      brandname,
      phone,
      message,
      unicode,
      segments: length.segments,
    });
    if (mode === "twice") keep({ ...sms, messageId: randomUUID() });
    const reply = () => answer(res, 200, "00", "accepted", sms.messageId);
    if (mode === "late") setTimeout(reply, delayMs);
    else reply();
  }

  const clear = () => {
    byClientId.clear();
    order = [];
  };
  const store = { list: () => [...order].reverse(), clear, stats: () => ({ ...counters, kept: order.length }), faults };
  const server = createServer((req, res) => {
    void (async () => {
      if (new URL(req.url ?? "/", "http://localhost").pathname === "/api/sms/send") return handleSend(req, res);
      if (!(await controlRoute(req, res, store))) sendJson(res, 404, { error: "not found" });
    })().catch((error: unknown) => sendJson(res, 400, { error: String(error) }));
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? DEFAULT_SMS_PORT, host, () => resolve());
  });
  if (options.unref) server.unref();
  const url = `http://${host}:${(server.address() as AddressInfo).port}`;

  return {
    url,
    appEnv: {
      SMS_GATEWAY_URL: `${url}/api/sms/send`,
      SMS_GATEWAY_USERNAME: username,
      SMS_GATEWAY_PASSWORD: password,
      SMS_BRANDNAME: brandname,
      SMS_UNICODE: allowUnicode ? "1" : "0",
      DEV_SMS_URL: url,
    },
    messages: store.list,
    stats: () => ({ ...counters }),
    faults,
    clear,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const sim = await startSmsSimulator({ port: Number(process.env.DEV_SMS_PORT) || DEFAULT_SMS_PORT });
  console.log(`SMS gateway stand-in on ${sim.appEnv.SMS_GATEWAY_URL}; messages at ${sim.url}/messages`);
  console.log(Object.entries(sim.appEnv).map(([k, v]) => `${k}=${v}`).join("\n"));
}
