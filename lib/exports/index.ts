import "server-only";
// Compliance exports: streamed CSV/JSON datasets, the PDF evidence pack, manifests. schemas.ts is safe anywhere.
export { openExport, estimateExport, assertCanExport } from "./service";
export { renderEvidencePack, type EvidencePack } from "./pdf/evidence-pack";
export { listRecentExports, getExportManifest, type RecentExport } from "./manifests";
export { exportContext } from "./app-context";
export { getExportFacets } from "./facets";
export type { ExportContext } from "./context";
export * from "./schemas";
export { listAuditTrail } from "./audit-trail/service";
export * from "./audit-trail/schemas";
