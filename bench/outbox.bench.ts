/**
 * The officer's offline outbox and offline copy, measured in Node with the browser's own code
 * (app/_offline: the IndexedDB store on fake-indexeddb, the sync engine, the tRPC client) against
 * the real tRPC router served over HTTP on 127.0.0.1 (fetch adapter, superjson, the domain commands,
 * this run's PostgreSQL database). No browser: the network is loopback, so the figures are the
 * engine, the HTTP stack and the database; a real device adds its round-trip time per request
 * (four requests in flight, one chain per dossier).
 *
 *   outbox_drain_200_ms          200 queued actions (40 dossiers × REQUEST_FEE, CONFIRM_FEE, 3 × COMMENT)
 *                                sent after "reconnecting", until the outbox is empty
 *   outbox_drain_actions_per_s   the same, as a rate
 *   offline_cache_500_bytes      500 cached dossier details (dossier.get DTOs) as structured-clone
 *                                bytes, what Chromium's IndexedDB stores before its own compression
 *   offline_cache_500_json_bytes the same as JSON (for comparison with what goes over the wire)
 *   offline_cache_500_fetch_ms   fetching those 500 details over HTTP (four at a time)
 *
 * BENCH_OUTBOX_ACTIONS and BENCH_CACHED_DOSSIERS change the sizes.
 */
import "fake-indexeddb/auto";
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { serialize } from "node:v8";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { enqueueAction, listOutbox, type EnqueueActInput } from "../app/_offline/outbox";
import { deleteUserDb, openOfficerDb, userDbName } from "../app/_offline/store";
import { drainOutbox, withOutboxLock } from "../app/_offline/sync-engine";
import { createOfflineClient, outboxTransport } from "../app/_offline/transport";
import { appRouter } from "../server/api/root";
import { createDb } from "../server/db";
import { createDesk, intake } from "../server/test/desk";
import type { Bench } from "./types";

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

const bench: Bench = async ({ databaseUrl, embedded, log }) => {
  const actions = Number(process.env.BENCH_OUTBOX_ACTIONS ?? 200);
  const cachedDossiers = Number(process.env.BENCH_CACHED_DOSSIERS ?? (embedded ? 200 : 500));
  const perDossier = 5;
  const db = createDb({ url: databaseUrl, max: embedded ? 2 : 8 });

  const desk = await createDesk(db, { provinceName: "Hà Nội" });
  const officer = desk.reception;
  const now = new Date();

  // The app's tRPC endpoint, signed in as the desk officer (the session is what next-auth would give).
  const server = createServer((req, res) => {
    void (async () => {
      const body = req.method === "GET" || req.method === "HEAD" ? undefined : new Uint8Array(await readBody(req));
      const request = new Request(`http://127.0.0.1${req.url}`, { method: req.method, headers: req.headers as Record<string, string>, body });
      const response = await fetchRequestHandler({
        endpoint: "/api/trpc",
        req: request,
        router: appRouter,
        createContext: () => ({ db, session: { id: officer.id, kind: "OFFICER" as const }, locale: "vi" as const, headers: request.headers }),
      });
      res.writeHead(response.status, Object.fromEntries(response.headers));
      res.end(Buffer.from(await response.arrayBuffer()));
    })().catch((error: unknown) => {
      res.writeHead(500);
      res.end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const client = createOfflineClient(origin);

  try {
    // ── outbox: queue offline, drain after reconnecting
    const dossierCount = Math.ceil(actions / perDossier);
    log(`receiving ${dossierCount} dossiers for the outbox run`);
    const dossiers = [];
    for (let i = 0; i < dossierCount; i++) dossiers.push(await intake(db, desk, {}, now));

    const outboxDb = await openOfficerDb(`bench-${officer.id}`);
    const plan = (i: number): Pick<EnqueueActInput, "action" | "payload"> =>
      i === 0 ? { action: "REQUEST_FEE", payload: { amount: 500_000 } } : i === 1 ? { action: "CONFIRM_FEE", payload: {} } : { action: "COMMENT", payload: { note: `ghi chú ${i}` } };
    let queued = 0;
    for (let step = 0; step < perDossier && queued < actions; step++) {
      for (const d of dossiers) {
        if (queued >= actions) break;
        await enqueueAction(outboxDb, { dossierId: d.id, label: d.code, expectedVersion: d.version, idempotencyKey: `bench-${d.id}-${step}`, ...plan(step) } as EnqueueActInput);
        queued += 1;
      }
    }
    log(`queued ${queued} actions; draining`);
    const started = performance.now();
    const report = await withOutboxLock("bench", () => drainOutbox(outboxDb, outboxTransport(client), { force: true }));
    const drainMs = performance.now() - started;
    const left = await listOutbox(outboxDb);
    const events = await db.dossierEvent.count({ where: { dossierId: { in: dossiers.map((d) => d.id) }, action: { not: "INTAKE" } } });
    if (left.length !== 0 || report.sent !== queued || events !== queued) {
      throw new Error(`outbox did not drain cleanly: sent ${report.sent}/${queued}, ${left.length} left, ${events} events, ${report.conflicts} conflicts`);
    }
    outboxDb.close();
    await deleteUserDb(userDbName(`bench-${officer.id}`));

    // ── the offline copy: details of many dossiers as the device stores them
    const more = Math.max(0, cachedDossiers - dossiers.length);
    log(`receiving ${more} more dossiers for the offline copy`);
    const ids = dossiers.map((d) => d.id);
    for (let i = 0; i < more; i++) ids.push((await intake(db, desk, {}, now)).id);
    const cacheDb = await openOfficerDb(`bench-cache-${officer.id}`);
    const fetchStarted = performance.now();
    const queue = ids.slice(0, cachedDossiers);
    await Promise.all(
      Array.from({ length: 4 }, async () => {
        for (let id = queue.shift(); id; id = queue.shift()) {
          const detail = await client.dossier.get.query({ dossierId: id });
          await cacheDb.put("dossiers", { id, detail, assignees: {}, syncedAt: new Date() });
        }
      }),
    );
    const fetchMs = performance.now() - fetchStarted;
    const stored = await cacheDb.getAll("dossiers");
    const cloneBytes = stored.reduce((sum, record) => sum + serialize(record).byteLength, 0);
    const jsonBytes = stored.reduce((sum, record) => sum + Buffer.byteLength(JSON.stringify(record, (_k, v: unknown) => (typeof v === "bigint" ? v.toString() : v))), 0);
    cacheDb.close();
    await deleteUserDb(userDbName(`bench-cache-${officer.id}`));
    log(`${stored.length} details: ${(cloneBytes / 1024).toFixed(0)} KiB structured clone, ${(jsonBytes / 1024).toFixed(0)} KiB JSON`);

    return [
      { name: `outbox_drain_${queued}_ms`, value: drainMs, unit: "ms" },
      { name: "outbox_drain_actions_per_s", value: (queued / drainMs) * 1000, unit: "actions/s" },
      { name: `offline_cache_${stored.length}_bytes`, value: cloneBytes, unit: "bytes" },
      { name: `offline_cache_${stored.length}_json_bytes`, value: jsonBytes, unit: "bytes" },
      { name: "offline_cache_bytes_per_dossier", value: cloneBytes / stored.length, unit: "bytes" },
      { name: `offline_cache_${stored.length}_fetch_ms`, value: fetchMs, unit: "ms" },
    ];
  } finally {
    server.close();
    await db.$disconnect();
  }
};

export default bench;
