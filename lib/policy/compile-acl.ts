import { findCandidateRanges, type PathRange } from "./find-candidate-ranges";
import { mergeRules, type MergedRule } from "./merge-rules";
import { CAPABILITIES, type AclDecision, type Capability, type EvaluateOptions, type ParsedPolicy, type RuleKind } from "./types";
import { comparePriority, matchesSegments, prepareWildcard, type WildcardPattern } from "./wildcard-pattern";

export interface RulePrefix {
  pattern: string;
  kind: RuleKind;
  /** Text before the first wildcard; for an exact rule, the whole path. */
  literalPrefix: string;
  capabilities: Capability[];
  policies: string[];
}

/**
 * A policy set prepared once and queried many times: the unit to share between identities that
 * carry the same policies. With L the path length and d the number of distinct literal-prefix
 * lengths, `evaluate` costs O(L·d + m·L): one hash lookup for exact rules, one per length for the
 * longest `*` rule and for the buckets of `+` rules sharing a literal prefix with the path, then
 * the m `+` rules in those buckets. Building is O(total rules).
 */
export interface CompiledAcl {
  readonly isRoot: boolean;
  readonly templatedSkipped: readonly string[];
  evaluate(requestPath: string, options?: EvaluateOptions): AclDecision;
  /** Each merged rule with its literal prefix, sorted by prefix. */
  rulePrefixes(): RulePrefix[];
  /**
   * Index ranges [start, end) of `sortedPaths` (sorted with the default JS string order) whose
   * paths start with some rule's literal prefix: the only paths any rule can match. Disjoint and
   * ascending. O(R log R + R log N).
   */
  candidateRanges(sortedPaths: readonly string[]): PathRange[];
  /** Evaluates only the candidate paths, yielding those a rule decided (grant or deny). */
  evaluateSorted(sortedPaths: readonly string[], options?: EvaluateOptions): Generator<{ index: number; path: string; decision: AclDecision }>;
}

interface Candidate {
  rule: MergedRule;
  wildcard: WildcardPattern;
}

const ROOT_CAPABILITIES = CAPABILITIES.filter((c): c is Exclude<Capability, "deny"> => c !== "deny");

export function compileAcl(policies: readonly ParsedPolicy[]): CompiledAcl {
  const isRoot = policies.some((p) => p.name === "root");
  const { rules, templatedSkipped } = mergeRules(policies);
  const exact = new Map<string, MergedRule>();
  const prefixes = new Map<string, Candidate>();
  // `+` rules bucketed by literal prefix: a path only needs the buckets keyed by its own prefixes.
  const segments = new Map<string, Candidate[]>();
  for (const rule of rules) {
    if (rule.kind === "exact") exact.set(rule.pattern, rule);
    else if (rule.kind === "prefix") prefixes.set(rule.pattern.slice(0, -1), { rule, wildcard: prepareWildcard(rule.pattern, "prefix") });
    else {
      const wildcard = prepareWildcard(rule.pattern, "segment");
      segments.set(wildcard.literalPrefix, [...(segments.get(wildcard.literalPrefix) ?? []), { rule, wildcard }]);
    }
  }
  const prefixLengths = distinctLengths(prefixes.keys());
  const segmentPrefixLengths = distinctLengths(segments.keys());

  const decide = (rule: MergedRule | undefined): AclDecision | null =>
    rule
      ? {
          // Copies: callers may keep or sort decisions without touching the compiled rules.
          capabilities: rule.capabilities.length > 0 ? [...rule.capabilities] : ["deny"],
          decidedBy: { pattern: rule.pattern, kind: rule.kind, policies: [...rule.policies], grants: { ...rule.grants } },
          isRoot: false,
          templatedSkipped: [...templatedSkipped],
        }
      : null;

  // Vault looks up only the longest matching `*` rule, then ranks it against matching `+` rules.
  const findNonExact = (path: string): MergedRule | undefined => {
    let best: Candidate | undefined;
    for (const length of prefixLengths) {
      if (length > path.length) continue;
      best = prefixes.get(path.slice(0, length));
      if (best) break;
    }
    let pathParts: string[] | undefined;
    for (const length of segmentPrefixLengths) {
      if (length > path.length) continue;
      for (const candidate of segments.get(path.slice(0, length)) ?? []) {
        pathParts ??= path.split("/");
        if (!matchesSegments(candidate.wildcard, pathParts)) continue;
        if (!best || comparePriority(best.wildcard, candidate.wildcard) < 0) best = candidate;
      }
    }
    return best?.rule;
  };

  const evaluate = (requestPath: string, options: EvaluateOptions = {}): AclDecision => {
    if (isRoot) {
      return {
        capabilities: [...ROOT_CAPABILITIES],
        decidedBy: { pattern: "*", kind: "root", policies: ["root"], grants: {} },
        isRoot: true,
        templatedSkipped: [...templatedSkipped],
      };
    }
    const listFallback = options.listFallback ?? true;
    const path = requestPath.replace(/^\/+/, "");
    const trimmed = path.endsWith("/") ? path.slice(0, -1) : path;
    // Order from vault/acl.go AllowOperation, with the LIST steps used by Capabilities().
    const decision =
      decide(exact.get(path)) ??
      (listFallback ? decide(exact.get(trimmed)) : null) ??
      (listFallback && path.endsWith("/") ? decide(findNonExact(trimmed)) : null) ??
      decide(findNonExact(path));
    return decision ?? { capabilities: ["deny"], decidedBy: null, isRoot: false, templatedSkipped: [...templatedSkipped] };
  };

  const rulePrefixes = (): RulePrefix[] =>
    rules
      .map((rule) => ({
        pattern: rule.pattern,
        kind: rule.kind,
        literalPrefix: rule.kind === "exact" ? rule.pattern : prepareWildcard(rule.pattern, rule.kind).literalPrefix,
        capabilities: rule.capabilities,
        policies: rule.policies,
      }))
      .sort((a, b) => (a.literalPrefix < b.literalPrefix ? -1 : a.literalPrefix > b.literalPrefix ? 1 : 0));

  const candidateRanges = (sortedPaths: readonly string[]): PathRange[] =>
    isRoot ? [[0, sortedPaths.length]] : findCandidateRanges(sortedPaths, rulePrefixes().map((r) => r.literalPrefix));

  function* evaluateSorted(sortedPaths: readonly string[], options?: EvaluateOptions) {
    for (const [start, end] of candidateRanges(sortedPaths)) {
      for (let index = start; index < end; index++) {
        const path = sortedPaths[index] as string;
        const decision = evaluate(path, options);
        if (decision.decidedBy) yield { index, path, decision };
      }
    }
  }

  return { isRoot, templatedSkipped, evaluate, rulePrefixes, candidateRanges, evaluateSorted };
}

/** Distinct string lengths, longest first. */
function distinctLengths(keys: Iterable<string>): number[] {
  return [...new Set([...keys].map((key) => key.length))].sort((a, b) => b - a);
}
