export { appendPortalAudit, verifyPortalAuditChain } from "./service";
export type { PortalAuditInput, PortalAuditVerification } from "./schemas";
export type { PortalAuditRow } from "./repository";
export { listRecentAuditEntries, type AuditEntryView } from "./list-recent";
