/** The error codes of a client's logo (issue 13, bad input), in one place: what clients and the console switch on. */
export enum ClientLogoError {
  /** The content is not base64 text. */
  CLIENT_LOGO_NOT_BASE64 = 'CLIENT_LOGO_NOT_BASE64',
  /** The bytes are not a PNG or JPEG image (by their magic bytes and header), or the header is cut off or broken. */
  CLIENT_LOGO_NOT_AN_IMAGE = 'CLIENT_LOGO_NOT_AN_IMAGE',
  /** More bytes than the stated limit (LOGO_MAX_BYTES). */
  CLIENT_LOGO_TOO_LARGE = 'CLIENT_LOGO_TOO_LARGE',
  /** Width or height outside LOGO_MIN_PIXELS..LOGO_MAX_PIXELS. */
  CLIENT_LOGO_DIMENSIONS = 'CLIENT_LOGO_DIMENSIONS',
}
