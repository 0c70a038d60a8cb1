export { IdentityErrorCode } from './identity-errors';
export * from './swedish-personal-identity-number';
export * from './swedish-organisation-number';
export * from './norwegian-organisation-number';
export * from './norwegian-personal-identity-number';
export * from './parse-identity';
export * from './peppol-participant-id';
