import "server-only";
import { activeSnapshot, assertCan, type InventoryContext } from "./context";
import {
  findDirectCarriers, findMembersOfGroups, findPolicyClusters, findPolicyGrantPage, findPolicyPage, findPolicyVersions,
  iteratePolicyGrants, type PolicyGrantRecord,
} from "./policy-repository";
import type { PolicyBlastRadius, PolicyGrantRow, PolicyList, PolicyRuleView } from "./policy-types";
import type { PolicyDetailParams, PolicyListParams } from "./schemas";
import type { IdentityRef } from "./types";

export async function listPolicies(ctx: InventoryContext, params: PolicyListParams): Promise<PolicyList> {
  assertCan(ctx, "policies.read");
  const snapshotId = await activeSnapshot(ctx);
  if (!snapshotId) return { snapshot: null, clusters: [], rows: [], page: params.page, pageSize: params.pageSize, total: 0, totalCapped: false };
  const [page, clusters] = await Promise.all([findPolicyPage(ctx.db, snapshotId, params), findPolicyClusters(ctx.db, snapshotId)]);
  return {
    snapshot: { id: snapshotId }, clusters, page: params.page, pageSize: params.pageSize, total: page.total, totalCapped: page.totalCapped,
    rows: page.rows.map((r) => ({
      cluster: r.cluster, name: r.name, live: r.live, terraform: r.terraform, drift: r.drift, ruleCount: r.rule_count ?? 0,
      templated: r.templated, parseError: r.parse_error, carriers: r.carriers,
    })),
  };
}

/** Policy.rules holds lib/policy PolicyRule[]; read defensively, it is JSON. */
function toRules(value: unknown): PolicyRuleView[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((r: Record<string, unknown> | null) => {
    if (!r || typeof r.path !== "string") return [];
    return [{
      path: r.path, kind: typeof r.kind === "string" ? r.kind : "exact",
      capabilities: Array.isArray(r.capabilities) ? r.capabilities.filter((c): c is string => typeof c === "string") : [],
      templated: r.templated === true, line: typeof r.line === "number" ? r.line : null,
    }];
  });
}

const ref = (i: { key: string; cluster: string; kind: string; authMount: string; roleName: string; displayName: string | null }): IdentityRef => ({
  key: i.key, cluster: i.cluster, kind: String(i.kind), authMount: i.authMount, roleName: i.roleName, displayName: i.displayName,
});

const toGrantRow = (r: PolicyGrantRecord): PolicyGrantRow => ({
  identityKey: r.identity_key, identityKind: r.identity_kind, secretKey: r.secret_key, capabilities: [...r.capabilities].sort(),
  rulePath: r.rule_path, viaGroup: r.via_group,
  // Sole decider: losing this policy changes the grant; otherwise another policy carries the same rule.
  soleDecider: r.policy_names.length <= 1,
});

/** Before a policy changes or goes: who carries it (directly or through groups) and which grants it decides. */
export async function getPolicyBlastRadius(ctx: InventoryContext, cluster: string, name: string, params: PolicyDetailParams): Promise<PolicyBlastRadius | null> {
  assertCan(ctx, "policies.read");
  const snapshotId = await activeSnapshot(ctx);
  if (!snapshotId) return null;
  const versions = await findPolicyVersions(ctx.db, snapshotId, cluster, name);
  if (versions.length === 0) return null;
  const [direct, grants] = await Promise.all([
    findDirectCarriers(ctx.db, snapshotId, cluster, name),
    findPolicyGrantPage(ctx.db, snapshotId, cluster, name, params),
  ]);
  const groups = direct.filter((i) => String(i.kind) === "group");
  const members = await findMembersOfGroups(ctx.db, snapshotId, groups.map((g) => g.id));
  const views = versions.map((v) => ({
    origin: v.origin, rawHcl: v.rawHcl, rules: toRules(v.rules), parseError: v.parseError, templated: v.templated, file: v.file, commit: v.commit,
  }));
  const ruleSets = new Set(views.map((v) => JSON.stringify(v.rules.map((r) => [r.path, r.capabilities]))));
  return {
    cluster, name, versions: views,
    drift: views.length !== 2 || ruleSets.size > 1,
    direct: direct.map(ref),
    viaGroups: members.map((m) => ({ group: m.group.key, member: ref(m.member) })),
    byRule: grants.byRule.map((b) => ({ rulePath: b.rule_path, grants: b.grants, identities: b.identities })),
    grants: { rows: grants.rows.map(toGrantRow), page: params.page, pageSize: params.pageSize, total: grants.total, totalCapped: grants.totalCapped },
  };
}

export async function openPolicyGrantExport(ctx: InventoryContext, cluster: string, name: string, params: PolicyDetailParams): Promise<AsyncGenerator<PolicyGrantRow[]> | null> {
  assertCan(ctx, "policies.read");
  const snapshotId = await activeSnapshot(ctx);
  const versions = snapshotId ? await findPolicyVersions(ctx.db, snapshotId, cluster, name) : [];
  if (!snapshotId || versions.length === 0) return null;
  return (async function* () {
    for await (const rows of iteratePolicyGrants(ctx.db, snapshotId, cluster, name, params.q)) yield rows.map(toGrantRow);
  })();
}
