// A real SMTP server standing in for the mail relay in development and tests (smtp-server, the
// messages parsed with mailparser and kept in memory). It accepts any sender, recipient and login,
// keeps each message once per Message-ID (a repeat is counted, not kept: "exactly once in effect"
// at the far end), and can be told to misbehave (faults.ts). Never for production.
//
//   npm run dev:mail        SMTP on 127.0.0.1:2525, control and messages on http://127.0.0.1:2580
//
// HTTP: GET /messages (newest first), DELETE /messages, GET /stats, POST /control, GET /health.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { pathToFileURL } from "node:url";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";
import { controlRoute, Faults, sendJson } from "./faults";

export const DEFAULT_SMTP_PORT = 2525;
export const DEFAULT_SMTP_CONTROL_PORT = 2580;

export interface ReceivedMail {
  /** Message-ID without brackets. */
  messageId: string;
  /** Our queue id, returned in the 250 answer ("queued as …"). */
  queueId: string;
  receivedAt: string;
  from: string;
  to: string[];
  subject: string;
  text: string;
  /** The HTML part with inline (cid:) images turned into data: URLs, to show as it would be seen. */
  html: string | null;
  headers: Record<string, string>;
  attachments: { filename: string | null; contentType: string; size: number; cid: string | null }[];
}

export interface SmtpSimulator {
  smtpPort: number;
  controlUrl: string;
  /** Environment for the app and the worker: where to send (SMTP_URL, MAIL_FROM) and what /dev/mail reads. */
  appEnv: Record<string, string>;
  messages(): ReceivedMail[];
  stats(): { received: number; duplicates: number; refused: number };
  faults: Faults;
  clear(): void;
  close(): Promise<void>;
}

export interface SmtpSimulatorOptions {
  host?: string;
  smtpPort?: number;
  controlPort?: number;
  /** Let the servers not keep the process alive (when a test runner owns them). */
  unref?: boolean;
  /** At most this many messages are kept (oldest dropped). */
  keep?: number;
}

export async function startSmtpSimulator(options: SmtpSimulatorOptions = {}): Promise<SmtpSimulator> {
  const host = options.host ?? "127.0.0.1";
  const keep = options.keep ?? 5_000;
  const faults = new Faults();
  const byId = new Map<string, ReceivedMail>();
  let order: ReceivedMail[] = [];
  let sequence = 0;
  const counters = { received: 0, duplicates: 0, refused: 0 };

  const accept = (mail: ReceivedMail): ReceivedMail => {
    const seen = byId.get(mail.messageId);
    if (seen) {
      counters.duplicates += 1;
      return seen;
    }
    counters.received += 1;
    byId.set(mail.messageId, mail);
    order.push(mail);
    if (order.length > keep) {
      const dropped = order.splice(0, order.length - keep);
      for (const d of dropped) byId.delete(d.messageId);
    }
    return mail;
  };

  const smtp = new SMTPServer({
    banner: "motcua SMTP stand-in",
    authOptional: true,
    allowInsecureAuth: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    size: 25 * 1024 * 1024,
    closeTimeout: 1_000,
    onAuth(_auth, _session, callback) {
      callback(null, { user: "dev" });
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        void (async () => {
          const { mode, delayMs } = faults.next();
          if (mode === "fail") {
            counters.refused += 1;
            return callback(Object.assign(new Error("4.3.0 Temporary failure (simulated)"), { responseCode: 451 }));
          }
          if (mode === "timeout") return; // never answers: the sender's socket timeout ends it
          const raw = Buffer.concat(chunks);
          const parsed = await simpleParser(raw);
          sequence += 1;
          const queueId = `SIM${Date.now().toString(36).toUpperCase()}${sequence}`;
          const messageId = (parsed.messageId ?? `<no-id-${queueId}>`).replace(/^<|>$/g, "");
          const images = new Map(
            parsed.attachments.filter((a) => a.cid).map((a) => [a.cid!, `data:${a.contentType};base64,${a.content.toString("base64")}`]),
          );
          const html = typeof parsed.html === "string" ? parsed.html.replace(/cid:([^"'\s)]+)/g, (whole, cid: string) => images.get(cid) ?? whole) : null;
          const headers: Record<string, string> = {};
          for (const [key, value] of parsed.headers) if (typeof value === "string") headers[key] = value;
          const to = session.envelope.rcptTo.map((r) => r.address);
          const mail = accept({
            messageId,
            queueId,
            receivedAt: new Date().toISOString(),
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
            to,
            subject: parsed.subject ?? "",
            text: parsed.text ?? "",
            html,
            headers,
            attachments: parsed.attachments.map((a) => ({ filename: a.filename ?? null, contentType: a.contentType, size: a.size, cid: a.cid ?? null })),
          });
          if (mode === "twice") accept({ ...mail });
          const answer = () => callback(null, `OK: queued as ${mail.queueId}`);
          if (mode === "late") setTimeout(answer, delayMs);
          else answer();
        })().catch((error: unknown) => callback(error as Error));
      });
    },
  });
  smtp.on("error", (error) => console.warn(`[smtp-sim] ${error.message}`));

  await new Promise<void>((resolve, reject) => {
    smtp.server.once("error", reject);
    smtp.listen(options.smtpPort ?? DEFAULT_SMTP_PORT, host, () => resolve());
  });
  const smtpPort = (smtp.server.address() as AddressInfo).port;

  const clear = () => {
    byId.clear();
    order = [];
  };
  const store = { list: () => [...order].reverse(), clear, stats: () => ({ ...counters, kept: order.length }), faults };
  const control: Server = createServer((req, res) => {
    void (async () => {
      if (!(await controlRoute(req, res, store))) sendJson(res, 404, { error: "not found" });
    })().catch((error: unknown) => sendJson(res, 400, { error: String(error) }));
  });
  await new Promise<void>((resolve, reject) => {
    control.once("error", reject);
    control.listen(options.controlPort ?? DEFAULT_SMTP_CONTROL_PORT, host, () => resolve());
  });
  const controlUrl = `http://${host}:${(control.address() as AddressInfo).port}`;
  if (options.unref) {
    smtp.server.unref();
    control.unref();
  }

  return {
    smtpPort,
    controlUrl,
    appEnv: { SMTP_URL: `smtp://${host}:${smtpPort}`, MAIL_FROM: "Hệ thống Một cửa (thử nghiệm) <no-reply@motcua.local>", DEV_MAIL_URL: controlUrl },
    messages: store.list,
    stats: () => ({ ...counters }),
    faults,
    clear,
    async close() {
      await Promise.all([new Promise<void>((r) => smtp.close(() => r())), new Promise<void>((r) => control.close(() => r()))]);
    },
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const sim = await startSmtpSimulator({
    smtpPort: Number(process.env.DEV_SMTP_PORT) || DEFAULT_SMTP_PORT,
    controlPort: Number(process.env.DEV_SMTP_CONTROL_PORT) || DEFAULT_SMTP_CONTROL_PORT,
  });
  console.log(`SMTP stand-in on 127.0.0.1:${sim.smtpPort}; messages at ${sim.controlUrl}/messages`);
  console.log(Object.entries(sim.appEnv).map(([k, v]) => `${k}=${v}`).join("\n"));
}
