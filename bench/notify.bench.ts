// Notification delivery against the local SMTP stand-in (a real SMTP server in this process) with
// the job worker in a process of its own (scripts/worker.ts, as `npm start` runs it):
//   notify_smtp_provider_emails_per_s   the SMTP floor: the provider alone (pooled nodemailer), no jobs
//   notify_emails_per_s                 written e-mail deliveries through the send job to the mailbox
//   notify_event_to_mailbox_p50/p95_ms  a steady stream of dossier events (counter intakes, each
//                                       telling the applicant by e-mail) at BENCH_NOTIFY_RATE/s
//                                       (default 50) for BENCH_NOTIFY_SECONDS (default 20): from the
//                                       command's return to the message at the SMTP server
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { startSmtpSimulator, type SmtpSimulator } from "../scripts/simulators/smtp";
import { createDb, type Db } from "../server/db";
import { createSmtpProvider, smtpSettingsFromEnv } from "../server/integrations/email/smtp";
import { createDossier } from "../server/modules/dossier/commands/create-dossier";
import { writeDeliveries } from "../server/modules/notification/commands/write-deliveries";
import { createAgency, createProcedure } from "../server/test/factories";
import { percentile, runClients, type Bench } from "./types";

function envInt(name: string, fallback: number): number {
  const value = Number(process.env[name]);
  return Number.isSafeInteger(value) && value > 0 ? value : fallback;
}

/** CPU seconds a process has used (Linux /proc; NaN elsewhere). */
function cpuSeconds(pid: number | undefined): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return Number.NaN;
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitFor(check: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(20);
  }
}

function startWorkerProcess(env: NodeJS.ProcessEnv, log: (line: string) => void): Promise<ChildProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/worker.ts"], { env, stdio: ["ignore", "pipe", "pipe"] });
  child.stderr!.on("data", (chunk: Buffer) => log(`worker: ${chunk.toString().trim()}`));
  return new Promise((resolve, reject) => {
    let output = "";
    const timer = setTimeout(() => reject(new Error(`the worker did not start:\n${output}`)), 120_000);
    child.stdout!.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      if (/^ready: /m.test(output)) {
        clearTimeout(timer);
        resolve(child);
      }
    });
    child.once("exit", (code) => reject(new Error(`the worker exited (${code}):\n${output}`)));
  });
}

