// Terraform rendering of change requests (README.md "Rendering"): pure over the repository's
// files and the snapshot facts, async only because the HCL parser is WebAssembly.
export { renderChange } from "./render-change";
export { buildTerraformRepo, normaliseDir, repoPath, TERRAFORM_SUFFIXES, type TerraformRepo } from "./terraform-repo";
export { RenderVerificationError } from "./verify";
export { unifiedDiff } from "./unified-diff";
export { changesFileFor, shortId } from "./names";
export type { ExpectedOutcome, RenderContext, RenderResult } from "./types";
