import type { RuleKind } from "./types";

/**
 * A non-exact rule prepared the way vault/acl.go prepares it (wcPathDescr): `stem` is the pattern
 * without its trailing `*`, `firstWildcard` the byte offset of the first `+` (segment rules) or of
 * the glob (prefix rules), `wildcards` the number of `+` segments. Go measures and compares
 * strings as UTF-8 bytes, so byte lengths and byte order are kept here too.
 */
export interface WildcardPattern {
  pattern: string;
  kind: Exclude<RuleKind, "exact">;
  isPrefix: boolean;
  stem: string;
  parts: string[];
  firstWildcard: number;
  wildcards: number;
  stemBytes: Uint8Array;
  /** Text before the first wildcard: every path the rule can match starts with it. */
  literalPrefix: string;
}

const encoder = new TextEncoder();

export function prepareWildcard(pattern: string, kind: Exclude<RuleKind, "exact">): WildcardPattern {
  const isPrefix = pattern.endsWith("*");
  const stem = isPrefix ? pattern.slice(0, -1) : pattern;
  const parts = stem.split("/");
  const firstPlus = kind === "segment" ? pattern.indexOf("+") : stem.length;
  return {
    pattern,
    kind,
    isPrefix,
    stem,
    parts,
    firstWildcard: encoder.encode(pattern.slice(0, firstPlus)).length,
    wildcards: kind === "segment" ? parts.filter((p) => p === "+").length : 0,
    stemBytes: encoder.encode(stem),
    literalPrefix: pattern.slice(0, firstPlus),
  };
}

/**
 * Segment matching, step for step as CheckAllowedFromNonExactPaths: same number of segments
 * (at least as many for a trailing `*`), a part "+" takes any one segment (even an empty one),
 * other parts must be equal, and the last part of a `*` rule only has to be a prefix.
 */
export function matchesSegments(rule: WildcardPattern, pathParts: readonly string[]): boolean {
  const { parts, isPrefix } = rule;
  if (pathParts.length < parts.length) return false;
  if (!isPrefix && pathParts.length !== parts.length) return false;
  const last = parts.length - 1;
  for (let i = 0; i <= last; i++) {
    const part = parts[i] as string;
    const segment = pathParts[i] as string;
    if (part === "+" || part === segment) continue;
    if (isPrefix && i === last && segment.startsWith(part)) continue;
    return false;
  }
  return true;
}

/**
 * Vault's priority order (vault/acl.go `less`, documented in concepts/policies "priority
 * matching"). Negative when `a` has LOWER priority than `b`, checking in turn:
 * 1. the first wildcard or glob occurs earlier; 2. it ends in `*` and the other does not;
 * 3. it has more `+` segments; 4. it is shorter; 5. it is smaller lexicographically.
 * Lengths and order are those of the stem (the pattern without its trailing `*`), in bytes.
 */
export function comparePriority(a: WildcardPattern, b: WildcardPattern): number {
  if (a.firstWildcard !== b.firstWildcard) return a.firstWildcard - b.firstWildcard;
  if (a.isPrefix !== b.isPrefix) return a.isPrefix ? -1 : 1;
  if (a.wildcards !== b.wildcards) return b.wildcards - a.wildcards;
  if (a.stemBytes.length !== b.stemBytes.length) return a.stemBytes.length - b.stemBytes.length;
  return compareBytes(a.stemBytes, b.stemBytes);
}

function compareBytes(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    if (a[i] !== b[i]) return (a[i] as number) - (b[i] as number);
  }
  return a.length - b.length;
}
