import { crc32, deflateSync } from 'node:zlib';

/**
 * Logos for the tests, made here (no binary fixtures): a PNG encoder of a few lines (8-bit RGB,
 * filter 0) drawing a coloured wordmark-like block, and the smallest baseline JPEG header.
 */
function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A width x height PNG; pixel(x, y) gives [r, g, b]. */
export function png(width: number, height: number, pixel: (x: number, y: number) => [number, number, number] = logoPixel(width, height)): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8 bits, RGB, deflate, filter 0, no interlace
  const rows = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    const row = y * (width * 3 + 1);
    for (let x = 0; x < width; x++) rows.set(pixel(x, y), row + 1 + x * 3);
  }
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(rows)), chunk('IEND', Buffer.alloc(0))]);
}

/** A dark green rounded band with three light bars: enough to see on the rendered page. */
function logoPixel(width: number, height: number) {
  return (x: number, y: number): [number, number, number] => {
    const inBand = y > height * 0.15 && y < height * 0.85;
    if (!inBand) return [255, 255, 255];
    const bar = Math.floor((x / width) * 7);
    return bar % 2 === 1 ? [233, 196, 106] : [38, 70, 83];
  };
}

/** A baseline JPEG's markers up to its frame header (SOI, APP0 JFIF, SOF0 width x height), enough for a header check. */
export function jpegHeader(width: number, height: number): Buffer {
  const app0 = Buffer.from([0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00]);
  const sof0 = Buffer.from([0xff, 0xc0, 0x00, 0x11, 0x08, height >> 8, height & 0xff, width >> 8, width & 0xff, 0x03, 0x01, 0x22, 0x00, 0x02, 0x11, 0x01, 0x03, 0x11, 0x01]);
  return Buffer.concat([Buffer.from([0xff, 0xd8]), app0, sof0, Buffer.from([0xff, 0xd9])]);
}
