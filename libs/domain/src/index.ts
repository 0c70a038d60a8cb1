export * from './errors';
export * from './country';
export * from './money';
export * from './identity';
export * from './payment-reference';
export * from './calendar';
export * from './client/client-state';
export * from './bank-account';
