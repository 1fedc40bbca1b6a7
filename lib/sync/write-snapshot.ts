/**
 * Writes a complete SnapshotData into an (invisible, "building") snapshot: assigns time-ordered ids
 * (ordered-ids.ts), maps every stable key to its id, then bulk-inserts table by table in
 * foreign-key order. Nothing reads the
 * snapshot until activateSnapshot, so no transaction is needed (a failure discards the snapshot).
 */
import type pg from "pg";
import { bulkInsert } from "./bulk-insert";
import { createOrderedIdGenerator } from "./ordered-ids";
import type { PolicyAnalysis } from "./analyse-policies";
import type { GrantRecord, SnapshotData } from "./snapshot-data";
import * as T from "./snapshot-tables";

export interface WriteProgress {
  (done: number, total: number): Promise<void> | void;
}

export interface WrittenCounts {
  rows: number;
  /** Edges left out because one end is not in the snapshot (should be 0; counted to notice bugs). */
  skippedEdges: number;
  /** Secret key -> row id, so health records written after the inventory point at their secret. */
  secretIds: Map<string, string>;
}

export async function writeSnapshot(clients: readonly pg.ClientBase[], snapshotId: string, data: SnapshotData, policyAnalysis: readonly PolicyAnalysis[], onProgress?: WriteProgress): Promise<WrittenCounts> {
  const nextId = createOrderedIdGenerator();
  const summaries = new Map(data.summaries.map((s) => [s.secretKey, s]));
  const secrets: T.SecretRow[] = data.secrets.map((s) => ({ ...s, id: nextId(), summary: summaries.get(s.key) }));
  const policies: T.PolicyRow[] = data.policies.map((p, i) => ({ ...p, id: nextId(), rules: policyAnalysis[i]?.rules ?? [], parseError: policyAnalysis[i]?.parseError ?? null, templated: policyAnalysis[i]?.templated ?? false }));
  const identities: T.IdentityRow[] = data.identities.map((x) => ({ ...x, id: nextId() }));
  const workloads: T.WorkloadRow[] = data.workloads.map((w) => ({ ...w, id: nextId() }));

  const secretId = idsByKey(secrets, (s) => s.key);
  const identityId = idsByKey(identities, (x) => x.key);
  const workloadId = idsByKey(workloads, (w) => w.key);
  // Grants name policies by name; the live policy of the identity's cluster decided them.
  const livePolicyId = idsByKey(policies.filter((p) => p.origin === "live"), (p) => `${p.cluster}:${p.name}`);

  let skippedEdges = 0;
  const keep = <R>(row: R | null): row is R => (row === null ? (skippedEdges++, false) : true);
  const memberships = data.memberships
    .map((m): T.MembershipRow | null => {
      const groupId = identityId.get(m.groupKey);
      const memberId = identityId.get(m.memberKey);
      return groupId && memberId ? { groupId, memberId } : null;
    })
    .filter(keep);
  const consumptions = data.consumptions
    .map((c): T.ConsumptionRow | null => {
      const wid = workloadId.get(c.workloadKey);
      if (!wid) return null;
      return { ...c, id: nextId(), workloadId: wid, secretId: c.secretKey ? (secretId.get(c.secretKey) ?? null) : null, identityId: c.identityKey ? (identityId.get(c.identityKey) ?? null) : null };
    })
    .filter(keep);
  const dependencies = data.dependencies
    .map((d): T.DependencyRow | null => {
      const fromId = workloadId.get(d.fromKey);
      const toId = workloadId.get(d.toKey);
      return fromId && toId ? { ...d, id: nextId(), fromId, toId } : null;
    })
    .filter(keep);

  const total = secrets.length + policies.length + identities.length + memberships.length + workloads.length + consumptions.length + dependencies.length + data.grants.length;
  let done = 0;
  const advance = async (n: number) => {
    done += n;
    await onProgress?.(done, total);
  };
  await bulkInsert(clients, T.SECRETS, snapshotId, secrets, advance);
  await bulkInsert(clients, T.POLICIES, snapshotId, policies, advance);
  await bulkInsert(clients, T.IDENTITIES, snapshotId, identities, advance);
  await bulkInsert(clients, T.MEMBERSHIPS, snapshotId, memberships, advance);
  await bulkInsert(clients, T.WORKLOADS, snapshotId, workloads, advance);
  await bulkInsert(clients, T.CONSUMPTIONS, snapshotId, consumptions, advance);
  await bulkInsert(clients, T.DEPENDENCIES, snapshotId, dependencies, advance);
  // Grants are ~10x everything else: mapped chunk by chunk so the rows never exist twice in memory.
  const clusterOf = new Map(data.identities.map((x) => [x.key, x.cluster]));
  const grants = bySecretOrder(data.grants, secrets);
  for (let start = 0; start < grants.length; start += GRANT_BATCH) {
    const rows = grants.slice(start, start + GRANT_BATCH).map((g): T.GrantRow | null => {
      const iid = identityId.get(g.identityKey);
      const sid = secretId.get(g.secretKey);
      if (!iid || !sid) return null;
      const first = g.policyNames[0];
      return {
        ...g,
        id: nextId(),
        identityId: iid,
        secretId: sid,
        policyId: first ? (livePolicyId.get(`${clusterOf.get(g.identityKey)}:${first}`) ?? null) : null,
        viaGroupId: g.viaGroupKey ? (identityId.get(g.viaGroupKey) ?? null) : null,
      };
    }).filter(keep);
    await bulkInsert(clients, T.GRANTS, snapshotId, rows, advance);
  }
  return { rows: done, skippedEdges, secretIds: secretId };
}

const GRANT_BATCH = 50_000;

/**
 * Grants in the order of their secrets (whose ids increase): the grants.secret_id index then
 * grows at its right edge too. A counting sort: O(n) for a million grants.
 */
function bySecretOrder(grants: readonly GrantRecord[], secrets: readonly T.SecretRow[]): GrantRecord[] {
  const position = new Map(secrets.map((s, i) => [s.key, i + 1]));
  const starts = new Int32Array(secrets.length + 2);
  const slots = new Int32Array(grants.length);
  grants.forEach((g, i) => {
    slots[i] = position.get(g.secretKey) ?? 0;
    starts[slots[i]! + 1]!++;
  });
  for (let i = 1; i < starts.length; i++) starts[i]! += starts[i - 1]!;
  const out = new Array<GrantRecord>(grants.length);
  grants.forEach((g, i) => {
    out[starts[slots[i]!]!++] = g;
  });
  return out;
}

function idsByKey<R extends { id: string }>(rows: readonly R[], key: (r: R) => string): Map<string, string> {
  return new Map(rows.map((r) => [key(r), r.id]));
}
