/** The staff members' GraphQL documents (apps/api/src/staff). */

export const STAFF_FIELDS = `id email name roles active createdAt updatedAt deactivatedAt deactivationReason version`;

export const STAFF_MEMBERS = `query StaffMembers($page: Int, $perPage: Int, $sortField: String, $sortOrder: SortOrder, $filter: StaffMemberFilter) {
  staffMembers(page: $page, perPage: $perPage, sortField: $sortField, sortOrder: $sortOrder, filter: $filter) {
    items { ${STAFF_FIELDS} } total
  }
}`;
export const STAFF_MEMBER = `query StaffMember($id: ID!) { staffMember(id: $id) { ${STAFF_FIELDS} } }`;
export const CREATE_STAFF_MEMBER = `mutation CreateStaffMember($input: CreateStaffMemberInput!) { createStaffMember(input: $input) { ${STAFF_FIELDS} } }`;
export const UPDATE_STAFF_MEMBER = `mutation UpdateStaffMember($id: ID!, $input: UpdateStaffMemberInput!) { updateStaffMember(id: $id, input: $input) { ${STAFF_FIELDS} } }`;
export const DEACTIVATE_STAFF_MEMBER = `mutation DeactivateStaffMember($id: ID!, $reason: String!) { deactivateStaffMember(id: $id, reason: $reason) { ${STAFF_FIELDS} } }`;
export const REACTIVATE_STAFF_MEMBER = `mutation ReactivateStaffMember($id: ID!) { reactivateStaffMember(id: $id) { ${STAFF_FIELDS} } }`;
