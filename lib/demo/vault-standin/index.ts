/** The Vault stand-in: Vault's HTTP API over a VaultWorld, for tests and the demo run. */
export { startVaultStandin } from "./server";
export type { FaultConfig, Operation, RecordedRequest, StartVaultStandinOptions, VaultStandin } from "./types";
