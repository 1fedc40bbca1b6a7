/**
 * Invariant 1 gate (DESIGN.md): before a sync, ask Vault (sys/capabilities-self, one call) what
 * the portal's own token may do on write targets. Probe paths are concrete, made-up names under
 * every write surface, so any glob or "+" grant that would let the token write there shows up.
 * Limit: an exact-path grant on one existing item (path "kv/data/app/x") is not seen by a probe;
 * the ACL evaluation over the synced policies (lib/policy) covers those.
 * Not probed, by design: sys/leases/lookup and sys/capabilities-self (reads routed through
 * PUT/POST, named in the shipped least-privilege policy).
 */
import type { VaultReader } from "@/lib/vault";
import type { MountTables } from "./mount-tables";

const PROBE = "radius-write-probe";
const WRITE_CAPABILITIES = new Set(["create", "update", "delete", "patch", "sudo", "root"]);

export interface TokenWriteCheck {
  ok: boolean;
  writable: { path: string; capabilities: string[] }[];
  checked: string[];
}

export function writeProbePaths(tables: MountTables): string[] {
  const paths = [
    `sys/policies/acl/${PROBE}`,
    `sys/policy/${PROBE}`,
    `sys/mounts/${PROBE}`,
    `sys/auth/${PROBE}`,
    `sys/audit/${PROBE}`,
    `identity/group/name/${PROBE}`,
    `identity/group/id/${PROBE}`,
    `identity/group-alias/id/${PROBE}`,
  ];
  for (const m of tables.mounts) {
    if (m.type === "kv" && m.version === "2") {
      for (const verb of ["data", "metadata", "delete", "undelete", "destroy"]) paths.push(`${m.path}/${verb}/${PROBE}`);
    } else if (m.type === "kv" || m.type === "generic") {
      paths.push(`${m.path}/${PROBE}`);
    } else if (m.type === "database" || m.type === "aws") {
      paths.push(`${m.path}/roles/${PROBE}`, `${m.path}/config/${PROBE}`);
      if (m.type === "database") paths.push(`${m.path}/static-roles/${PROBE}`);
      else paths.push(`${m.path}/config/root`);
    } else if (m.type === "pki") {
      paths.push(`${m.path}/roles/${PROBE}`, `${m.path}/config/${PROBE}`);
    } else if (m.type === "transit") {
      paths.push(`${m.path}/keys/${PROBE}`);
    }
  }
  for (const a of tables.authMounts) {
    paths.push(`auth/${a.path}/role/${PROBE}`);
    if (a.type === "approle") paths.push(`auth/${a.path}/role/${PROBE}/secret-id`);
  }
  return [...new Set(paths)];
}

export async function checkTokenCannotWrite(reader: VaultReader, tables: MountTables): Promise<TokenWriteCheck> {
  const checked = writeProbePaths(tables);
  const answers = await reader.capabilitiesSelf(checked);
  const writable = checked
    .map((path) => ({ path, capabilities: answers[path] ?? ["deny"] }))
    .filter(({ capabilities }) => capabilities.some((c) => WRITE_CAPABILITIES.has(c)));
  return { ok: writable.length === 0, writable, checked };
}
