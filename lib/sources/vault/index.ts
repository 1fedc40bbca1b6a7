/** The read-only Vault connector: inventory collection and the token write gate. */
import "server-only";

export { collectVaultInventory, readVaultMountTables, type CollectOptions, type VaultInventory } from "./collect-inventory";
export { checkTokenCannotWrite, writeProbePaths, type TokenWriteCheck } from "./token-write-check";
export { VaultUnavailableError } from "./errors";
export type { CollectPhase, CollectProgress } from "./collect-context";
export type { AuthMount, MountTables, SecretMount } from "./mount-tables";
