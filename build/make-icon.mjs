// Writes build/icon.png (512×512): a teal rounded square with a white ring and three bars, a
// letter-free mark for installers and the window. Plain Node (zlib) so it needs no image tools.
// Run: node build/make-icon.mjs
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const SIZE = 512;
const TEAL = [15, 118, 110];
const WHITE = [255, 255, 255];

// Coverage of one sub-sample: 0 outside the rounded square, 1 background, 2 white mark.
function sample(x, y) {
  const r = 96;
  const cx = Math.min(Math.max(x, r), SIZE - r);
  const cy = Math.min(Math.max(y, r), SIZE - r);
  if ((x - cx) ** 2 + (y - cy) ** 2 > r * r) return 0;
  const d = Math.hypot(x - 256, y - 256);
  if (d > 150 && d < 190) return 2; // ring
  // three bars of a small chart inside the ring
  const bars = [
    [188, 228, 290],
    [236, 276, 240],
    [284, 324, 190],
  ];
  for (const [x0, x1, top] of bars) if (x >= x0 && x < x1 && y >= top && y < 322) return 2;
  return 1;
}

const SS = 4;
const raw = Buffer.alloc(SIZE * (SIZE * 4 + 1));
for (let y = 0; y < SIZE; y++) {
  const row = y * (SIZE * 4 + 1);
  raw[row] = 0; // filter: none
  for (let x = 0; x < SIZE; x++) {
    let inside = 0;
    let white = 0;
    for (let sy = 0; sy < SS; sy++) {
      for (let sx = 0; sx < SS; sx++) {
        const s = sample(x + (sx + 0.5) / SS, y + (sy + 0.5) / SS);
        if (s > 0) inside++;
        if (s === 2) white++;
      }
    }
    const t = inside === 0 ? 0 : white / inside;
    const o = row + 1 + x * 4;
    for (let c = 0; c < 3; c++) raw[o + c] = Math.round(TEAL[c] * (1 - t) + WHITE[c] * t);
    raw[o + 3] = Math.round((255 * inside) / (SS * SS));
  }
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}
const ihdr = Buffer.alloc(13);
ihdr.writeUInt32BE(SIZE, 0);
ihdr.writeUInt32BE(SIZE, 4);
ihdr[8] = 8; // bit depth
ihdr[9] = 6; // RGBA
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', ihdr),
  chunk('IDAT', deflateSync(raw, { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
writeFileSync(new URL('./icon.png', import.meta.url), png);
console.log(`build/icon.png: ${png.length} bytes`);
