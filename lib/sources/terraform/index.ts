export { parseTerraform, type TerraformParseResult } from "./parse-terraform";
export { readTerraformFiles, headerLine, type TerraformFiles, type TerraformModule } from "./hcl-files";
export { resolveValue, interpolations, type ResolveContext, type Resolved } from "./resolve-expressions";
export { renderPolicyDocument } from "./policy-document";
export type * from "./vault-config-types";
export { applyLeaseTtls } from "./lease-ttls";
