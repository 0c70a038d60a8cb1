export * from './price-offer';
