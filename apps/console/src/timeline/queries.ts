/** Any entity's timeline (the API's timeline query), shown by common/Timeline.tsx; read by codegen. */

export const TIMELINE = /* GraphQL */ `
  query Timeline($entityType: String!, $entityId: ID!) {
    timeline(entityType: $entityType, entityId: $entityId) {
      id entityType entityId occurredAt actorType actorId actorName fromState toState reason details
    }
  }
`;
