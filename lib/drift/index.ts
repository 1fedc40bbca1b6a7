import "server-only";
// Drift between live Vault and Terraform: the module's public surface for app/. The sync uses
// ./detect-drift and ./write-drift directly (no "server-only" there); schemas, types, urls and
// csv-columns are safe anywhere.
export { getDriftSummary, listDrift, openDriftExport } from "./service";
export { driftContext } from "./app-context";
export { compareDrift } from "./compare-drift";
export type { DriftContext } from "./context";
export type * from "./types";
