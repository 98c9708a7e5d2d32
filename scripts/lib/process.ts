// Small process helpers shared by the start and test scripts.
import { spawn, type ChildProcess, type SpawnOptions } from "node:child_process";
import net from "node:net";
import readline from "node:readline";

/** An error meant for the person at the terminal: print its message, not a stack. */
export class UserFacingError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
    this.name = "UserFacingError";
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** True when something accepts TCP connections on host:port. */
function canConnect(port: number, host = "127.0.0.1", timeoutMs = 1000): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once("connect", () => done(true));
    socket.once("error", () => done(false));
  });
}

/** True when nothing listens on host:port and we could bind it ourselves. */
export function isPortFree(port: number, host = "127.0.0.1"): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(false));
    server.listen(port, host, () => server.close(() => resolve(true)));
  });
}

interface WaitForPortOptions {
  host?: string;
  timeoutMs?: number;
  intervalMs?: number;
  /** Stop waiting early (e.g. the child that should listen has exited). */
  abort?: () => string | undefined;
}

/** Wait until host:port accepts TCP connections. */
export async function waitForPort(port: number, options: WaitForPortOptions = {}): Promise<void> {
  const { host = "127.0.0.1", timeoutMs = 30_000, intervalMs = 100 } = options;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const reason = options.abort?.();
    if (reason) throw new UserFacingError(reason);
    if (await canConnect(port, host)) return;
    if (Date.now() > deadline) throw new UserFacingError(`Nothing answered on ${host}:${port} within ${Math.round(timeoutMs / 1000)} s`);
    await sleep(intervalMs);
  }
}

export interface PrefixedChild {
  child: ChildProcess;
  /** Resolves with the exit code (or 128 + signal number style code when killed). */
  exited: Promise<number>;
  /** Set once the child has exited. */
  exitCode: () => number | undefined;
}

/**
 * Spawn a command whose output lines are prefixed with `[name]`, so several
 * processes can share a terminal. Extra stdio (e.g. "ipc") may be requested.
 */
export function spawnWithPrefix(
  name: string,
  command: string,
  args: string[],
  options: SpawnOptions & { ipc?: boolean } = {},
): PrefixedChild {
  const { ipc, ...spawnOptions } = options;
  const child = spawn(command, args, {
    ...spawnOptions,
    stdio: ipc ? ["ignore", "pipe", "pipe", "ipc"] : ["ignore", "pipe", "pipe"],
  });
  const prefix = `[${name}] `;
  for (const [stream, out] of [
    [child.stdout, process.stdout],
    [child.stderr, process.stderr],
  ] as const) {
    if (!stream) continue;
    readline.createInterface({ input: stream, crlfDelay: Infinity }).on("line", (line) => out.write(prefix + line + "\n"));
  }
  let code: number | undefined;
  const exited = new Promise<number>((resolve) => {
    child.once("error", (error) => {
      process.stderr.write(`${prefix}could not start: ${error.message}\n`);
      code = 127;
      resolve(code);
    });
    child.once("exit", (exitCode, signal) => {
      code = exitCode ?? (signal ? 128 : 1);
      resolve(code);
    });
  });
  return { child, exited, exitCode: () => code };
}

/** Run a command to completion with inherited output; reject on a non-zero exit. */
export function run(command: string, args: string[], options: SpawnOptions = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: "inherit", ...options });
    child.once("error", reject);
    child.once("exit", (code, signal) => {
      if (code === 0) resolve();
      else reject(new UserFacingError(`\`${[command, ...args].join(" ")}\` failed (${signal ?? `exit code ${code}`})`));
    });
  });
}

/** Send a signal and wait for the child to exit; SIGKILL after the grace period. */
export async function stopChild(handle: PrefixedChild, signal: NodeJS.Signals = "SIGTERM", graceMs = 10_000): Promise<number> {
  if (handle.exitCode() !== undefined) return handle.exitCode()!;
  handle.child.kill(signal);
  const timer = setTimeout(() => handle.child.kill("SIGKILL"), graceMs);
  const code = await handle.exited;
  clearTimeout(timer);
  return code;
}
