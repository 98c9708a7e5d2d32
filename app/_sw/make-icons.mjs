// Draws the PWA icons (public/icons/*.png): the brand red with a gold star, plain and maskable
// (the star inside the central safe zone). Run once with `node app/_sw/make-icons.mjs`; the
// PNGs are committed. No image library: a tiny PNG encoder over node:zlib.
import { writeFileSync } from "node:fs";
import { deflateSync } from "node:zlib";

const RED = [0xa1, 0x1d, 0x21];
const GOLD = [0xf5, 0xc5, 0x42];

function crc32(buf) {
  let c;
  const table = [];
  for (let n = 0; n < 256; n++) {
    c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  let crc = 0xffffffff;
  for (const b of buf) crc = table[(crc ^ b) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

function star(cx, cy, outer, inner) {
  const pts = [];
  for (let i = 0; i < 10; i++) {
    const r = i % 2 === 0 ? outer : inner;
    const a = -Math.PI / 2 + (i * Math.PI) / 5;
    pts.push([cx + r * Math.cos(a), cy + r * Math.sin(a)]);
  }
  return pts;
}

function inside(pts, x, y) {
  let hit = false;
  for (let i = 0, j = pts.length - 1; i < pts.length; j = i++) {
    const [xi, yi] = pts[i];
    const [xj, yj] = pts[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) hit = !hit;
  }
  return hit;
}

function png(size, starScale) {
  const pts = star(size / 2, size / 2 + size * 0.02, (size / 2) * starScale, (size / 2) * starScale * 0.42);
  const rows = [];
  const ss = 4;
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(1 + size * 3);
    for (let x = 0; x < size; x++) {
      let cover = 0;
      for (let sy = 0; sy < ss; sy++) for (let sx = 0; sx < ss; sx++) if (inside(pts, x + (sx + 0.5) / ss, y + (sy + 0.5) / ss)) cover++;
      const t = cover / (ss * ss);
      for (let c = 0; c < 3; c++) row[1 + x * 3 + c] = Math.round(RED[c] * (1 - t) + GOLD[c] * t);
    }
    rows.push(row);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", deflateSync(Buffer.concat(rows), { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

const out = new URL("../../public/icons/", import.meta.url);
writeFileSync(new URL("icon-192.png", out), png(192, 0.78));
writeFileSync(new URL("icon-512.png", out), png(512, 0.78));
// Maskable: launchers crop to a circle of 80% of the width, so the star stays within it.
writeFileSync(new URL("icon-maskable-512.png", out), png(512, 0.5));
writeFileSync(new URL("apple-touch-icon.png", out), png(180, 0.7));
