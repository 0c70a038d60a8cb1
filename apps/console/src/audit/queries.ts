/** The audit trail's GraphQL documents (apps/api/src/audit). */

export const AUDIT_LIST_FIELDS = `id occurredAt actorId actorEmail operation operationType targetType targetId outcome errorCode requestId`;
export const AUDIT_FIELDS = `${AUDIT_LIST_FIELDS} inputSummary`;

export const AUDIT_ENTRIES = `query AuditEntries($page: Int, $perPage: Int, $sortOrder: SortOrder, $filter: AuditEntryFilter) {
  auditEntries(page: $page, perPage: $perPage, sortOrder: $sortOrder, filter: $filter) {
    items { ${AUDIT_LIST_FIELDS} } total
  }
}`;
export const AUDIT_ENTRY = `query AuditEntry($id: ID!) { auditEntry(id: $id) { ${AUDIT_FIELDS} } }`;
