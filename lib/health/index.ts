import "server-only";
/** Lease and certificate health: the module's public surface. */
export { getHealthOverview, listLeases, listCertificates, openLeaseExport, openCertificateExport } from "./service";
export { getHealthPageData, type HealthPageData, type HealthTable } from "./page-data";
export { getHealthForSecret, getHealthForWorkload } from "./inline";
export { healthContext } from "./app-context";
export { writeHealthRecords, type WrittenHealthCounts } from "./repository";
export { upsertHealthAlerts, HEALTH_ALERT_RULES, type HealthAlertResult } from "./alerts";
export type { HealthContext } from "./context";
export type { InlineHealth } from "./inline-types";
export type { LeaseRecord, CertificateRecord, IssuerRecord, HealthRecords, HealthProblem } from "./records";
export type * from "./types";
