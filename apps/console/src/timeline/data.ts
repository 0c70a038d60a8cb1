import type { ResourceProvider } from '../resourceProvider';
import { TIMELINE } from './queries';

// Read as a list (filter: entityType, entityId) so react-admin's refresh reloads it after an action.
export const timelineProvider: ResourceProvider = {
  list: {
    query: TIMELINE,
    field: 'timeline',
    variables: (params) => ({ entityType: params.filter?.entityType, entityId: params.filter?.entityId }),
  },
};
