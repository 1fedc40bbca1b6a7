import { compileAcl, type CompiledAcl, type ParsedPolicy } from "@/lib/policy";
import type { GrantRecord, IdentityRecord, MembershipRecord, SecretRecord } from "@/lib/sync/snapshot-data";
import { indexSecretPaths, type SortedPaths } from "./index-secret-paths";
import { resolvePolicySets, type EffectivePolicies } from "./resolve-policy-sets";

export interface MaterialiseGrantsInput {
  secrets: readonly SecretRecord[];
  identities: readonly IdentityRecord[];
  memberships: readonly MembershipRecord[];
  /** Parsed policies keyed "<cluster>:<name>". `root` needs no entry. */
  policies: ReadonlyMap<string, ParsedPolicy>;
}

/** Identities that can read (nearly) everything: listed once instead of one grant per secret. */
export interface PrivilegedIdentity {
  identityKey: string;
  cluster: string;
  reason: "root" | "sudo-on-*";
  policyNames: string[];
}

export interface MaterialiseStats {
  identities: number;
  /** Distinct (cluster, effective policy set): each compiled and walked once. */
  policySets: number;
  /** Paths actually evaluated (candidates under some rule's literal prefix), data and metadata. */
  pathsEvaluated: number;
  readGrants: number;
  listOnlyGrants: number;
  rootHolders: string[];
  /** Identities whose policies hold templated rules the evaluator skipped (their reach is a lower bound). */
  templated: { identityKey: string; policies: string[]; patterns: string[] }[];
  /** Policies named on an identity or group but absent from the input (Vault ignores them too). */
  missingPolicies: { identityKey: string; policy: string }[];
  /** "<cluster>:<name>" of policies with errors Vault would reject: not applied. */
  invalidPolicies: string[];
}

export interface MaterialiseGrantsResult {
  grants: GrantRecord[];
  privilegedIdentities: PrivilegedIdentity[];
  stats: MaterialiseStats;
}

const ROOT_POLICY: ParsedPolicy = { name: "root", rules: [], templated: false, errors: [] };
const BY_STRING = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Who can read or list every secret, as Vault would decide. Identities sharing an effective policy
 * set share one compiled ACL, and each ACL only evaluates the paths under its rules' literal
 * prefixes, so the cost is about (policy sets x candidate paths), never identities x secrets.
 * Grants deciding by the same rule share their `capabilities` and `policyNames` arrays: treat
 * them as read-only.
 */
export function materialiseGrants(input: MaterialiseGrantsInput): MaterialiseGrantsResult {
  const pathIndex = indexSecretPaths(input.secrets);
  const effective = resolvePolicySets(input.identities, input.memberships);
  const stats: MaterialiseStats = { identities: input.identities.length, policySets: 0, pathsEvaluated: 0, readGrants: 0, listOnlyGrants: 0, rootHolders: [], templated: [], missingPolicies: [], invalidPolicies: [] };
  const invalid = new Set<string>();

  // (b) group identities by identical (cluster, policy set).
  const sets = new Map<string, EffectivePolicies[]>();
  for (const e of effective.values()) {
    const key = `${e.cluster}\u0000${e.policies.join("\u0000")}`;
    const members = sets.get(key);
    if (members) members.push(e);
    else sets.set(key, [e]);
  }
  stats.policySets = sets.size;

  const grants: GrantRecord[] = [];
  const privilegedIdentities: PrivilegedIdentity[] = [];
  for (const members of sets.values()) {
    const first = members[0] as EffectivePolicies;
    const parsed: ParsedPolicy[] = [];
    for (const name of first.policies) {
      const policy = name === "root" ? ROOT_POLICY : input.policies.get(`${first.cluster}:${name}`);
      if (!policy) {
        for (const m of members) stats.missingPolicies.push({ identityKey: m.identityKey, policy: name });
      } else if (policy.errors.length > 0) {
        invalid.add(`${first.cluster}:${name}`);
      } else parsed.push(policy);
    }
    // (c) compile once per distinct set.
    const acl = compileAcl(parsed);
    if (acl.templatedSkipped.length > 0) {
      // Which policies hold them: Vault's own `default` has two (entity self-lookup), rarely of interest.
      const holders = parsed.filter((p) => p.rules.some((r) => r.templated)).map((p) => p.name);
      for (const m of members) stats.templated.push({ identityKey: m.identityKey, policies: holders, patterns: [...acl.templatedSkipped] });
    }
    const privilege = privilegeOf(acl);
    if (privilege) {
      for (const m of members) {
        privilegedIdentities.push({ identityKey: m.identityKey, cluster: m.cluster, reason: privilege.reason, policyNames: privilege.policyNames });
        stats.rootHolders.push(m.identityKey);
      }
      continue;
    }
    const index = pathIndex.get(first.cluster);
    if (!index) continue;
    const reads = decide(acl, index.data, "read", stats);
    const lists = decide(acl, index.metadata, "list", stats);
    // (d) one row per identity x secret; the decisions are shared by every member of the set.
    for (const m of members) emitGrants(m, reads, lists, grants, stats);
  }
  stats.invalidPolicies = [...invalid].sort();
  stats.rootHolders.sort(BY_STRING);
  return { grants, privilegedIdentities, stats };
}

