export { getVaultStatus, type VaultClusterStatus } from "./vault-status";
export { getConnectionRows } from "./connections";
export type { ConnectionRow } from "./types";
