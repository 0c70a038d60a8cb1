export * from './offer-timing';
