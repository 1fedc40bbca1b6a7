/** The mount-table entries sys/mounts and sys/auth return (shape per reference/vault-api.md §2). */
import { createHash } from "node:crypto";

/** Stable uuid-shaped id from a seed, so entries do not change between runs. */
export function stableUuid(seed: string): string {
  const h = createHash("sha256").update(seed).digest("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

export function stableAccessor(prefix: string, seed: string): string {
  return `${prefix}_${createHash("sha256").update(seed).digest("hex").slice(0, 8)}`;
}

/** Plugins that live in the Vault repository report "+builtin.vault"; external ones "+builtin". */
const EXTERNAL_PLUGIN_VERSIONS: Record<string, string> = {
  kv: "v0.20.0+builtin",
  kubernetes: "v0.20.0+builtin",
  jwt: "v0.22.0+builtin",
  oidc: "v0.22.0+builtin",
};

export interface MountEntryInput {
  type: string;
  accessor: string;
  description: string;
  vaultVersion: string;
  options?: Record<string, string> | null;
  local?: boolean;
  isAuth?: boolean;
  /** Core mounts (sys, identity, cubbyhole, token) have no deprecation status. */
  core?: boolean;
  passthroughHeaders?: string[];
}

export function buildMountEntry(input: MountEntryInput): Record<string, unknown> {
  const config: Record<string, unknown> = { default_lease_ttl: 0, force_no_cache: false, max_lease_ttl: 0 };
  if (input.isAuth) config.token_type = "default-service";
  if (input.passthroughHeaders) config.passthrough_request_headers = input.passthroughHeaders;
  const entry: Record<string, unknown> = {
    accessor: input.accessor,
    config,
    description: input.description,
    external_entropy_access: false,
    local: input.local ?? false,
    options: input.options ?? null,
    plugin_version: "",
    running_plugin_version: EXTERNAL_PLUGIN_VERSIONS[input.type] ?? `v${input.vaultVersion}+builtin.vault`,
    running_sha256: "",
    seal_wrap: false,
    type: input.type,
    uuid: stableUuid(`mount:${input.accessor}`),
  };
  if (!input.core) entry.deprecation_status = "supported";
  return entry;
}
