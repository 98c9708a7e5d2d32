// Contract between bench/run.ts and each bench/*.bench.ts file.

export interface BenchContext {
  /** URL of the run's own fresh, migrated database (motcua_bench_*), dropped afterwards. */
  databaseUrl: string;
  /** True on the embedded fallback: one query at a time, few connections. Scale down and say so. */
  embedded: boolean;
  /** Progress lines (stderr), kept apart from the figures. */
  log(line: string): void;
}

export interface BenchFigure {
  /** snake_case metric name, e.g. dossier_create_with_code. */
  name: string;
  value: number;
  /** e.g. "dossiers/s", "ms", "" for a plain ratio. */
  unit: string;
}

/** A benchmark: runs against `ctx.databaseUrl` and returns its figures (the runner prints them). */
export type Bench = (ctx: BenchContext) => Promise<BenchFigure[]>;

/** p-th percentile (0..100) of a list of numbers, nearest-rank. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

/** Runs `total` jobs with at most `clients` in flight; each client takes the next index. */
export async function runClients(total: number, clients: number, job: (index: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(clients, total) }, async () => {
      while (next < total) {
        const index = next++;
        await job(index);
      }
    }),
  );
}
