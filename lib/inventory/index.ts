// The inventory module's public surface for app/ (pages and route handlers). Server-only parts
// import "server-only"; schemas, types, urls, csv and propagation formatting are safe anywhere.
export { listSecrets, openSecretExport } from "./secret-service";
export { getSecretBlastRadius } from "./secret-detail-service";
export { listIdentities, getIdentityReverseBlastRadius, openIdentityGrantExport } from "./identity-service";
export { listWorkloads, getWorkload } from "./workload-service";
export { listPolicies, getPolicyBlastRadius, openPolicyGrantExport } from "./policy-service";
export { openIdentityExport, openWorkloadExport, openPolicyExport } from "./list-export";
export { inventoryContext } from "./app-context";
export type { InventoryContext } from "./context";
