// The Changes capability's public surface for app/ (DESIGN.md: every change is a Terraform pull
// request; Radius never writes to Vault). Server-only parts import "server-only"; schemas.ts,
// list-schema.ts and form-data.ts are safe for the client; the form's action is in ./actions.
export { createChangeRequest, listChangeRequests, getChangeRequest, refreshChangeStatus, refreshOpenChangeStatuses, applyForgeEvent, forgeEventSchema, getChangeFormOptions } from "./service";
export type { CreateChangeResult, ForgeEvent, RefreshSummary } from "./service";
export { changesContext, appChangeProvider } from "./app-context";
export type { ChangesContext } from "./context";
export { changeSettingsFromEnv, type ChangeSettings } from "./settings";
export { createChangeProvider, type ChangeProviderConfig } from "./providers";
export { computeAccessDelta, truncateDelta } from "./delta";
export { changeListSchema, type ChangeListParams, type ChangeRequestPage } from "./list-schema";
export type * from "./schemas";
