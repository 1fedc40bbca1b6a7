import "server-only";
// The Changes use cases (one per file). Each takes the context, checks its permission and, for
// writes, appends the portal audit record in the same transaction as the change it records.
export { createChangeRequest, type CreateChangeResult } from "./create-change-request";
export { listChangeRequests, getChangeRequest } from "./list-change-requests";
export { refreshChangeStatus, refreshOpenChangeStatuses, applyForgeEvent, forgeEventSchema, type ForgeEvent, type RefreshSummary } from "./refresh-status";
export { getChangeFormOptions } from "./form-options";
