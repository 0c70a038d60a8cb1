/** Any entity's timeline (the API's timeline query), shown by common/Timeline.tsx. */

export const TIMELINE_FIELDS = `id entityType entityId occurredAt actorType actorId actorName fromState toState reason details`;

export const TIMELINE = `query Timeline($entityType: String!, $entityId: ID!) { timeline(entityType: $entityType, entityId: $entityId) { ${TIMELINE_FIELDS} } }`;