const bench: Bench = async ({ databaseUrl, embedded, log }) => {
  const emails = envInt("BENCH_NOTIFY_EMAILS", embedded ? 200 : 2000);
  const rate = envInt("BENCH_NOTIFY_RATE", embedded ? 10 : 50);
  const seconds = envInt("BENCH_NOTIFY_SECONDS", embedded ? 10 : 20);
  const smtp: SmtpSimulator = await startSmtpSimulator({ smtpPort: 0, controlPort: 0, keep: 50_000 });
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...smtp.appEnv,
    DATABASE_URL: databaseUrl,
    APP_BASE_URL: "https://motcua.example.vn",
    AUTH_SECRET: process.env.AUTH_SECRET || "bench-auth-secret-0123456789abcdefghijkl",
    SMS_GATEWAY_URL: "",
    JOBS_POOL_MAX: embedded ? "2" : "8",
    JOBS_BATCH_SIZE: embedded ? "5" : "20",
    SMTP_MAX_CONNECTIONS: "5",
  };
  // The dispatcher in this process reads the same settings (channelAvailability).
  Object.assign(process.env, { SMTP_URL: env.SMTP_URL, APP_BASE_URL: env.APP_BASE_URL, AUTH_SECRET: env.AUTH_SECRET, SMS_GATEWAY_URL: "" });
  const db: Db = createDb({ url: databaseUrl, max: embedded ? 2 : 20 });
  let worker: ChildProcess | undefined;
  try {
    // ── The SMTP floor: the provider alone, 5 pooled connections ──
    const provider = createSmtpProvider(smtpSettingsFromEnv(env)!);
    const floorCount = Math.min(emails, 1000);
    const t0 = performance.now();
    await runClients(floorCount, 5, async (i) => {
      await provider.send({ messageId: `floor-${i}@bench`, to: `floor-${i}@example.vn`, subject: `Floor ${i}`, text: "x".repeat(400), html: `<p>${"x".repeat(400)}</p>` });
    });
    const providerRate = floorCount / ((performance.now() - t0) / 1000);
    await provider.close();
    log(`provider alone: ${providerRate.toFixed(0)} e-mails/s`);
    smtp.clear();

    worker = await startWorkerProcess(env, log);

    // ── Written deliveries through the send job ──
    const before = smtp.stats().received;
    const sendCpuBefore = cpuSeconds(worker.pid);
    const started = performance.now();
    for (let offset = 0; offset < emails; offset += 500) {
      const batch = Array.from({ length: Math.min(500, emails - offset) }, (_, j) => {
        const address = `send-${offset + j}@example.vn`;
        return { sourceKey: `bench:${address}`, recipientKey: `email:${address}`, channel: "EMAIL" as const, template: "dossier.received", locale: "vi", address, subject: `Hồ sơ ${offset + j}`, body: "Kính gửi ông/bà,\n\nHồ sơ đã được tiếp nhận.\n\nTra cứu: https://motcua.example.vn/track/x", link: "https://motcua.example.vn/track/x", data: { code: `BENCH-${offset + j}` } };
      });
      await db.$transaction((tx) => writeDeliveries(tx, batch), { timeout: 60_000 });
    }
    await waitFor(() => smtp.stats().received - before >= emails, 300_000, `${emails} e-mails`);
    const sendRate = emails / ((performance.now() - started) / 1000);
    const sendCpuMs = ((cpuSeconds(worker.pid) - sendCpuBefore) * 1000) / emails;
    log(`${emails} deliveries through the send job: ${sendRate.toFixed(0)} e-mails/s (with the QR image each)`);

    // ── Event to mailbox at a steady rate ──
    const agencies = await Promise.all(Array.from({ length: 5 }, () => createAgency(db)));
    const { version } = await createProcedure(db, { agencyIds: agencies.map((a) => a.id) });
    const total = rate * seconds;
    const returnedAt = new Map<string, number>();
    const inFlight = new Set<Promise<void>>();
    // An open loop: each intake starts on its schedule whatever the others do (up to this many at once).
    const maxInFlight = embedded ? 2 : 40;
    let failures = 0;
    let late = 0;
    log(`${total} counter intakes at ${rate}/s, each telling its applicant by e-mail`);
    const eventCpuBefore = cpuSeconds(worker.pid);
    const t1 = Date.now();
    for (let i = 0; i < total; i++) {
      const due = t1 + (i * 1000) / rate;
      if (due > Date.now()) await sleep(due - Date.now());
      while (inFlight.size >= maxInFlight) await Promise.race(inFlight);
      if (Date.now() - due > 1000) late += 1;
      const p = createDossier(db, {
        procedureVersionId: version.id,
        receivingAgencyId: agencies[i % agencies.length]!.id,
        applicantName: `Người nộp ${i}`,
        applicantEmail: `event-${i}@example.vn`,
        channel: 1,
        status: "RECEIVED",
        formData: {},
        idempotencyKey: `bench-notify-${i}-${t1}`,
      }, { maxWaitMs: 60_000, timeoutMs: 60_000 })
        .then(() => {
          returnedAt.set(`event-${i}@example.vn`, Date.now());
        })
        .catch((error: unknown) => {
          failures += 1;
          log(`intake ${i} failed: ${(error as Error).message.split("\n")[0]}`);
        })
        .finally(() => inFlight.delete(p));
      inFlight.add(p);
    }
    await Promise.all(inFlight);
    const offered = total / ((Date.now() - t1) / 1000);
    if (late > 0) log(`${late} intakes started over 1 s behind schedule (the database could not keep up with the offered rate)`);
    await waitFor(() => smtp.messages().filter((m) => m.to[0]?.startsWith("event-")).length >= returnedAt.size, 300_000, `${returnedAt.size} receipt e-mails`);
    const eventCpuMs = ((cpuSeconds(worker.pid) - eventCpuBefore) * 1000) / returnedAt.size;
    log(`worker CPU per e-mail sent: ${sendCpuMs.toFixed(1)} ms; per event told by e-mail (dispatch + send): ${eventCpuMs.toFixed(1)} ms`);
    const latencies: number[] = [];
    for (const m of smtp.messages()) {
      const at = returnedAt.get(m.to[0] ?? "");
      if (at !== undefined) latencies.push(Date.parse(m.receivedAt) - at);
    }
    log(`offered ${offered.toFixed(1)} events/s; latency p50 ${percentile(latencies, 50).toFixed(0)} ms, p95 ${percentile(latencies, 95).toFixed(0)} ms, max ${Math.max(...latencies).toFixed(0)} ms (duplicates at the SMTP server: ${smtp.stats().duplicates})`);
    return [
      { name: "notify_smtp_provider_emails_per_s", value: providerRate, unit: "e-mails/s" },
      { name: "notify_emails_per_s", value: sendRate, unit: "e-mails/s" },
      { name: "notify_worker_cpu_per_email_ms", value: sendCpuMs, unit: "ms" },
      { name: "notify_worker_cpu_per_event_ms", value: eventCpuMs, unit: "ms" },
      { name: "notify_event_rate", value: offered, unit: "events/s" },
      { name: "notify_event_failures", value: failures, unit: "" },
      { name: "notify_event_to_mailbox_p50_ms", value: percentile(latencies, 50), unit: "ms" },
      { name: "notify_event_to_mailbox_p95_ms", value: percentile(latencies, 95), unit: "ms" },
      { name: "notify_event_to_mailbox_max_ms", value: Math.max(...latencies), unit: "ms" },
    ];
  } finally {
    if (worker && worker.exitCode === null) {
      worker.kill("SIGTERM");
      await new Promise((r) => worker!.once("exit", r));
    }
    await db.$disconnect();
    await smtp.close();
  }
};

export default bench;
