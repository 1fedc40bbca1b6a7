/** Small Vault path conventions shared by every mechanism. */

/** Vault API paths are written with or without a leading "/" and "v1/"; Vault receives neither. */
export function normalizeVaultPath(path: string): string {
  return path.trim().replace(/^\/+/, "").replace(/^v1\//, "").replace(/\/+$/, "");
}

/** Auth mounts are stored without the "auth/" prefix: "auth/kubernetes-prod/" -> "kubernetes-prod". */
export function normalizeAuthMount(path: string): string {
  return path.trim().replace(/^\/+/, "").replace(/^auth\//, "").replace(/\/+$/, "");
}

/**
 * Leased (dynamic) secrets: database/aws/... `creds`, AWS `sts`, PKI `issue`/`sign`. KV v2 data
 * paths are never leased even if a segment is called "creds".
 */
export function isLeasedPath(path: string): boolean {
  if (/^[^/]+\/data\//.test(path)) return false;
  return /\/(creds|sts|issue|sign)(\/|$)/.test(path);
}
