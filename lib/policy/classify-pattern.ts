import type { RuleKind } from "./types";

/** Vault strips one leading "/" from policy paths (vault/policy.go parsePaths). */
export function normalizePattern(raw: string): string {
  return raw.startsWith("/") ? raw.slice(1) : raw;
}

/**
 * Vault's own test (vault/policy.go): a path has segment wildcards when it is "+", contains "/+"
 * or starts with "+/". So `a/+b` counts too (its "+b" part is then compared literally), while a
 * `*` is a glob only as the last character: `a/*\/b` is an exact path.
 */
export function classifyPattern(pattern: string): RuleKind {
  if (pattern === "+" || pattern.includes("/+") || pattern.startsWith("+/")) return "segment";
  if (pattern.endsWith("*")) return "prefix";
  return "exact";
}

export type TemplatingCheck = "none" | "templated" | "unbalanced";

/**
 * Mirrors identitytpl.PopulateString in validity-check mode: text before the first "{{" must not
 * hold "}}", and every piece after a "{{" must hold exactly one "}}".
 */
export function checkTemplating(pattern: string): TemplatingCheck {
  const pieces = pattern.split("{{");
  if ((pieces[0] ?? "").includes("}}")) return "unbalanced";
  if (pieces.length === 1) return "none";
  for (const piece of pieces.slice(1)) {
    if (piece.split("}}").length !== 2) return "unbalanced";
  }
  return "templated";
}

/** The reason Vault would reject this pattern, or null. */
export function findPatternProblem(pattern: string): string | null {
  if (pattern.includes("+*")) return "invalid use of wildcards ('+*' is forbidden)";
  if (checkTemplating(pattern) === "unbalanced") {
    return "failed to validate policy templating: unbalanced templating characters";
  }
  return null;
}
