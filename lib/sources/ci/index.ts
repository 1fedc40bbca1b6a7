export { parseWorkflows, type CiParseOptions, type CiParseResult } from "./parse-workflows";
export { ciWorkloadKey, locateWorkflow, type WorkflowLocation } from "./workflow-location";
export { parseVaultActionSecrets, type VaultActionSecret } from "./vault-action-secrets";
export { isPinnedAction } from "./action-pinning";
export { secretNamesIn } from "./static-secrets";
