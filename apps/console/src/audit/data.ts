import { compact, dayEnd, dayStart, isDay, page, type ResourceProvider } from '../resourceProvider';
import { AUDIT_ENTRIES, AUDIT_ENTRY } from './queries';

export const auditProvider: ResourceProvider = {
  list: {
    query: AUDIT_ENTRIES,
    field: 'auditEntries',
    // The trail is ordered by time only; the sort field is always occurredAt.
    variables: (params) => {
      const { from, to, ...rest } = compact(params.filter);
      return {
        ...page(params),
        sortOrder: params.sort?.order === 'ASC' ? 'ASC' : 'DESC',
        filter: {
          ...rest,
          ...(from ? { from: isDay(from) ? dayStart(from) : from } : {}),
          ...(to ? { to: isDay(to) ? dayEnd(to) : to } : {}),
        },
      };
    },
  },
  one: { query: AUDIT_ENTRY, field: 'auditEntry' },
};
