// Public tracking look-ups per second: GET /track/<code> on the built app (`next start`, the whole
// page as a signed-out visitor gets it: Next.js's routing and rewrite checks, the rate-limit hit,
// the public view (plain SQL), the plain-HTML page rendered with react-dom/server, gzip) with 50
// concurrent clients over many different codes, beside a bare Node `http` server that does the
// same database work with `pg` (the rate-limit upsert and the public view's rows) and writes a
// small HTML page, in the same run. Loopback only. Target (issue 4): at least half the bare rate.
//
// The app limits look-ups to 30 per minute per client; the bench raises it for its own server only
// with TRACKING_LOOKUPS_PER_MINUTE (the documented setting), and each simulated client sends its own
// X-Forwarded-For, as 50 people behind the reverse proxy would.
//
// Env: BENCH_TRACKING_CLIENTS (default 50), BENCH_TRACKING_REQUESTS (per measured round, default
// 3,000), BENCH_TRACKING_SECONDS (cap per round, default 30), BENCH_TRACKING_ROUNDS (default 2).
import http from "node:http";
import type { AddressInfo } from "node:net";
import { performance } from "node:perf_hooks";
import pg from "pg";
import { bucketKey, lookupsPerClient } from "../server/modules/tracking/rate-limit";
import { buildApp, seedDatabase, startApp } from "./app-server";
import { percentile, type Bench, type BenchFigure } from "./types";

function envInt(name: string, fallback: number): number {
  const value = Number(process.env[name]);
  return Number.isSafeInteger(value) && value > 0 ? value : fallback;
}

const CLIENTS = envInt("BENCH_TRACKING_CLIENTS", 50);
const REQUESTS = envInt("BENCH_TRACKING_REQUESTS", 3000);
const SECONDS = envInt("BENCH_TRACKING_SECONDS", 30);
const ROUNDS = envInt("BENCH_TRACKING_ROUNDS", 2);
/** The app's pool (DATABASE_POOL_MAX) and the bare server's: the same number of connections. */
const POOL = 10;

// The public view's rows in one statement: what getPublicTracking reads, column for column.
const PUBLIC_VIEW_SQL = `
SELECT d."code", d."isTest", d."status", d."currentStepOrder", d."submittedAt", d."receivedAt", d."dueAt",
       d."pausedAt", d."finishedAt", d."returnedAt", p."code" AS "procedureCode",
       v."nameVi" AS "procedureNameVi", ha."nameVi" AS "handlingVi", ra."nameVi" AS "receivingVi",
       (SELECT coalesce(json_agg(json_build_object('order', s."order", 'nameVi', s."nameVi") ORDER BY s."order"), '[]')
          FROM "ProcedureStep" s WHERE s."procedureVersionId" = v."id") AS "steps",
       (SELECT coalesce(json_agg(json_build_object('action', e."action", 'toStatus', e."toStatus", 'toStepOrder', e."toStepOrder",
                                                    'fromStepOrder', e."fromStepOrder", 'serverAt', e."serverAt")
                                 ORDER BY e."serverAt", e."resultingVersion"), '[]')
          FROM "DossierEvent" e WHERE e."dossierId" = d."id" AND e."action" <> ALL ($2::"DossierAction"[])) AS "events"
  FROM "Dossier" d
  JOIN "Procedure" p ON p."id" = d."procedureId"
  JOIN "ProcedureVersion" v ON v."id" = d."procedureVersionId"
  JOIN "Agency" ha ON ha."id" = d."handlingAgencyId"
  JOIN "Agency" ra ON ra."id" = d."receivingAgencyId"
 WHERE d."code" = $1`;

const RATE_LIMIT_SQL = `
INSERT INTO "RateLimitBucket" ("key", "windowStart", "count") VALUES ($1, $2, 1)
ON CONFLICT ("key", "windowStart") DO UPDATE SET "count" = "RateLimitBucket"."count" + 1
RETURNING "count"`;

const escapeHtml = (s: unknown) =>
  String(s ?? "").replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

interface PublicRow {
  code: string;
  isTest: boolean;
  status: string;
  procedureCode: string;
  procedureNameVi: string;
  handlingVi: string;
  receivingVi: string;
  dueAt: Date | null;
  steps: Array<{ order: number; nameVi: string }>;
  events: Array<{ action: string; toStatus: string; serverAt: string }>;
}

