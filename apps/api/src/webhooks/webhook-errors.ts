/** Every error code webhooks and the event feed answers with, in one place (issue 9): what clients and the console switch on. */
export enum WebhookError {
  EVENT_CURSOR_INVALID = 'EVENT_CURSOR_INVALID',
  WEBHOOK_HOST_UNKNOWN = 'WEBHOOK_HOST_UNKNOWN',
  WEBHOOK_URL_HAS_CREDENTIALS = 'WEBHOOK_URL_HAS_CREDENTIALS',
  WEBHOOK_URL_INVALID = 'WEBHOOK_URL_INVALID',
  WEBHOOK_URL_NOT_HTTPS = 'WEBHOOK_URL_NOT_HTTPS',
  WEBHOOK_URL_NOT_PUBLIC = 'WEBHOOK_URL_NOT_PUBLIC',
}
