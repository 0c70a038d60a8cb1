export * from './collection-case';
export * from './collection-case-errors';