/** A rule's verdict, shared by every grant it decides (1M+ grants must not each own their arrays). */
interface Verdict {
  capabilities: string[];
  policyNames: string[];
  rulePath: string;
}

/** Secret key -> verdict, for the secrets whose path gets `capability`. */
function decide(acl: CompiledAcl, sorted: SortedPaths, capability: "read" | "list", stats: MaterialiseStats): Map<string, Verdict> {
  const out = new Map<string, Verdict>();
  const interned = new Map<string, Verdict>();
  // Only candidates under some rule's literal prefix (what evaluateSorted walks), counted on the way.
  for (const [start, end] of acl.candidateRanges(sorted.paths)) {
    stats.pathsEvaluated += end - start;
    for (let i = start; i < end; i++) {
      // listFallback only matters for paths ending in "/": secret paths never do.
      const decision = acl.evaluate(sorted.paths[i] as string);
      const by = decision.decidedBy;
      if (!by || !decision.capabilities.includes(capability)) continue;
      const key = `${by.pattern}\u0000${decision.capabilities.join(",")}`;
      let verdict = interned.get(key);
      if (!verdict) {
        verdict = { capabilities: decision.capabilities, policyNames: by.policies, rulePath: by.pattern };
        interned.set(key, verdict);
      }
      out.set((sorted.secrets[i] as SecretRecord).key, verdict);
    }
  }
  return out;
}

function emitGrants(m: EffectivePolicies, reads: Map<string, Verdict>, lists: Map<string, Verdict>, grants: GrantRecord[], stats: MaterialiseStats): void {
  const viaCache = new Map<string[], string | null>();
  const via = (policies: string[]): string | null => {
    if (!viaCache.has(policies)) viaCache.set(policies, viaGroupOf(m, policies));
    return viaCache.get(policies) as string | null;
  };
  const withList = new Map<string[], string[]>();
  for (const [secretKey, v] of reads) {
    let capabilities = v.capabilities;
    if (lists.has(secretKey) && !capabilities.includes("list")) {
      capabilities = withList.get(v.capabilities) ?? [...v.capabilities, "list"].sort();
      withList.set(v.capabilities, capabilities);
    }
    grants.push({ identityKey: m.identityKey, secretKey, capabilities, policyNames: v.policyNames, rulePath: v.rulePath, viaGroupKey: via(v.policyNames) });
    stats.readGrants++;
  }
  const listOnly = ["list"];
  for (const [secretKey, v] of lists) {
    if (reads.has(secretKey)) continue;
    grants.push({ identityKey: m.identityKey, secretKey, capabilities: listOnly, policyNames: v.policyNames, rulePath: v.rulePath, viaGroupKey: via(v.policyNames) });
    stats.listOnlyGrants++;
  }
}

/**
 * The group that carries a deciding policy (the end of the shortest group chain), when none of the
 * deciding policies is the identity's own; resolvePolicySets keeps the whole chain for display.
 */
function viaGroupOf(m: EffectivePolicies, deciding: readonly string[]): string | null {
  const wanted = new Set(deciding);
  const sources = m.sources.filter((s) => wanted.has(s.policy));
  if (sources.length === 0 || sources.some((s) => s.viaGroupKey === null)) return null;
  // Shortest group chain first: the most direct explanation.
  return [...sources].sort((a, b) => a.groupPath.length - b.groupPath.length)[0]?.viaGroupKey ?? null;
}

/** Root, or a `*` rule with sudo: such identities reach every path, so they are listed apart. */
function privilegeOf(acl: CompiledAcl): { reason: PrivilegedIdentity["reason"]; policyNames: string[] } | null {
  if (acl.isRoot) return { reason: "root", policyNames: ["root"] };
  const everything = acl.rulePrefixes().find((r) => r.pattern === "*" && r.capabilities.includes("sudo"));
  return everything ? { reason: "sudo-on-*", policyNames: [...everything.policies] } : null;
}
