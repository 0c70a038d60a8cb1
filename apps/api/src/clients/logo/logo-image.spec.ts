import { InvalidValueError } from '@factoring/domain';
import { inspectLogo, LOGO_MAX_BYTES, parseLogo } from './logo-image';
import { jpegHeader, png } from './logo-fixtures.spec-support';

function refusal(run: () => unknown) {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidValueError);
    const e = error as InvalidValueError;
    return { code: e.code, field: e.field };
  }
  throw new Error('accepted');
}

describe('a client logo is checked by its bytes', () => {
  it('a PNG: type and dimensions from its IHDR', () => {
    expect(parseLogo(png(200, 60).toString('base64'))).toMatchObject({ mediaType: 'image/png', width: 200, height: 60 });
  });

  it('a JPEG: type and dimensions from its frame header; a data: URL prefix is allowed', () => {
    expect(parseLogo(`data:image/jpeg;base64,${jpegHeader(320, 100).toString('base64')}`)).toMatchObject({ mediaType: 'image/jpeg', width: 320, height: 100 });
  });

  it.each([
    ['text', Buffer.from('This is not a logo, it is a letter.')],
    ['a PDF', Buffer.from('%PDF-1.7\n1 0 obj\n<<>>\nendobj\n')],
    ['a GIF', Buffer.from('GIF89a\x10\x00\x10\x00\x00\x00\x00;', 'latin1')],
    ['a PNG signature with nothing after it', png(40, 40).subarray(0, 12)],
    ['a PNG cut off before its image data', png(40, 40).subarray(0, 33)],
    ['a JPEG start with no frame header', Buffer.from([0xff, 0xd8, 0xff, 0xd9])],
  ])('%s is not an image', (_, bytes) => {
    expect(refusal(() => parseLogo(bytes.toString('base64'), 'input.content'))).toEqual({ code: 'CLIENT_LOGO_NOT_AN_IMAGE', field: 'input.content' });
  });

  it('over 256 KiB is too large (refused by the length of its text, before decoding)', () => {
    const big = Buffer.alloc(LOGO_MAX_BYTES + 1, 0x41).toString('base64');
    expect(refusal(() => parseLogo(big))).toEqual({ code: 'CLIENT_LOGO_TOO_LARGE', field: 'content' });
    expect(refusal(() => inspectLogo(Buffer.alloc(LOGO_MAX_BYTES + 1)))).toEqual({ code: 'CLIENT_LOGO_TOO_LARGE', field: 'content' });
  });

  it('exactly 256 KiB is not too large', () => {
    const padded = Buffer.concat([png(100, 30), Buffer.alloc(LOGO_MAX_BYTES - png(100, 30).length)]);
    expect(inspectLogo(padded).width).toBe(100);
  });

  it.each([
    [8, 40],
    [4001, 40],
  ])('%i x %i pixels is outside 16..4000', (width, height) => {
    expect(refusal(() => inspectLogo(jpegHeader(width, height)))).toEqual({ code: 'CLIENT_LOGO_DIMENSIONS', field: 'content' });
  });

  it('text that is not base64 is refused as such', () => {
    expect(refusal(() => parseLogo('not base64 at all!'))).toEqual({ code: 'CLIENT_LOGO_NOT_BASE64', field: 'content' });
  });
});
