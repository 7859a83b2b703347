// Draws the app icons (a white shield carrying "D100" on the programme green) as real PNGs.
// No image library: the shapes are tested per pixel, supersampled 4x4 for smooth edges, and the
// PNG is written by hand with node:zlib. Run: node scripts/make-icons.mjs (writes public/icons/).
import { mkdirSync, writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const OUT = join(dirname(fileURLToPath(import.meta.url)), '..', 'public', 'icons');
const GREEN = [11, 110, 79];
const WHITE = [255, 255, 255];

// 5x7 block glyphs: bold enough to read at 48 px on a launcher.
const GLYPHS = {
  D: ['11100', '11110', '11011', '11011', '11011', '11110', '11100'],
  1: ['00110', '01110', '11110', '00110', '00110', '00110', '11111'],
  0: ['01110', '11011', '11011', '11011', '11011', '11011', '01110'],
};
const TEXT = 'D100';

/** Shield: straight sides, then an elliptical taper to a rounded point. Units: 0..1. */
function inShield(x, y) {
  const top = 0.17, mid = 0.52, bottom = 0.86, half = 0.3;
  if (y < top || y > bottom) return false;
  const dx = Math.abs(x - 0.5);
  if (y <= mid) return dx <= half;
  const t = (y - mid) / (bottom - mid);
  return dx <= half * Math.sqrt(1 - t * t);
}

/** The "D100" mark centred in the shield's upper body. */
function inText(x, y) {
  const cell = 0.022, gap = 1, cols = TEXT.length * 5 + (TEXT.length - 1) * gap;
  const left = 0.5 - (cols * cell) / 2, top = 0.37;
  const col = Math.floor((x - left) / cell), row = Math.floor((y - top) / cell);
  if (col < 0 || col >= cols || row < 0 || row >= 7) return false;
  const glyph = Math.floor(col / (5 + gap)), within = col % (5 + gap);
  if (within >= 5) return false;
  return GLYPHS[TEXT[glyph]][row][within] === '1';
}

function inRoundedSquare(x, y, radius) {
  const cx = Math.min(Math.max(x, radius), 1 - radius), cy = Math.min(Math.max(y, radius), 1 - radius);
  return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2;
}

/**
 * Colour (or null = transparent) at a point. `maskable` fills the whole square and shrinks the
 * mark into the central safe zone (a circle of radius 0.4) that launchers never crop.
 */
function sample(x, y, { maskable, opaque }) {
  if (!maskable && !opaque && !inRoundedSquare(x, y, 0.18)) return null;
  const scale = maskable ? 0.78 : 1;
  const mx = 0.5 + (x - 0.5) / scale, my = 0.5 + (y - 0.5) / scale;
  if (inShield(mx, my)) return inText(mx, my) ? GREEN : WHITE;
  return GREEN;
}

function render(size, options) {
  const SS = 4;
  const rgba = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0, g = 0, b = 0, a = 0;
      for (let sy = 0; sy < SS; sy++) {
        for (let sx = 0; sx < SS; sx++) {
          const c = sample((px + (sx + 0.5) / SS) / size, (py + (sy + 0.5) / SS) / size, options);
          if (!c) continue;
          r += c[0]; g += c[1]; b += c[2]; a += 1;
        }
      }
      const i = (py * size + px) * 4;
      if (a > 0) {
        rgba[i] = Math.round(r / a); rgba[i + 1] = Math.round(g / a); rgba[i + 2] = Math.round(b / a);
      }
      rgba[i + 3] = Math.round((a / (SS * SS)) * 255);
    }
  }
  return rgba;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4); len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4); crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

function png(size, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0); header.writeUInt32BE(size, 4);
  header[8] = 8; header[9] = 6; // 8-bit RGBA
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const ICONS = [
  ['icon-192.png', 192, { maskable: false, opaque: false }],
  ['icon-512.png', 512, { maskable: false, opaque: false }],
  ['icon-maskable-512.png', 512, { maskable: true, opaque: true }],
  // iOS draws its own rounded corners and shows transparency as black: opaque square.
  ['apple-touch-icon-180.png', 180, { maskable: false, opaque: true }],
  ['favicon-48.png', 48, { maskable: false, opaque: false }],
];

mkdirSync(OUT, { recursive: true });
for (const [name, size, options] of ICONS) {
  writeFileSync(join(OUT, name), png(size, render(size, options)));
  console.log(`public/icons/${name} (${size}x${size})`);
}
