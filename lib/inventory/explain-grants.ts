import type { GrantRecord } from "./secret-detail-repository";
import type { GrantExplanation, ReaderCategory, ReaderView } from "./secret-blast-radius-types";

export interface PolicyRulesRecord {
  id: string;
  cluster: string;
  name: string;
  origin: string;
  file: string | null;
  rules: unknown;
}

export interface AccessStatRecord {
  identityKey: string;
  lastReadAt: Date | null;
  reads90d: number;
}

export function readerCategory(kind: string): ReaderCategory {
  if (kind === "group" || kind === "oidc") return "human";
  if (kind === "jwt") return "ci";
  if (kind === "kubernetes" || kind === "approle") return "workload";
  return "other";
}

/** The stored rule for a pattern: its line in the HCL and its own capabilities (policy.rules is PolicyRule[]). */
function findRule(rules: unknown, path: string): { line: number | null; capabilities: string[] } | null {
  if (!Array.isArray(rules)) return null;
  for (const r of rules as { path?: unknown; line?: unknown; capabilities?: unknown }[]) {
    if (r && r.path === path) {
      return {
        line: typeof r.line === "number" ? r.line : null,
        capabilities: Array.isArray(r.capabilities) ? r.capabilities.filter((c): c is string => typeof c === "string") : [],
      };
    }
  }
  return null;
}

export function explainGrant(g: GrantRecord, policies: Map<string, PolicyRulesRecord>): GrantExplanation {
  const policy = g.policyId ? policies.get(g.policyId) : undefined;
  const rule = policy ? findRule(policy.rules, g.rulePath) : null;
  return {
    viaGroup: g.viaGroup,
    policy: { cluster: policy?.cluster ?? g.identity.cluster, name: g.policyName, origin: policy?.origin ?? null, file: policy?.file ?? null },
    otherPolicies: g.policyNames.filter((n) => n !== g.policyName),
    rulePath: g.rulePath,
    ruleLine: rule?.line ?? null,
    ruleCapabilities: rule?.capabilities ?? [],
    capabilities: [...g.capabilities].sort(),
  };
}

export interface SplitReaders {
  readers: ReaderView[];
  listOnly: ReaderView[];
  privileged: ReaderView[];
}

/**
 * One row per identity (an identity can hold several grants, e.g. directly and through a group),
 * split the way the design asks: readers, list-only apart, root/sudo holders apart. Deny-only
 * grants are nobody's access and are dropped.
 */
export function splitReaders(grants: GrantRecord[], policies: Map<string, PolicyRulesRecord>, stats: AccessStatRecord[]): SplitReaders {
  const statByIdentity = new Map(stats.map((s) => [s.identityKey, s]));
  const byIdentity = new Map<string, ReaderView>();
  for (const g of grants) {
    const existing = byIdentity.get(g.identity.key);
    const why = explainGrant(g, policies);
    if (existing) {
      existing.why.push(why);
      existing.capabilities = [...new Set([...existing.capabilities, ...g.capabilities])].sort();
      continue;
    }
    const stat = statByIdentity.get(g.identity.key);
    byIdentity.set(g.identity.key, {
      identity: g.identity, category: readerCategory(g.identity.kind), capabilities: [...g.capabilities].sort(), why: [why],
      lastReadAt: stat?.lastReadAt ? stat.lastReadAt.toISOString() : null, reads90d: stat ? stat.reads90d : null,
    });
  }
  const out: SplitReaders = { readers: [], listOnly: [], privileged: [] };
  for (const view of byIdentity.values()) {
    const caps = new Set(view.capabilities);
    if (caps.has("root") || caps.has("sudo")) out.privileged.push(view);
    else if (caps.has("read")) out.readers.push(view);
    else if (caps.has("list")) out.listOnly.push(view);
  }
  return out;
}
