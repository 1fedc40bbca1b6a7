/**
 * Mounts and engine roles: `vault_mount` (kv version from `type = "kv-v2"` or `options.version`),
 * `vault_auth_backend` (path defaults to its type), `vault_jwt_auth_backend` (path default "jwt"),
 * `vault_database_secrets_mount`, `vault_kv_secret_backend_v2` (per-mount KV settings),
 * `vault_database_secret_backend_role` (-> `<mount>/creds/<name>`) and
 * `vault_pki_secret_backend_role` (-> `<mount>/issue/<name>`).
 */
import type { SourceProblem, TerraformResource } from "../types";
import { normalizeAuthMount, normalizeVaultPath } from "../kubernetes/vault-paths";
import { ResourceReader } from "./resource-reader";
import type { ResolveContext } from "./resolve-expressions";
import type { VaultKvSettingsConfig, VaultMountConfig, VaultSecretRoleConfig } from "./vault-config-types";

export function readMount(res: TerraformResource, ctx: ResolveContext, problems: SourceProblem[]): VaultMountConfig | null {
  if (!["vault_mount", "vault_auth_backend", "vault_jwt_auth_backend", "vault_database_secrets_mount"].includes(res.type)) return null;
  const r = new ResourceReader(res, ctx, problems);
  const ttl = { defaultLeaseTtlSeconds: r.seconds("default_lease_ttl_seconds"), maxLeaseTtlSeconds: r.seconds("max_lease_ttl_seconds") };
  if (res.type === "vault_mount" || res.type === "vault_database_secrets_mount") {
    const path = r.string("path");
    const type = res.type === "vault_database_secrets_mount" ? "database" : r.string("type");
    if (!path || !type) { r.warn("no path or type; skipped"); return null; }
    const options = r.value("options");
    const version = options && typeof options === "object" && !Array.isArray(options) ? String(options.version ?? "") : "";
    const kvVersion = type === "kv-v2" ? 2 : type === "kv" || type === "generic" ? (version === "2" ? 2 : 1) : null;
    return { kind: "secret", path: normalizeVaultPath(path), type: type === "kv-v2" ? "kv" : type, kvVersion, ...ttl, origin: r.origin };
  }
  const type = r.string("type") ?? (res.type === "vault_jwt_auth_backend" ? "jwt" : null);
  if (!type) { r.warn("no type; skipped"); return null; }
  const path = r.string("path") ?? (res.type === "vault_jwt_auth_backend" ? "jwt" : type);
  return { kind: "auth", path: normalizeAuthMount(path), type, kvVersion: null, ...ttl, origin: r.origin };
}

export function readKvSettings(res: TerraformResource, ctx: ResolveContext, problems: SourceProblem[]): VaultKvSettingsConfig | null {
  if (res.type !== "vault_kv_secret_backend_v2") return null;
  const r = new ResourceReader(res, ctx, problems);
  const mount = r.string("mount");
  if (!mount) { r.warn("no mount; skipped"); return null; }
  const maxVersions = r.value("max_versions");
  const cas = r.value("cas_required");
  return {
    mount: normalizeVaultPath(mount),
    maxVersions: typeof maxVersions === "number" ? maxVersions : null,
    casRequired: typeof cas === "boolean" ? cas : null,
    deleteVersionAfterSeconds: r.seconds("delete_version_after"),
    origin: r.origin,
  };
}

export function readSecretRole(res: TerraformResource, ctx: ResolveContext, problems: SourceProblem[]): VaultSecretRoleConfig | null {
  const engine = res.type === "vault_database_secret_backend_role" ? "database" : res.type === "vault_pki_secret_backend_role" ? "pki" : null;
  if (!engine) return null;
  const r = new ResourceReader(res, ctx, problems);
  const mount = r.string("backend");
  const name = r.string("name");
  if (!mount || !name) { r.warn("no backend or name; skipped"); return null; }
  const m = normalizeVaultPath(mount);
  return engine === "database"
    ? { engine, mount: m, name, readPath: `${m}/creds/${name}`, defaultTtlSeconds: r.seconds("default_ttl"), maxTtlSeconds: r.seconds("max_ttl"), details: { db_name: r.string("db_name") }, origin: r.origin }
    : { engine, mount: m, name, readPath: `${m}/issue/${name}`, defaultTtlSeconds: r.seconds("ttl"), maxTtlSeconds: r.seconds("max_ttl"), details: { allowed_domains: r.strings("allowed_domains") }, origin: r.origin };
}
