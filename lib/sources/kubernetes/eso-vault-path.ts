/**
 * The Vault API path ESO requests for a remote key, mirroring the Vault provider's `buildPath`
 * (external-secrets/external-secrets, providers/v1/vault/client_get.go): with a store `path`
 * (the mount), a key that already starts with "<mount>/" (and "data/" on v2) is not prefixed twice;
 * KV v2 inserts "/data/" after the mount. Without a store path, v2 inserts "data" after the first
 * segment unless the key already contains "/data/".
 */
import { normalizeVaultPath } from "./vault-paths";

export function esoVaultPath(mount: string | null, version: "v1" | "v2", remoteKey: string): string {
  let key = normalizeVaultPath(remoteKey);
  if (mount) {
    const m = normalizeVaultPath(mount);
    if (key.startsWith(`${m}/`)) {
      key = key.slice(m.length + 1);
      if (version === "v2" && key.startsWith("data/")) key = key.slice("data/".length);
    }
    return version === "v2" ? `${m}/data/${key}` : `${m}/${key}`;
  }
  if (version === "v2" && !key.includes("/data/")) {
    const [first, ...rest] = key.split("/");
    return [first, "data", ...rest].join("/");
  }
  return key;
}
