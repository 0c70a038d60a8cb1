export { PaymentReferenceErrorCode } from './payment-reference-errors';
export * from './ocr-reference';
export * from './kid-reference';
