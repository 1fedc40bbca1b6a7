/**
 * Leases: a recursive LIST of sys/leases/lookup/<prefix>/ (needs sudo), then one lookup (PUT
 * sys/leases/lookup) per lease id. Pure over a VaultReader; bounded by one limiter.
 * Token leases under auth/ are logins, not secrets: skipped unless asked for.
 */
import type { VaultReader } from "@/lib/vault";
import type { HealthProblem, LeaseRecord } from "@/lib/health/records";
import { addProblem, attempt, createHealthContext, forEachChunked, isoOrNull, type HealthCollectContext } from "./context";
import { leaseOrigin } from "./lease-key";
import { describeIssues, leaseLookupSchema } from "./schemas";

export interface CollectLeasesOptions {
  cluster: string;
  concurrency: number;
  /** Top-level prefixes to walk ("database-prod/"); default: every prefix Vault lists except auth/. */
  prefixes?: string[];
  /** Secret-engine mount paths, so a mount with "/" in its path maps correctly (see lease-key.ts). */
  mounts?: string[];
  signal?: AbortSignal;
}

export interface CollectedLeases {
  leases: LeaseRecord[];
  problems: HealthProblem[];
  requestCount: number;
}

const LOOKUP = "sys/leases/lookup";
const GONE = Symbol("gone");

export async function collectLeases(reader: VaultReader, options: CollectLeasesOptions): Promise<CollectedLeases> {
  const ctx = createHealthContext(reader, options.cluster, options.concurrency, options.signal);
  const prefixes = options.prefixes ?? ((await attempt(ctx, "LIST", `${LOOKUP}/`, () => reader.list(`${LOOKUP}/`))) ?? []).filter((p) => p.endsWith("/") && p !== "auth/");
  const ids = (await Promise.all(prefixes.map((p) => walk(ctx, p.endsWith("/") ? p : `${p}/`)))).flat();

  const leases: LeaseRecord[] = [];
  // Chunks keep 100,000 lookups from becoming 100,000 pending promises at once.
  await forEachChunked(ids, 2_000, async (id) => {
    const record = await lookup(ctx, id, options.mounts ?? []);
    if (record) leases.push(record);
  });
  leases.sort((a, b) => (a.leaseId < b.leaseId ? -1 : a.leaseId > b.leaseId ? 1 : 0));
  return { leases, problems: ctx.problems, requestCount: ctx.requestCount };
}

/** Every lease id below a prefix ("database-prod/"); sub-folders end in "/". */
async function walk(ctx: HealthCollectContext, prefix: string): Promise<string[]> {
  const keys = await attempt(ctx, "LIST", `${LOOKUP}/${prefix}`, () => ctx.reader.list(`${LOOKUP}/${prefix}`));
  if (!keys) return [];
  const leaves = keys.filter((k) => !k.endsWith("/")).map((k) => `${prefix}${k}`);
  const folders = await Promise.all(keys.filter((k) => k.endsWith("/")).map((k) => walk(ctx, `${prefix}${k}`)));
  return [...leaves, ...folders.flat()];
}

async function lookup(ctx: HealthCollectContext, id: string, mounts: readonly string[]): Promise<LeaseRecord | null> {
  const location = `${LOOKUP} (${id})`;
  const body = await attempt(ctx, "PUT", location, async () => (await ctx.reader.lookupLease(id)) ?? GONE);
  if (body === null) return null; // failed: attempt recorded the problem
  if (body === GONE) {
    // Vault answers 400 "invalid lease" for a lease revoked between the LIST and the lookup.
    addProblem(ctx, "PUT", location, "listed but not found (revoked during the sync?)", "warning");
    return null;
  }
  const parsed = leaseLookupSchema.safeParse(body);
  if (!parsed.success) {
    addProblem(ctx, "PUT", location, `unexpected response: ${describeIssues(parsed.error)}`);
    return null;
  }
  const d = parsed.data.data;
  const origin = leaseOrigin(ctx.cluster, d.id || id, mounts);
  return {
    cluster: ctx.cluster,
    leaseId: d.id || id,
    mount: origin.mount,
    role: origin.role,
    secretKey: origin.secretKey,
    issueTime: isoOrNull(d.issue_time),
    expireTime: isoOrNull(d.expire_time),
    lastRenewalAt: isoOrNull(d.last_renewal),
    ttlSeconds: d.ttl ?? null,
    renewable: d.renewable,
  };
}
