import { readFile } from "node:fs/promises";
import { join } from "node:path";

export const dynamic = "force-dynamic";

/**
 * The officer workspace's service worker, built by `next build --webpack` into this build's own
 * directory (next.config.js, InjectManifest). Never cached by HTTP caches: browsers must see a new
 * version as soon as it is deployed (the update is then offered to the officer, see app/_offline).
 */
export async function GET() {
  const file = join(process.cwd(), process.env.NEXT_DIST_DIR || ".next", "static", "sw.js");
  let body: Buffer;
  try {
    body = await readFile(file);
  } catch {
    // A build without the webpack hook (Turbopack) or a dev server: no worker, and nothing breaks.
    return new Response("// no service worker in this build\n", { status: 404, headers: { "Content-Type": "text/javascript; charset=utf-8", "Cache-Control": "no-store" } });
  }
  return new Response(new Uint8Array(body), {
    headers: {
      "Content-Type": "text/javascript; charset=utf-8",
      "Cache-Control": "no-cache, no-store, must-revalidate",
      "Service-Worker-Allowed": "/",
    },
  });
}
