// Draws the toolbar icon (a health gauge: grey ring with a green arc and a centre dot) as PNGs at the sizes the
// manifest declares. Run: npx tsx lib/dev/make-icons.ts. Output is committed in public/icon/.
import { mkdirSync, writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

function png(size: number, pixel: (x: number, y: number) => [number, number, number, number]): Buffer {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) {
      const [r, g, b, a] = pixel(x, y);
      raw.set([r, g, b, a], y * (size * 4 + 1) + 1 + x * 4);
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8);
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk('IHDR', header), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

// 4× supersampling per pixel keeps the small sizes smooth.
function gauge(size: number) {
  return (px: number, py: number): [number, number, number, number] => {
    let green = 0, grey = 0, dot = 0;
    for (let sy = 0; sy < 4; sy++) {
      for (let sx = 0; sx < 4; sx++) {
        const x = (px + (sx + 0.5) / 4) / size - 0.5;
        const y = (py + (sy + 0.5) / 4) / size - 0.5;
        const r = Math.hypot(x, y);
        const angle = (Math.atan2(x, -y) + 2 * Math.PI) % (2 * Math.PI); // 0 at 12 o'clock, clockwise
        if (r > 0.3 && r < 0.48) (angle < Math.PI * 1.45 ? green++ : grey++);
        else if (r < 0.14) dot++;
      }
    }
    const cover = (green + grey + dot) / 16;
    if (cover === 0) return [0, 0, 0, 0];
    const colour: [number, number, number] = green >= grey && green >= dot ? [24, 128, 56] : grey >= dot ? [176, 184, 192] : [32, 33, 36];
    return [...colour, Math.round(255 * cover)];
  };
}

mkdirSync('public/icon', { recursive: true });
for (const size of [16, 32, 48, 128]) writeFileSync(`public/icon/${size}.png`, png(size, gauge(size)));
console.log('wrote public/icon/{16,32,48,128}.png');
