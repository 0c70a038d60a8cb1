/*
 * The staff members' GraphQL documents (apps/api/src/staff). Each document is a literal marked
 * GraphQL so codegen reads it (apps/console/codegen.ts); a fragment a document uses is appended to it.
 */

export const STAFF_FIELDS = /* GraphQL */ `
  fragment StaffFields on StaffMember { id email name roles active createdAt updatedAt deactivatedAt deactivationReason version }
`;

export const STAFF_MEMBERS = /* GraphQL */ `
  query StaffMembers($page: Int, $perPage: Int, $sortField: String, $sortOrder: SortOrder, $filter: StaffMemberFilter) {
    staffMembers(page: $page, perPage: $perPage, sortField: $sortField, sortOrder: $sortOrder, filter: $filter) {
      items { ...StaffFields } total
    }
  }
  ${STAFF_FIELDS}
`;
export const STAFF_MEMBER = /* GraphQL */ `
  query StaffMember($id: ID!) { staffMember(id: $id) { ...StaffFields } }
  ${STAFF_FIELDS}
`;
export const CREATE_STAFF_MEMBER = /* GraphQL */ `
  mutation CreateStaffMember($input: CreateStaffMemberInput!) { createStaffMember(input: $input) { ...StaffFields } }
  ${STAFF_FIELDS}
`;
export const UPDATE_STAFF_MEMBER = /* GraphQL */ `
  mutation UpdateStaffMember($id: ID!, $input: UpdateStaffMemberInput!) { updateStaffMember(id: $id, input: $input) { ...StaffFields } }
  ${STAFF_FIELDS}
`;
export const DEACTIVATE_STAFF_MEMBER = /* GraphQL */ `
  mutation DeactivateStaffMember($id: ID!, $reason: String!) { deactivateStaffMember(id: $id, reason: $reason) { ...StaffFields } }
  ${STAFF_FIELDS}
`;
export const REACTIVATE_STAFF_MEMBER = /* GraphQL */ `
  mutation ReactivateStaffMember($id: ID!) { reactivateStaffMember(id: $id) { ...StaffFields } }
  ${STAFF_FIELDS}
`;
