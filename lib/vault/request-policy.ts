/**
 * Which HTTP requests the portal may ever send to Vault (invariants 1 and 2 of DESIGN.md).
 *
 * Reads and lists only, on metadata-shaped paths. The two reads that Vault routes through
 * POST/PUT (capabilities-self, lease lookup) are named exactly. Anything that could return a
 * secret value (KV data, dynamic credentials, wrapping, cubbyhole, transit export, PKI issue/sign)
 * is refused even when the shape would otherwise pass, so a bug elsewhere cannot leak a value.
 */

export type VaultMethod = "GET" | "LIST" | "POST" | "PUT";

const READ_PATHS: RegExp[] = [
  /^sys\/(health|seal-status|mounts|auth|audit|policy|policies\/acl)$/,
  /^sys\/mounts\/[^?#]+\/tune$/,
  /^sys\/(mounts|auth)\/[^?#]+$/,
  /^sys\/(policy|policies\/acl)\/[^/?#]+$/,
  /^sys\/leases\/lookup\/[^?#]*$/,
  /^auth\/token\/lookup-self$/,
  /^auth\/[^?#]+\/role(\/[^/?#]+(\/role-id)?)?$/,
  /^identity\/group\/(id|name)(\/[^/?#]+)?$/,
  /^[^?#]+\/metadata(\/[^?#]*)?$/, // KV v2 metadata (never data)
  /^[^?#]+\/(roles|static-roles|config)(\/[^/?#]+)?$/, // database / aws / pki roles, connection config
  /^[^?#]+\/(certs|certs\/revoked|issuers|crl|crl\/pem)$/, // PKI listings and CRL
  /^[^?#]+\/(cert|issuer)\/[^/?#]+$/, // one certificate or issuer (public material)
];

const SYSTEM_ROOTS = new Set(["sys", "auth", "identity"]);

const POST_READS = new Set(["sys/capabilities-self", "sys/leases/lookup"]);

/** Segments that name secret material; refused anywhere before a `metadata` segment. */
const SECRET_SEGMENTS = new Set([
  "data", "creds", "static-creds", "wrapping", "unwrap", "export", "issue", "sign", "sign-verbatim",
  "decrypt", "encrypt", "raw", "secret-id", "generate-root", "rekey", "sts",
]);

export function isAllowedVaultRequest(method: string, rawPath: string): boolean {
  const path = rawPath.replace(/^\/+/, "").replace(/^v1\//, "").replace(/\/+$/, "");
  if (path.includes("..") || /[?#]/.test(path)) return false;
  const segments = path.split("/");
  if (segments[0] === "cubbyhole") return false;
  // Lease ids name the credential path they were minted for ("db/creds/app/<id>"): still metadata.
  if (path === "sys/leases/lookup" || path.startsWith("sys/leases/lookup/")) {
    return method === "LIST" || ((method === "PUT" || method === "POST") && path === "sys/leases/lookup");
  }
  const metadataAt = segments.indexOf("metadata");
  const guarded = metadataAt === -1 ? segments : segments.slice(0, metadataAt);
  if (guarded.some((s) => SECRET_SEGMENTS.has(s))) return false;

  if (method === "POST" || method === "PUT") return POST_READS.has(path);
  if (method !== "GET" && method !== "LIST") return false;
  // LIST answers names only, never values, so it is allowed below any secret-engine mount once
  // the secret segments above are refused: KV v1 mounts (arbitrary names, no metadata/ prefix)
  // need it. sys/, auth/ and identity/ stay on the explicit list (e.g. token accessors).
  if (method === "LIST" && !SYSTEM_ROOTS.has(segments[0] ?? "")) return true;
  return READ_PATHS.some((re) => re.test(path));
}
