import { compact, mutate, page, type ResourceProvider } from '../resourceProvider';
import type { StaffMember } from '../types';
import {
  CREATE_STAFF_MEMBER,
  DEACTIVATE_STAFF_MEMBER,
  REACTIVATE_STAFF_MEMBER,
  STAFF_MEMBER,
  STAFF_MEMBERS,
  UPDATE_STAFF_MEMBER,
} from './queries';

export const staffProvider: ResourceProvider = {
  list: {
    query: STAFF_MEMBERS,
    field: 'staffMembers',
    variables: (params) => ({
      ...page(params),
      sortField: params.sort?.field || 'name',
      sortOrder: params.sort?.order === 'DESC' ? 'DESC' : 'ASC',
      filter: compact(params.filter),
    }),
  },
  one: { query: STAFF_MEMBER, field: 'staffMember' },
  create: {
    query: CREATE_STAFF_MEMBER,
    field: 'createStaffMember',
    variables: ({ data }) => ({
      input: {
        email: String(data.email ?? '').trim(),
        name: String(data.name ?? '').trim(),
        roles: data.roles ?? [],
        initialPassword: data.initialPassword,
      },
    }),
  },
  update: {
    query: UPDATE_STAFF_MEMBER,
    field: 'updateStaffMember',
    // The version the user saw when the form opened: a save over someone else's change is refused (CONFLICT).
    variables: ({ id, data, previousData }) => ({
      id,
      input: {
        name: typeof data.name === 'string' ? data.name.trim() : undefined,
        roles: data.roles,
        expectedVersion: (data as Partial<StaffMember>).version ?? (previousData as StaffMember | undefined)?.version,
      },
    }),
  },
};

/** Staff operations beyond CRUD, reached as `dataProvider.<name>`. */
export const staffActions = {
  deactivateStaffMember: (id: string, reason: string): Promise<StaffMember> =>
    mutate('deactivateStaffMember', DEACTIVATE_STAFF_MEMBER, { id, reason }),
  reactivateStaffMember: (id: string): Promise<StaffMember> => mutate('reactivateStaffMember', REACTIVATE_STAFF_MEMBER, { id }),
};
