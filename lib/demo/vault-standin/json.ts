/**
 * JSON encoding the way Vault's Go server produces it: `map[string]interface{}` values are
 * marshalled with sorted keys, so `data` objects (and whole bodies of the data-copied-to-top-level
 * endpoints) come out sorted. Struct-shaped bodies (the envelope, sys/health) keep field order.
 */
export function sortKeysDeep(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeysDeep);
  if (value && typeof value === "object" && !Buffer.isBuffer(value)) {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) out[key] = sortKeysDeep((value as Record<string, unknown>)[key]);
    return out;
  }
  return value;
}

/** Endpoints whose `data` Vault also copies to the top level (injectDataIntoTopRoutes). */
const TOP_LEVEL_EXACT = new Set([
  "sys/audit",
  "sys/auth",
  "sys/capabilities",
  "sys/capabilities-accessor",
  "sys/capabilities-self",
  "sys/mounts",
  "sys/policy",
  "sys/config/cors",
  "sys/ha-status",
  "sys/key-status",
  "sys/remount",
  "sys/wrapping/wrap",
]);
const TOP_LEVEL_PREFIX = ["sys/audit/", "sys/audit-hash/", "sys/auth/", "sys/mounts/", "sys/policy/", "sys/config/auditing/request-headers", "sys/rotate"];

export function copiesDataToTopLevel(path: string): boolean {
  const p = path.replace(/\/$/, "");
  return TOP_LEVEL_EXACT.has(p) || TOP_LEVEL_PREFIX.some((prefix) => path.startsWith(prefix));
}
