import { createHash } from "node:crypto";
import { canonicalJson } from "./canonical-json";

/** prev_hash of the first row. */
export const GENESIS_HASH = "0".repeat(64);

/** Everything a row's hash covers: all columns except the hashes themselves. */
export interface HashedAuditFields {
  id: bigint;
  time: Date;
  actorEmail: string;
  actorRoles: string[];
  action: string;
  target: string | null;
  ip: string | null;
  userAgent: string | null;
  details: unknown;
}

/** sha256(prevHash + canonical JSON of the row), hex. */
export function computeAuditHash(prevHash: string, row: HashedAuditFields): string {
  const canonical = canonicalJson({
    id: row.id.toString(),
    time: row.time.toISOString(),
    actorEmail: row.actorEmail,
    actorRoles: row.actorRoles,
    action: row.action,
    target: row.target,
    ip: row.ip,
    userAgent: row.userAgent,
    details: row.details,
  });
  return createHash("sha256").update(prevHash + canonical, "utf8").digest("hex");
}
