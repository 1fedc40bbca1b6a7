import { sortCapabilities } from "./read-capabilities";
import type { Capability, ParsedPolicy, RuleKind } from "./types";

/** One path pattern after merging every policy that carries it (vault/acl.go NewACL). */
export interface MergedRule {
  pattern: string;
  kind: RuleKind;
  /** Sorted union; exactly ["deny"] when any copy denies. */
  capabilities: Capability[];
  /** Policies carrying the pattern, or only the denying ones when it denies. Sorted. */
  policies: string[];
  grants: Partial<Record<Capability, string[]>>;
}

export interface MergeResult {
  rules: MergedRule[];
  /** Templated patterns, left out because their identity values are unknown here. Sorted. */
  templatedSkipped: string[];
}

interface Accumulator {
  kind: RuleKind;
  denied: Set<string>;
  grants: Map<Capability, Set<string>>;
  carriers: Set<string>;
}

/**
 * Unions capabilities per identical pattern; a deny in any copy makes the pattern deny-only.
 * The result does not depend on the order of policies or rules (union and deny are both
 * commutative), which is what lets callers share one compiled ACL per policy set.
 */
export function mergeRules(policies: readonly ParsedPolicy[]): MergeResult {
  const byPattern = new Map<string, Accumulator>();
  const templated = new Set<string>();
  for (const policy of policies) {
    for (const rule of policy.rules) {
      if (rule.templated) {
        templated.add(rule.path);
        continue;
      }
      const acc = byPattern.get(rule.path) ?? { kind: rule.kind, denied: new Set(), grants: new Map(), carriers: new Set() };
      byPattern.set(rule.path, acc);
      acc.carriers.add(policy.name);
      for (const cap of rule.capabilities) {
        if (cap === "deny") acc.denied.add(policy.name);
        else acc.grants.set(cap, (acc.grants.get(cap) ?? new Set()).add(policy.name));
      }
    }
  }
  const rules = [...byPattern.entries()].map(([pattern, acc]) => toMergedRule(pattern, acc));
  return { rules, templatedSkipped: [...templated].sort() };
}

function toMergedRule(pattern: string, acc: Accumulator): MergedRule {
  if (acc.denied.size > 0) {
    return { pattern, kind: acc.kind, capabilities: ["deny"], policies: [...acc.denied].sort(), grants: {} };
  }
  const grants: Partial<Record<Capability, string[]>> = {};
  for (const cap of sortCapabilities(acc.grants.keys())) grants[cap] = [...(acc.grants.get(cap) ?? [])].sort();
  return {
    pattern,
    kind: acc.kind,
    capabilities: sortCapabilities(acc.grants.keys()),
    policies: [...acc.carriers].sort(),
    grants,
  };
}
