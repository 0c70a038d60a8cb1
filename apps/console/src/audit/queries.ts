/** The audit trail's GraphQL documents (apps/api/src/audit), read by codegen (apps/console/codegen.ts). */

export const AUDIT_LIST_FIELDS = /* GraphQL */ `
  fragment AuditListFields on AuditEntry { id occurredAt actorId actorEmail operation operationType targetType targetId outcome errorCode requestId }
`;

export const AUDIT_ENTRIES = /* GraphQL */ `
  query AuditEntries($page: Int, $perPage: Int, $sortOrder: SortOrder, $filter: AuditEntryFilter) {
    auditEntries(page: $page, perPage: $perPage, sortOrder: $sortOrder, filter: $filter) {
      items { ...AuditListFields } total
    }
  }
  ${AUDIT_LIST_FIELDS}
`;
export const AUDIT_ENTRY = /* GraphQL */ `
  query AuditEntry($id: ID!) { auditEntry(id: $id) { ...AuditListFields inputSummary } }
  ${AUDIT_LIST_FIELDS}
`;
