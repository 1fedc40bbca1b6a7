import type { GrantRecord } from "@/lib/sync/snapshot-data";

export interface ReadableThroughPolicy {
  policyName: string;
  /** Set when this policy reaches the identity through a group. */
  viaGroupKey: string | null;
  /** Secrets whose value the policy lets the identity read. */
  readable: GrantRecord[];
  /** Secrets it may only list. */
  listOnly: GrantRecord[];
}

export interface ReadableBy {
  identityKey: string;
  readableCount: number;
  listOnlyCount: number;
  byPolicy: ReadableThroughPolicy[];
}

/**
 * Reverse blast radius of an identity: what an attacker holding it gets, grouped by the policy
 * that decides each grant (a grant decided by a rule several policies carry appears under each).
 * Pass all grants or only the identity's; others are ignored.
 */
export function readableBy(identityKey: string, grants: readonly GrantRecord[]): ReadableBy {
  const byPolicy = new Map<string, ReadableThroughPolicy>();
  let readableCount = 0;
  let listOnlyCount = 0;
  for (const g of grants) {
    if (g.identityKey !== identityKey) continue;
    const reads = g.capabilities.includes("read");
    if (reads) readableCount++;
    else listOnlyCount++;
    for (const policyName of g.policyNames) {
      const entry = byPolicy.get(policyName) ?? { policyName, viaGroupKey: g.viaGroupKey, readable: [], listOnly: [] };
      byPolicy.set(policyName, entry);
      (reads ? entry.readable : entry.listOnly).push(g);
    }
  }
  const ordered = [...byPolicy.values()].sort((a, b) => b.readable.length - a.readable.length || (a.policyName < b.policyName ? -1 : 1));
  return { identityKey, readableCount, listOnlyCount, byPolicy: ordered };
}
