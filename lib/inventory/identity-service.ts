import "server-only";
import { workloadRef } from "./assemble-blast-radius";
import { activeSnapshot, assertCan, type InventoryContext } from "./context";
import {
  countReadableSecrets, findGrantSummary, findGroupsAndMembers, findIdentityByKey, findIdentityGrantPage, findIdentityMounts, findIdentityPage,
  findWorkloadsUsingIdentity, iterateIdentityGrants, type IdentityGrantRecord,
} from "./identity-repository";
import type { IdentityGrantRow, IdentityList, IdentityReverseBlastRadius, IdentityRow, PolicyReach } from "./identity-types";
import { normaliseEnum as normaliseMechanism } from "./format";
import type { IdentityDetailParams, IdentityListParams } from "./schemas";

export async function listIdentities(ctx: InventoryContext, params: IdentityListParams): Promise<IdentityList> {
  assertCan(ctx, "identities.read");
  const snapshotId = await activeSnapshot(ctx);
  if (!snapshotId) return { snapshot: null, mounts: [], rows: [], page: params.page, pageSize: params.pageSize, total: 0, totalCapped: false };
  const [page, mounts] = await Promise.all([findIdentityPage(ctx.db, snapshotId, params), findIdentityMounts(ctx.db, snapshotId)]);
  const rows = page.rows.map((r): IdentityRow => ({
    key: r.key, cluster: r.cluster, kind: r.kind, authMount: r.auth_mount, authType: r.auth_type, roleName: r.role_name,
    displayName: r.display_name, policies: r.policies, readableSecrets: r.readable,
  }));
  return { snapshot: { id: snapshotId }, mounts, page: params.page, pageSize: params.pageSize, total: page.total, totalCapped: page.totalCapped, rows };
}

const toGrantRow = (r: IdentityGrantRecord): IdentityGrantRow => ({
  secretKey: r.secret_key, environment: r.environment, classification: r.classification, exposureScore: r.exposure_score,
  capabilities: [...r.capabilities].sort(), policyName: r.policy_name,
  policyNames: r.policy_names.length > 0 ? r.policy_names : [r.policy_name], rulePath: r.rule_path, viaGroup: r.via_group,
});

/** What an attacker holding this identity gets: every secret it can read, through which policy and rule. */
export async function getIdentityReverseBlastRadius(ctx: InventoryContext, key: string, params: IdentityDetailParams): Promise<IdentityReverseBlastRadius | null> {
  assertCan(ctx, "identities.read");
  const snapshotId = await activeSnapshot(ctx);
  if (!snapshotId) return null;
  const identity = await findIdentityByKey(ctx.db, snapshotId, key);
  if (!identity) return null;
  const [links, summary, page, usedBy, totalReadable] = await Promise.all([
    findGroupsAndMembers(ctx.db, snapshotId, identity.id),
    findGrantSummary(ctx.db, snapshotId, identity.id),
    findIdentityGrantPage(ctx.db, snapshotId, identity.id, params),
    findWorkloadsUsingIdentity(ctx.db, snapshotId, identity.id),
    countReadableSecrets(ctx.db, snapshotId, identity.id),
  ]);
  const byPolicy = new Map<string, PolicyReach>();
  for (const s of summary) {
    const id = `${s.policy_name}\u0000${s.via_group ?? ""}`;
    const reach = byPolicy.get(id) ?? { policyName: s.policy_name, viaGroup: s.via_group, rules: [], secrets: 0, readable: 0 };
    reach.rules.push({ rulePath: s.rule_path, secrets: s.secrets, readable: s.readable });
    reach.secrets += s.secrets;
    reach.readable += s.readable;
    byPolicy.set(id, reach);
  }
  const { key: ikey, cluster, authMount, authType, roleName, displayName, policies, ttlSeconds, maxTtlSeconds } = identity;
  return {
    identity: { key: ikey, cluster, authMount, authType, roleName, displayName, policies, ttlSeconds, maxTtlSeconds, kind: String(identity.kind), bindings: (identity.bindings ?? {}) as Record<string, unknown> },
    groups: links.groups.map((g) => ({ ...g, kind: String(g.kind) })),
    members: links.members.map((m) => ({ ...m, kind: String(m.kind) })),
    memberCount: links.memberCount,
    byPolicy: [...byPolicy.values()].sort((a, b) => b.readable - a.readable || a.policyName.localeCompare(b.policyName)),
    totalReadable,
    grants: { rows: page.rows.map(toGrantRow), page: params.page, pageSize: params.pageSize, total: page.total, totalCapped: page.totalCapped },
    usedBy: usedBy.map((u) => ({ workload: workloadRef(u.workload), mechanism: normaliseMechanism(u.mechanism) })),
  };
}

/** CSV rows of an identity's grants; null when the identity is unknown (the route answers 404 before streaming). */
export async function openIdentityGrantExport(ctx: InventoryContext, key: string, params: IdentityDetailParams): Promise<AsyncGenerator<IdentityGrantRow[]> | null> {
  assertCan(ctx, "identities.read");
  const snapshotId = await activeSnapshot(ctx);
  const identity = snapshotId ? await findIdentityByKey(ctx.db, snapshotId, key) : null;
  if (!snapshotId || !identity) return null;
  return (async function* () {
    for await (const rows of iterateIdentityGrants(ctx.db, snapshotId, identity.id, params)) yield rows.map(toGrantRow);
  })();
}
