import { InvalidValueError } from '@factoring/domain';
import PDFDocument from 'pdfkit';
import { ClientLogoError } from './client-logo-errors';

/**
 * What a client's logo must be (issue 13, bad input: "a client logo that is not an image or is too
 * large"): a PNG or a JPEG, the two formats pdfkit embeds in the sold invoice, of at most 256 KiB
 * (a logo printed at most 180 x 56 points needs far less; the limit keeps each sold invoice's kept
 * data small, as the logo travels in it) and 16 to 4000 pixels on each side.
 *
 * Checked by the bytes, never by a file name or a declared type: the magic bytes say which format
 * (PNG's 8-byte signature; JPEG's SOI marker FF D8 FF), the header gives the dimensions (PNG: the
 * IHDR chunk, which must come first; JPEG: the first start-of-frame marker, SOF0-SOF15 except DHT,
 * JPG and DAC), and pdfkit, which prints it, must open it too.
 */
export const LOGO_MAX_BYTES = 256 * 1024;
export const LOGO_MIN_PIXELS = 16;
export const LOGO_MAX_PIXELS = 4000;

export type LogoMediaType = 'image/png' | 'image/jpeg';

export interface LogoImage {
  mediaType: LogoMediaType;
  width: number;
  height: number;
  bytes: Buffer;
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** Base64 text (a data: URL's prefix allowed, as a browser's FileReader gives it) to the logo's checked bytes. */
export function parseLogo(content: string, field = 'content'): LogoImage {
  const text = content.replace(/^data:image\/[a-z.+-]+;base64,/i, '').replace(/\s+/g, '');
  if (!text || !BASE64.test(text) || text.length % 4 !== 0) {
    throw new InvalidValueError(ClientLogoError.CLIENT_LOGO_NOT_BASE64, 'The logo must be sent as base64 text.', field);
  }
  // Refused by its length before it is decoded: 4 base64 characters are 3 bytes.
  const size = (text.length / 4) * 3 - (text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0);
  if (size > LOGO_MAX_BYTES) throw tooLarge(size, field);
  return inspectLogo(Buffer.from(text, 'base64'), field);
}

export function inspectLogo(bytes: Buffer, field = 'content'): LogoImage {
  if (bytes.length > LOGO_MAX_BYTES) throw tooLarge(bytes.length, field);
  const header = bytes.subarray(0, 8).equals(PNG_SIGNATURE) ? pngSize(bytes) : bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff ? jpegSize(bytes) : null;
  if (!header) throw notAnImage(field, 'it is neither a PNG nor a JPEG image');
  if (header === 'BROKEN') throw notAnImage(field, 'its header is cut off or broken');
  const { mediaType, width, height } = header;
  for (const [side, pixels] of [['width', width], ['height', height]] as const) {
    if (pixels < LOGO_MIN_PIXELS || pixels > LOGO_MAX_PIXELS) {
      throw new InvalidValueError(
        ClientLogoError.CLIENT_LOGO_DIMENSIONS,
        `The logo is ${width} x ${height} pixels: its ${side} must be ${LOGO_MIN_PIXELS} to ${LOGO_MAX_PIXELS} pixels.`,
        field,
        { width, height, minPixels: LOGO_MIN_PIXELS, maxPixels: LOGO_MAX_PIXELS },
      );
    }
  }
  // What prints it must read it: pdfkit's own parser (it throws strings).
  try {
    (new PDFDocument({ autoFirstPage: false }) as unknown as { openImage(src: Buffer): unknown }).openImage(bytes);
  } catch {
    throw notAnImage(field, 'the invoice printer cannot read it');
  }
  return { mediaType, width, height, bytes };
}

function pngSize(bytes: Buffer): { mediaType: LogoMediaType; width: number; height: number } | 'BROKEN' {
  // Signature, then the IHDR chunk: length 13, type "IHDR", width, height (big-endian), and an end chunk somewhere after.
  if (bytes.length < 33 || bytes.readUInt32BE(8) !== 13 || bytes.toString('latin1', 12, 16) !== 'IHDR') return 'BROKEN';
  if (!bytes.includes(Buffer.from('IEND', 'latin1')) || !bytes.includes(Buffer.from('IDAT', 'latin1'))) return 'BROKEN';
  return { mediaType: 'image/png', width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

function jpegSize(bytes: Buffer): { mediaType: LogoMediaType; width: number; height: number } | 'BROKEN' {
  let pos = 2;
  while (pos + 4 <= bytes.length) {
    if (bytes[pos] !== 0xff) return 'BROKEN';
    const marker = bytes[pos + 1];
    if (marker === 0xff) {
      pos += 1; // fill byte
      continue;
    }
    if (marker === 0xd9 || marker === 0xda) return 'BROKEN'; // end of image, or scan data, before any frame header
    const length = bytes.readUInt16BE(pos + 2);
    if (length < 2) return 'BROKEN';
    const isFrame = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (isFrame) {
      if (pos + 9 > bytes.length) return 'BROKEN';
      return { mediaType: 'image/jpeg', height: bytes.readUInt16BE(pos + 5), width: bytes.readUInt16BE(pos + 7) };
    }
    pos += 2 + length;
  }
  return 'BROKEN';
}

function notAnImage(field: string, why: string) {
  return new InvalidValueError(ClientLogoError.CLIENT_LOGO_NOT_AN_IMAGE, `The logo must be a PNG or JPEG image: ${why}.`, field);
}

function tooLarge(size: number, field: string) {
  return new InvalidValueError(ClientLogoError.CLIENT_LOGO_TOO_LARGE, `The logo is ${Math.ceil(size / 1024)} KiB: at most ${LOGO_MAX_BYTES / 1024} KiB is accepted.`, field, {
    byteSize: size,
    maxBytes: LOGO_MAX_BYTES,
    maxKiB: LOGO_MAX_BYTES / 1024,
  });
}
