import type { PolicyParseError } from "./policy-parse-error";

/** Every capability Vault accepts in a policy (vault/policy.go, current). */
export const CAPABILITIES = [
  "create",
  "delete",
  "deny",
  "list",
  "patch",
  "read",
  "recover",
  "subscribe",
  "sudo",
  "update",
] as const;

export type Capability = (typeof CAPABILITIES)[number];

/**
 * How Vault files a rule (vault/policy.go): `segment` when the path has a `+` segment
 * (it may also end in `*`), `prefix` when it ends in `*` otherwise, `exact` for the rest.
 */
export type RuleKind = "exact" | "prefix" | "segment";

/** Fine-grained fields Vault keeps on a rule; kept for display, ignored when evaluating reads. */
export interface RuleConstraints {
  allowedParameters?: unknown;
  deniedParameters?: unknown;
  requiredParameters?: unknown;
  minWrappingTtl?: unknown;
  maxWrappingTtl?: unknown;
  mfaMethods?: unknown;
  controlGroup?: unknown;
  subscribeEventTypes?: unknown;
  comment?: unknown;
}

export interface PolicyRule {
  /** The pattern as written, minus one leading "/" (Vault strips it on ingest). */
  path: string;
  kind: RuleKind;
  /** Sorted; exactly ["deny"] when the rule denies (deny discards every other capability). */
  capabilities: Capability[];
  /** The path holds `{{...}}` identity templating: never guessed, skipped by evaluation. */
  templated: boolean;
  /** 1-based line of the first block for this path, when it could be located in the source. */
  line: number | null;
  /** One entry per block that carried constraints (several blocks for one path are merged). */
  constraints: RuleConstraints[];
}

export interface ParsedPolicy {
  name: string;
  /** One rule per distinct path pattern, in source order. */
  rules: PolicyRule[];
  templated: boolean;
  /**
   * Problems Vault would reject the policy for (unknown capability, invalid key, `+*`...).
   * The offending rules are left out of `rules`; treat a policy with errors as not applicable.
   */
  errors: PolicyParseError[];
}

export interface AclDecision {
  /**
   * Sorted, as `sys/capabilities-self` reports them: ["deny"] when the chosen rule denies or no
   * rule matches. The root policy yields every capability except deny (Vault reports ["root"]).
   */
  capabilities: Capability[];
  /** The one rule Vault picked and the policies behind it; null when nothing matched. */
  decidedBy: DecidedBy | null;
  isRoot: boolean;
  /** Templated patterns present in the input, left out because they cannot be resolved here. */
  templatedSkipped: string[];
}

export interface DecidedBy {
  pattern: string;
  kind: RuleKind | "root";
  /** Policies carrying that pattern; for a deny, only the ones that denied. Sorted. */
  policies: string[];
  /** Per granted capability, the policies that grant it (Vault's granting policies). */
  grants: Partial<Record<Capability, string[]>>;
}

export interface EvaluateOptions {
  /**
   * Vault's LIST fallback for paths ending in "/" (also used by sys/capabilities-self): try an
   * exact rule for the path without the slash, then wildcard rules for it, then for the path.
   * Default true. Pass false to model a non-LIST request (read, update...) on such a path.
   * Paths without a trailing slash are unaffected.
   */
  listFallback?: boolean;
}
