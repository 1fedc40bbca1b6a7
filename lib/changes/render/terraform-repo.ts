/**
 * The Terraform repository as the renderer sees it: the files under TERRAFORM_DIR (paths relative
 * to it) and what lib/sources/terraform reads from them, plus the lookups the renderer needs
 * (which resource declares a policy, an auth role, a group, a mount).
 */
import { parseTerraform, type TerraformParseResult } from "@/lib/sources/terraform";
import type { TerraformResource } from "@/lib/sources/types";

export interface TerraformRepo {
  /** TERRAFORM_DIR without "./" or slashes at the ends ("" = the repository root). */
  dir: string;
  files: ReadonlyMap<string, string>;
  parsed: TerraformParseResult;
}

export const TERRAFORM_SUFFIXES = [".tf", ".tf.json", ".hcl"] as const;

export async function buildTerraformRepo(dir: string, files: ReadonlyMap<string, string>): Promise<TerraformRepo> {
  const parsed = await parseTerraform([...files].map(([file, text]) => ({ file, text })));
  return { dir: normaliseDir(dir), files, parsed };
}

export function normaliseDir(dir: string): string {
  const d = dir.replace(/\\/g, "/").replace(/^\.\/?/, "").replace(/^\/+|\/+$/g, "");
  if (d.split("/").some((s) => s === ".." || s === ".")) throw new Error(`TERRAFORM_DIR must stay inside the repository: ${dir}`);
  return d;
}

/** Repository-relative path of a file under TERRAFORM_DIR. */
export function repoPath(repo: Pick<TerraformRepo, "dir">, rel: string): string {
  return repo.dir ? `${repo.dir}/${rel}` : rel;
}

export function resourceAt(repo: TerraformRepo, address: string): TerraformResource | null {
  return repo.parsed.resources.find((r) => `${r.type}.${r.name}` === address) ?? null;
}

/** Addresses ("type.name") declared in a module folder (relative to TERRAFORM_DIR). */
export function addressesIn(repo: TerraformRepo, folder: string): Set<string> {
  return new Set(repo.parsed.resources.filter((r) => dirOf(r.file) === folder).map((r) => `${r.type}.${r.name}`));
}

export function dirOf(file: string): string {
  const i = file.lastIndexOf("/");
  return i < 0 ? "" : file.slice(0, i);
}

export interface IdentityResource {
  resource: TerraformResource;
  /** The list attribute holding its policies. */
  attribute: "token_policies" | "policies";
}

/** The resource that attaches policies to an identity of the snapshot, or null when Terraform does not manage it. */
export function findIdentityResource(repo: TerraformRepo, identity: { kind: string; authMount: string; roleName: string }): IdentityResource | null {
  if (identity.kind === "group") {
    const group = repo.parsed.vault.identityGroups.find((g) => g.name === identity.roleName);
    const groupResource = group && resourceAt(repo, group.origin.address);
    if (!groupResource) return null;
    // Policies attached by a separate vault_identity_group_policies resource are edited there.
    const ref = `\${${group.origin.address}.id}`;
    const attachment = repo.parsed.resources.find((r) => r.type === "vault_identity_group_policies" && r.attributes.group_id === ref);
    return attachment ? { resource: attachment, attribute: "policies" } : { resource: groupResource, attribute: "policies" };
  }
  const role = repo.parsed.vault.authRoles.find((r) => r.mount === identity.authMount && r.roleName === identity.roleName);
  const resource = role && resourceAt(repo, role.origin.address);
  if (!resource) return null;
  const attribute = "token_policies" in resource.attributes || !("policies" in resource.attributes) ? "token_policies" : "policies";
  return { resource, attribute };
}

/** `vault_mount.<name>` declaring a secrets mount at `path`, in `folder`; null when absent or ambiguous. */
export function findMountResource(repo: TerraformRepo, path: string, folder: string): TerraformResource | null {
  const mounts = repo.parsed.vault.mounts.filter((m) => m.kind === "secret" && m.path === path && dirOf(m.origin.file) === folder);
  const only = mounts.length === 1 ? mounts[0] : undefined;
  return only ? resourceAt(repo, only.origin.address) : null;
}

/** Declared `vault_kv_secret_v2` resources with their mount path (resolved through vault_mount) and name. */
export function kvSecretResources(repo: TerraformRepo): { resource: TerraformResource; mount: string | null; name: string | null }[] {
  return repo.parsed.resources
    .filter((r) => r.type === "vault_kv_secret_v2")
    .map((resource) => ({ resource, mount: mountPathOf(repo, resource.attributes.mount), name: literal(resource.attributes.name) }));
}

function mountPathOf(repo: TerraformRepo, raw: unknown): string | null {
  const m = typeof raw === "string" ? /^\$\{([\w-]+\.[\w-]+)\.path\}$/.exec(raw) : null;
  if (m) return repo.parsed.vault.mounts.find((x) => x.origin.address === m[1])?.path ?? null;
  return literal(raw);
}

/** A literal string attribute as written (template escapes undone); null for expressions. */
function literal(raw: unknown): string | null {
  if (typeof raw !== "string" || /[$%]\{/.test(raw.replace(/([$%])\1\{/g, ""))) return null;
  return raw.replace(/([$%])\1\{/g, "$1{");
}
