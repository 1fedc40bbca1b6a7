/**
 * Which secret issued a lease. Lease ids are the credential path plus a random suffix:
 * "<mount>/creds/<role>/<suffix>" (database, aws...) or "<mount>/static-creds/<role>/...".
 * Mount paths may contain "/", so a known mount list (longest prefix wins) is preferred; without
 * one, the segment before "creds" is the mount. The secret key follows lib/sync/snapshot-data.ts.
 */
export interface LeaseOrigin {
  mount: string;
  role: string | null;
  secretKey: string | null;
}

const CREDS = new Set(["creds", "static-creds"]);

export function leaseOrigin(cluster: string, leaseId: string, knownMounts: readonly string[] = []): LeaseOrigin {
  const mount = longestMount(leaseId, knownMounts);
  const segments = leaseId.split("/");
  const mountDepth = mount ? mount.split("/").length : segments.findIndex((s) => CREDS.has(s));
  if (mountDepth <= 0) return { mount: mount ?? segments[0] ?? leaseId, role: null, secretKey: null };
  const mountPath = segments.slice(0, mountDepth).join("/");
  const kind = segments[mountDepth];
  const role = segments[mountDepth + 1];
  // A role needs a suffix after it; "<mount>/creds/<role>" alone is not a lease id.
  if (!kind || !CREDS.has(kind) || !role || segments.length < mountDepth + 3) return { mount: mountPath, role: null, secretKey: null };
  return { mount: mountPath, role, secretKey: `${cluster}:${mountPath}/${kind}/${role}` };
}

function longestMount(leaseId: string, mounts: readonly string[]): string | null {
  let best: string | null = null;
  for (const raw of mounts) {
    const m = raw.replace(/\/+$/, "");
    if (leaseId.startsWith(`${m}/`) && (best === null || m.length > best.length)) best = m;
  }
  return best;
}
