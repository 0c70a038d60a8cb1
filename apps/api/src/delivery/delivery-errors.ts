/** The error codes of delivery (issue 13 s.3), in one place: what the console switches on. */
export enum DeliveryError {
  DELIVERY_NOT_FOUND = 'DELIVERY_NOT_FOUND',
  /** Someone else acted on the delivery (or the worker changed it) since it was read. */
  DELIVERY_CHANGED = 'DELIVERY_CHANGED',
  /** A retry asked of a delivery that is on its way or done (sent, printed). */
  DELIVERY_NOT_RETRYABLE = 'DELIVERY_NOT_RETRYABLE',
  PRINT_BATCH_DAY_INVALID = 'PRINT_BATCH_DAY_INVALID',
  /** No letter is waiting for print on that day. */
  PRINT_BATCH_EMPTY = 'PRINT_BATCH_EMPTY',
  PRINT_BATCH_NOT_FOUND = 'PRINT_BATCH_NOT_FOUND',
  PRINT_BATCH_ALREADY_PRINTED = 'PRINT_BATCH_ALREADY_PRINTED',
}
