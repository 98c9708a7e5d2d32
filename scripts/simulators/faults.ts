// What a simulator can be told to do to the next requests, over its HTTP control endpoint:
//   POST /control {"mode":"fail"|"timeout"|"late"|"twice"|"ok", "count"?: n, "delayMs"?: ms}
//   fail     refuse (a temporary error), keep nothing
//   timeout  keep nothing and never answer (the sender's own timeout ends it)
//   late     keep the message, answer only after delayMs (default 5 s): a sender that gives up
//            or dies meanwhile does not know it went through
//   twice    keep the message, and receive it a second time as a relay that retransmits would
//            (the repeat is dropped by its id: that is what the dedup is for)
// `count` applies the mode to that many requests, then back to "ok" (default: until told otherwise).
import type { IncomingMessage, ServerResponse } from "node:http";

export const FAULT_MODES = ["ok", "fail", "timeout", "late", "twice"] as const;
export type FaultMode = (typeof FAULT_MODES)[number];

export interface FaultSetting {
  mode: FaultMode;
  count: number | null;
  delayMs: number;
}

export class Faults {
  private setting: FaultSetting = { mode: "ok", count: null, delayMs: 5_000 };

  set(input: { mode?: unknown; count?: unknown; delayMs?: unknown }): FaultSetting {
    const mode = FAULT_MODES.includes(input.mode as FaultMode) ? (input.mode as FaultMode) : "ok";
    const count = typeof input.count === "number" && Number.isInteger(input.count) && input.count > 0 ? input.count : null;
    const delayMs = typeof input.delayMs === "number" && input.delayMs >= 0 ? Math.min(input.delayMs, 600_000) : 5_000;
    this.setting = { mode, count, delayMs };
    return this.current();
  }

  current(): FaultSetting {
    return { ...this.setting };
  }

  /** The mode for the request arriving now (consumes one of `count`). */
  next(): { mode: FaultMode; delayMs: number } {
    const { mode, count, delayMs } = this.setting;
    if (mode !== "ok" && count !== null) {
      this.setting = count <= 1 ? { mode: "ok", count: null, delayMs } : { mode, count: count - 1, delayMs };
    }
    return { mode, delayMs };
  }
}

export async function readBody(req: IncomingMessage, limit = 1_000_000): Promise<string> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) throw new Error("body too large");
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString("utf8");
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" });
  res.end(text);
}

/** The HTTP routes both stand-ins share: health, what was kept (newest first), clear, counters, faults. */
export async function controlRoute(
  req: IncomingMessage,
  res: ServerResponse,
  store: { list(): unknown[]; clear(): void; stats(): Record<string, number>; faults: Faults },
): Promise<boolean> {
  const url = new URL(req.url ?? "/", "http://localhost");
  if (url.pathname === "/health") sendJson(res, 200, { ok: true });
  else if (url.pathname === "/messages" && req.method === "GET") sendJson(res, 200, store.list());
  else if (url.pathname === "/messages" && req.method === "DELETE") {
    store.clear();
    sendJson(res, 200, { ok: true });
  } else if (url.pathname === "/stats") sendJson(res, 200, { ...store.stats(), faults: store.faults.current() });
  else if (url.pathname === "/control" && req.method === "POST") sendJson(res, 200, store.faults.set(JSON.parse((await readBody(req)) || "{}")));
  else return false;
  return true;
}
