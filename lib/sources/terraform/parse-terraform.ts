/**
 * Terraform repository -> resources and the Vault configuration they declare. Pure over file
 * contents (async only because hcl2json is WebAssembly); never throws.
 */
import type { SourceFile, SourceProblem, TerraformResource } from "../types";
import { readTerraformFiles, type TerraformModule } from "./hcl-files";
import type { ResolveContext } from "./resolve-expressions";
import { readAuthRole } from "./vault-auth-roles";
import type { VaultTerraformConfig } from "./vault-config-types";
import { readIdentityGroups } from "./vault-identity";
import { readKvSettings, readMount, readSecretRole } from "./vault-mounts";
import { readPolicy } from "./vault-policies";

export interface TerraformParseResult {
  resources: TerraformResource[];
  dataSources: TerraformResource[];
  vault: VaultTerraformConfig;
  problems: SourceProblem[];
}

export async function parseTerraform(files: readonly SourceFile[]): Promise<TerraformParseResult> {
  const vault: VaultTerraformConfig = { policies: [], authRoles: [], identityGroups: [], mounts: [], kvSettings: [], secretRoles: [] };
  let parsed;
  try {
    parsed = await readTerraformFiles(files);
  } catch (error) {
    return { resources: [], dataSources: [], vault, problems: [{ source: "terraform", file: "", message: `cannot read the Terraform files: ${String(error)}`, severity: "error" }] };
  }
  const { resources, dataSources, problems } = parsed;
  // References resolve within a module folder (Terraform's own scoping).
  const contexts = new Map<string, ResolveContext>();
  const contextFor = (file: string): ResolveContext => {
    const dir = file.includes("/") ? file.slice(0, file.lastIndexOf("/")) : "";
    let ctx = contexts.get(dir);
    if (!ctx) {
      const tfModule: TerraformModule = parsed.modules.get(dir) ?? { dir, locals: {}, variables: {} };
      const inDir = (list: TerraformResource[]) => new Map(list.filter((r) => dirOf(r.file) === dir).map((r) => [`${r.type}.${r.name}`, r]));
      ctx = { module: tfModule, resources: inDir(resources), dataSources: inDir(dataSources), texts: parsed.texts };
      contexts.set(dir, ctx);
    }
    return ctx;
  };
  for (const res of resources) {
    try {
      const ctx = contextFor(res.file);
      if (res.type === "vault_policy") push(vault.policies, readPolicy(res, ctx, problems));
      push(vault.authRoles, readAuthRole(res, ctx, problems));
      push(vault.mounts, readMount(res, ctx, problems));
      push(vault.kvSettings, readKvSettings(res, ctx, problems));
      push(vault.secretRoles, readSecretRole(res, ctx, problems));
    } catch (error) {
      problems.push({ source: "terraform", file: res.file, line: res.line, message: `${res.type}.${res.name}: internal error while reading (${String(error)})`, severity: "error" });
    }
  }
  for (const dir of new Set(resources.map((r) => dirOf(r.file)))) {
    try {
      vault.identityGroups.push(...readIdentityGroups(resources.filter((r) => dirOf(r.file) === dir), contextFor(`${dir}/x`.replace(/^\//, "")), problems));
    } catch (error) {
      problems.push({ source: "terraform", file: dir, message: `internal error while reading identity groups (${String(error)})`, severity: "error" });
    }
  }
  return { resources, dataSources, vault, problems };
}

function push<T>(list: T[], item: T | null): void {
  if (item !== null) list.push(item);
}

function dirOf(file: string): string {
  const i = file.lastIndexOf("/");
  return i < 0 ? "" : file.slice(0, i);
}