/** The bare server: the same database work, a minimal page, no framework. */
async function startBareServer(databaseUrl: string): Promise<{ baseUrl: string; stop(): Promise<void> }> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: POOL });
  const rule = lookupsPerClient();
  const server = http.createServer((req, res) => {
    void (async () => {
      const match = /^\/track\/([^/?#]+)$/.exec(req.url ?? "");
      if (req.method !== "GET" || !match) {
        res.writeHead(404).end();
        return;
      }
      const code = decodeURIComponent(match[1]!).trim().toUpperCase();
      const client = String(req.headers["x-forwarded-for"] ?? "unknown").split(",")[0]!.trim();
      const now = Date.now();
      await pool.query(RATE_LIMIT_SQL, [bucketKey(rule, client), new Date(Math.floor(now / rule.windowMs) * rule.windowMs)]);
      const { rows } = await pool.query<PublicRow>(PUBLIC_VIEW_SQL, [code, ["ASSIGN", "COMMENT"]]);
      const row = rows[0];
      if (!row || row.isTest) {
        res.writeHead(404, { "Content-Type": "text/html; charset=utf-8" }).end("<!doctype html><title>Không tìm thấy</title>");
        return;
      }
      const body =
        `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Hồ sơ ${escapeHtml(row.code)}</title></head><body>` +
        `<h1>Hồ sơ ${escapeHtml(row.code)}</h1><p>${escapeHtml(row.procedureCode)} · ${escapeHtml(row.procedureNameVi)}</p>` +
        `<p>${escapeHtml(row.handlingVi)} · ${escapeHtml(row.status)} · ${escapeHtml(row.dueAt?.toISOString())}</p><ol>` +
        row.events.map((e) => `<li>${escapeHtml(e.serverAt)} ${escapeHtml(e.action)} → ${escapeHtml(e.toStatus)}</li>`).join("") +
        `</ol></body></html>`;
      res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" }).end(body);
    })().catch((error: unknown) => {
      res.writeHead(500).end(String(error));
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    stop: async () => {
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
      await pool.end();
    },
  };
}

const trackPath = (code: string) => `/track/${encodeURIComponent(code)}`;

interface Round {
  perSecond: number;
  p50: number;
  p95: number;
  done: number;
}

/**
 * `total` look-ups (or until `seconds` pass) by CLIENTS keep-alive clients, each its own address.
 * `pathOf` picks the page for each request (default: /track/<code>).
 */
async function load(baseUrl: string, codes: readonly string[], total: number, seconds: number, pathOf = trackPath): Promise<Round> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: CLIENTS });
  const latencies: number[] = [];
  let next = 0;
  let failures = 0;
  const started = performance.now();
  const deadline = started + seconds * 1000;
  const get = (path: string, client: number) =>
    new Promise<{ status: number; body: string }>((resolvePromise, reject) => {
      const req = http.get(`${baseUrl}${path}`, { agent, headers: { "x-forwarded-for": `10.77.${client >> 8}.${client & 255}`, "accept-encoding": "gzip" } }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => resolvePromise({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString("latin1") }));
        res.on("error", reject);
      });
      req.on("error", reject);
    });
  await Promise.all(
    Array.from({ length: CLIENTS }, async (_, client) => {
      while (next < total && performance.now() < deadline) {
        const index = next++;
        const t0 = performance.now();
        const { status } = await get(pathOf(codes[(index * 7919) % codes.length]!), client);
        latencies.push(performance.now() - t0);
        if (status !== 200) failures++;
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  agent.destroy();
  if (failures > 0) throw new Error(`${failures} of ${latencies.length} look-ups did not answer 200 on ${baseUrl}`);
  return { perSecond: latencies.length / elapsed, p50: percentile(latencies, 50), p95: percentile(latencies, 95), done: latencies.length };
}

/** Every answer names its dossier (a page that rendered an error would not). */
async function checkPages(baseUrl: string, codes: readonly string[]): Promise<void> {
  for (const code of codes.slice(0, 5)) {
    const response = await fetch(`${baseUrl}/track/${encodeURIComponent(code)}`, { headers: { "x-forwarded-for": "10.78.0.1" } });
    const body = await response.text();
    if (response.status !== 200 || !body.includes(code)) throw new Error(`${baseUrl}/track/${code} answered ${response.status} without the code`);
  }
}

const bench: Bench = async (ctx) => {
  if (ctx.embedded) {
    ctx.log("skipped: needs a PostgreSQL server (DATABASE_URL); the embedded database runs one query at a time");
    return [];
  }
  await Promise.all([buildApp(ctx.log), seedDatabase(ctx.databaseUrl, ctx.log)]);
  const db = new pg.Client({ connectionString: ctx.databaseUrl });
  await db.connect();
  const codes = (await db.query<{ code: string }>(`SELECT "code" FROM "Dossier" WHERE NOT "isTest" ORDER BY "code"`)).rows.map((r) => r.code);
  await db.end();
  if (codes.length < 100) throw new Error(`only ${codes.length} trackable dossiers in the bench database`);
  ctx.log(`${codes.length} different codes, ${CLIENTS} clients, ${REQUESTS} look-ups or ${SECONDS} s per round, ${ROUNDS} rounds`);

  const app = await startApp({
    databaseUrl: ctx.databaseUrl,
    // The bench's own limit: 50 clients at hundreds of look-ups a minute each.
    env: { TRACKING_LOOKUPS_PER_MINUTE: "100000000", DATABASE_POOL_MAX: String(POOL) },
    log: ctx.log,
  });
  const bare = await startBareServer(ctx.databaseUrl);
  try {
    await checkPages(app.baseUrl, codes);
    await checkPages(bare.baseUrl, codes);
    // Warm both: JIT, the pool, PostgreSQL's caches, Next's route modules.
    await load(app.baseUrl, codes, 500, 30);
    await load(bare.baseUrl, codes, 500, 30);

    // Interleaved rounds, so a burst of load from elsewhere on the machine hits both alike.
    const appRounds: Round[] = [];
    const bareRounds: Round[] = [];
    for (let round = 1; round <= ROUNDS; round++) {
      const b = await load(bare.baseUrl, codes, REQUESTS, SECONDS);
      ctx.log(`round ${round} bare: ${b.perSecond.toFixed(0)}/s (${b.done}), p50 ${b.p50.toFixed(1)} ms, p95 ${b.p95.toFixed(1)} ms`);
      const a = await load(app.baseUrl, codes, REQUESTS, SECONDS);
      ctx.log(`round ${round} app:  ${a.perSecond.toFixed(0)}/s (${a.done}), p50 ${a.p50.toFixed(1)} ms, p95 ${a.p95.toFixed(1)} ms`);
      bareRounds.push(b);
      appRounds.push(a);
    }
    // The framework's own floors on this machine, under the same load: a React page (sign-in: same
    // layout, no database work) and a route handler with one trivial query (/api/health: SELECT 1).
    const signIn = await load(app.baseUrl, codes, REQUESTS, SECONDS, () => "/sign-in");
    ctx.log(`app /sign-in (React page, no database): ${signIn.perSecond.toFixed(0)}/s, p50 ${signIn.p50.toFixed(1)} ms`);
    const health = await load(app.baseUrl, codes, REQUESTS, SECONDS, () => "/api/health");
    ctx.log(`app /api/health (route handler, SELECT 1): ${health.perSecond.toFixed(0)}/s, p50 ${health.p50.toFixed(1)} ms`);
    const mean = (rounds: Round[], key: keyof Round) => rounds.reduce((s, r) => s + r[key], 0) / rounds.length;
    const appRate = mean(appRounds, "perSecond");
    const bareRate = mean(bareRounds, "perSecond");
    const ratio = appRate / bareRate;
    ctx.log(`app/bare = ${ratio.toFixed(2)} (target >= 0.5: ${ratio >= 0.5 ? "met" : "NOT met"})`);
    const figures: BenchFigure[] = [
      { name: "tracking_app_lookups_per_s", value: appRate, unit: "lookups/s" },
      { name: "tracking_app_p50", value: mean(appRounds, "p50"), unit: "ms" },
      { name: "tracking_app_p95", value: mean(appRounds, "p95"), unit: "ms" },
      { name: "tracking_bare_lookups_per_s", value: bareRate, unit: "lookups/s" },
      { name: "tracking_bare_p50", value: mean(bareRounds, "p50"), unit: "ms" },
      { name: "tracking_bare_p95", value: mean(bareRounds, "p95"), unit: "ms" },
      { name: "tracking_app_to_bare_ratio", value: ratio, unit: "" },
      { name: "tracking_app_signin_page_per_s", value: signIn.perSecond, unit: "pages/s" },
      { name: "tracking_app_health_route_per_s", value: health.perSecond, unit: "requests/s" },
    ];
    return figures;
  } finally {
    await bare.stop();
    await app.stop();
  }
};

export default bench;
