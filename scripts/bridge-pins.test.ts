// Two bridges lean on other packages' internals: scripts/prisma-schema-engine.mjs (the schema
// engine the prisma CLI spawns, over @prisma/schema-engine-wasm) and scripts/lib/pglite-unit-queue.ts
// (pglite-socket's private query queue). Each states the versions it was written for
// (WRITTEN_FOR); when node_modules moves from them, this test says which bridge to re-read.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { installUnitQueue, UnitQueue, WRITTEN_FOR as UNIT_QUEUE_WRITTEN_FOR } from "./lib/pglite-unit-queue";

const ROOT = fileURLToPath(new URL("..", import.meta.url));

type WrittenFor = Record<string, { version: string; reliesOn: string }>;

/** The bridge's WRITTEN_FOR, read from its source: the .mjs runs as a program when imported. */
function schemaEngineWrittenFor(): WrittenFor {
  const source = readFileSync(join(ROOT, "scripts/prisma-schema-engine.mjs"), "utf8");
  const literal = /^const WRITTEN_FOR = (\{[\s\S]*?\n\});$/m.exec(source)?.[1];
  if (!literal) throw new Error("scripts/prisma-schema-engine.mjs has no `const WRITTEN_FOR = {...};` (JSON) block");
  return JSON.parse(literal) as WrittenFor;
}

const bridges: [bridge: string, writtenFor: () => WrittenFor][] = [
  ["scripts/prisma-schema-engine.mjs", schemaEngineWrittenFor],
  ["scripts/lib/pglite-unit-queue.ts", () => UNIT_QUEUE_WRITTEN_FOR],
];

function installedVersionOf(name: string): string {
  return (JSON.parse(readFileSync(join(ROOT, "node_modules", name, "package.json"), "utf8")) as { version: string }).version;
}

const manifest = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as Record<string, Record<string, string> | undefined>;
const declared = (name: string) => manifest.dependencies?.[name] ?? manifest.devDependencies?.[name];

describe.each(bridges)("%s", (bridge, writtenFor) => {
  it("was written for the versions installed in node_modules", () => {
    const moved = Object.entries(writtenFor()).flatMap(([name, pin]) => {
      const installed = installedVersionOf(name);
      return installed === pin.version
        ? []
        : [`${name} moved from ${pin.version} to ${installed}: ${bridge} ${pin.reliesOn}; re-read its source and update the bridge, then this pin (WRITTEN_FOR)`];
    });
    expect(moved, moved.join("\n")).toEqual([]);
  });

  it("package.json pins those versions exactly (a range would let npm move them)", () => {
    const loose = Object.entries(writtenFor()).flatMap(([name, pin]) => {
      const spec = declared(name);
      return spec === undefined || spec === pin.version ? [] : [`package.json asks for ${name} "${spec}"; ${bridge} was written for exactly ${pin.version}`];
    });
    expect(loose, loose.join("\n")).toEqual([]);
  });
});

describe("installUnitQueue", () => {
  const db = { execProtocolRawStream() {}, runExclusive() {}, isInTransaction: () => false, exec() {} };
  const queue = { enqueue() {}, getQueueLength: () => 0, clearQueueForHandler() {}, clearTransactionIfNeeded() {} };
  type Server = Parameters<typeof installUnitQueue>[0];
  type Db = Parameters<typeof installUnitQueue>[1];
  // The structure checks, whatever is installed (the version check has its own cases above).
  const pinned = { installedVersion: (name: string) => UNIT_QUEUE_WRITTEN_FOR[name as keyof typeof UNIT_QUEUE_WRITTEN_FOR].version };

  it("replaces the server's private queryQueue", () => {
    const server = { queryQueue: queue };
    const installed = installUnitQueue(server as unknown as Server, db as unknown as Db, pinned);
    expect(installed).toBeInstanceOf(UnitQueue);
    expect(server.queryQueue).toBe(installed);
  });

  it("refuses to start on another version than it was written for", () => {
    const server = { queryQueue: queue };
    const installedVersion = (name: string) => (name === "@electric-sql/pglite-socket" ? "0.2.18" : pinned.installedVersion(name));
    expect(() => installUnitQueue(server as unknown as Server, db as unknown as Db, { installedVersion })).toThrow(
      "@electric-sql/pglite-socket moved from 0.2.17 to 0.2.18: scripts/lib/pglite-unit-queue.ts replaces its private query queue",
    );
    expect(server.queryQueue).toBe(queue);
  });

  it("refuses to start when the private field is not what it replaces", () => {
    expect(() => installUnitQueue({} as unknown as Server, db as unknown as Db, pinned)).toThrow(/no private queryQueue with enqueue, getQueueLength/);
    const { enqueue: _enqueue, ...withoutEnqueue } = queue;
    expect(() => installUnitQueue({ queryQueue: withoutEnqueue } as unknown as Server, db as unknown as Db, pinned)).toThrow(/queryQueue with enqueue;/);
    expect(() => installUnitQueue({ queryQueue: queue } as unknown as Server, {} as unknown as Db, pinned)).toThrow(/PGlite has no execProtocolRawStream/);
  });
});
