// Dossier creation with code allocation under concurrent clients, against a plain insert of the
// same row with a pre-made code: what the per-(agency, day) counter row costs.
import { performance } from "node:perf_hooks";
import { createDb, type Db } from "../server/db";
import { createDossier } from "../server/modules/dossier/commands/create-dossier";
import { formatDossierCode, vietnamDayKey } from "../server/modules/dossier/dossier-code";
import { normalizeSearchText } from "../server/modules/dossier/search-text";
import { createAgency, createProcedure } from "../server/test/factories";
import { percentile, runClients, type Bench } from "./types";

const NAMES = ["Nguyễn Văn An", "Trần Thị Bình", "Lê Hoàng Cường", "Phạm Thị Dung", "Đặng Quốc Đạt", "Vũ Thị Hà"];

function envInt(name: string, fallback: number): number {
  const value = Number(process.env[name]);
  return Number.isSafeInteger(value) && value > 0 ? value : fallback;
}

const bench: Bench = async ({ databaseUrl, embedded, log }) => {
  const total = envInt("BENCH_DOSSIERS", embedded ? 300 : 5000);
  const clients = envInt("BENCH_CLIENTS", embedded ? 2 : 50);
  const db: Db = createDb({ url: databaseUrl, max: clients });
  try {
    // One measured agency, one for plain inserts, one to warm up, and one per client for the
    // run without counter contention.
    const agencies = await Promise.all(Array.from({ length: 3 + clients }, () => createAgency(db)));
    const [hot, plainAgency, warmAgency, ...spread] = agencies as [(typeof agencies)[0], (typeof agencies)[0], (typeof agencies)[0], ...typeof agencies];
    const { version } = await createProcedure(db, { agencyIds: agencies.map((a) => a.id) });
    let serial = 0;
    const input = (agencyId: string) => {
      serial += 1;
      return {
        procedureVersionId: version.id,
        receivingAgencyId: agencyId,
        applicantName: `${NAMES[serial % NAMES.length]} ${serial}`,
        applicantIdNumber: String(1_190_000_000 + serial).padStart(12, "0"),
        applicantPhone: "0912345678",
        applicantAddress: "Số 1 Tràng Tiền, Hoàn Kiếm, Hà Nội",
        // Online submissions: the burst case (many citizens at once), and no due date yet, so the
        // comparison with a plain insert is about the transaction and the counter only.
        channel: 2 as const,
        status: "NEW" as const,
        formData: { title: "Đăng ký kết quả nhiệm vụ khoa học và công nghệ", budget: 1_200_000_000 },
        idempotencyKey: `bench-${serial}`,
      };
    };

    // Warm the pool, the plan cache and the JIT on a throwaway agency-day before measuring.
    await runClients(Math.min(200, total), clients, async () => {
      await createDossier(db, input(warmAgency.id));
    });

    log(`${total} creations with code allocation at one agency, ${clients} clients`);
    const latencies: number[] = [];
    const started = performance.now();
    await runClients(total, clients, async () => {
      const t0 = performance.now();
      await createDossier(db, input(hot.id), { maxWaitMs: 120_000, timeoutMs: 120_000 });
      latencies.push(performance.now() - t0);
    });
    const withCodeSeconds = (performance.now() - started) / 1000;

    // Same row, same clients, but the code is made up front: no counter, no transaction.
    log(`${total} plain inserts of the same row with a pre-made code, ${clients} clients`);
    const dayKey = vietnamDayKey(new Date());
    const plainStarted = performance.now();
    let plainNumber = 0;
    await runClients(total, clients, async () => {
      const row = input(plainAgency.id);
      plainNumber += 1;
      const code = formatDossierCode(plainAgency.code, dayKey, plainNumber);
      const now = new Date();
      await db.dossier.create({
        data: {
          code,
          procedureId: version.procedureId,
          procedureVersionId: version.id,
          receivingAgencyId: plainAgency.id,
          handlingAgencyId: plainAgency.id,
          applicantName: row.applicantName,
          applicantIdNumber: row.applicantIdNumber,
          applicantPhone: row.applicantPhone,
          applicantAddress: row.applicantAddress,
          searchText: normalizeSearchText(code, row.applicantName, row.applicantIdNumber),
          channel: row.channel,
          status: row.status,
          formData: row.formData,
          submittedAt: now,
        },
        select: { id: true },
      });
    });
    const plainSeconds = (performance.now() - plainStarted) / 1000;

    // The same command when no two clients share a counter row (each client its own agency):
    // separates the cost of the transaction itself from the cost of queueing on the counter.
    log(`${total} creations, each client at its own agency, ${clients} clients`);
    const spreadStarted = performance.now();
    const perClient = Math.ceil(total / clients);
    await Promise.all(
      spread.map(async (agency, client) => {
        const count = Math.min(perClient, total - client * perClient);
        for (let i = 0; i < count; i++) await createDossier(db, input(agency.id));
      }),
    );
    const spreadSeconds = (performance.now() - spreadStarted) / 1000;

    const hotCount = await db.dossier.count({ where: { receivingAgencyId: hot.id } });
    if (hotCount !== total) throw new Error(`expected ${total} dossiers at the measured agency, found ${hotCount}`);

    const withCode = total / withCodeSeconds;
    const plain = total / plainSeconds;
    return [
      { name: "dossier_create_with_code", value: withCode, unit: "dossiers/s" },
      { name: "dossier_insert_plain", value: plain, unit: "rows/s" },
      { name: "dossier_create_p50", value: percentile(latencies, 50), unit: "ms" },
      { name: "dossier_create_p95", value: percentile(latencies, 95), unit: "ms" },
      { name: "code_allocation_cost_ratio", value: plain / withCode, unit: "" },
      { name: "dossier_create_no_contention", value: total / spreadSeconds, unit: "dossiers/s" },
    ];
  } finally {
    await db.$disconnect();
  }
};

export default bench;
