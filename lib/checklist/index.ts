import "server-only";
// The checklist's public surface for app/ (dashboard, API, exports). items, types, schemas and
// figure-types are safe anywhere.
export { getChecklist, getDashboardFigures, getChecklistHistory } from "./service";
export { attestChecklistItem } from "./attest";
export { recordDailyHistory, type RecordDailyHistoryOptions } from "./history";
export { startChecklistHistoryScheduler } from "./history-scheduler";
export { checklistContext, appVaultProbe, appWorkflows } from "./app-context";
export { createVaultProbe, type VaultProbe, type VaultProbeResult } from "./vault-probe";
export type { ChecklistContext } from "./context";
export type * from "./types";
export type * from "./figure-types";
