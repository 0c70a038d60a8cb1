export * from './collection-rates';
export * from './collection-fees';
export * from './late-interest';
export * from './payment-allocation';
export * from './reminder-schedule';
export * from './claim-balance';
