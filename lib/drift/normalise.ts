/**
 * What Vault and Terraform mean the same, written the same: the comparison runs on these forms,
 * never on the text either side happens to use. Pure, safe anywhere.
 */
import { parseDuration } from "@/lib/sources/durations";
import type { PolicyRule } from "@/lib/policy";

/** A duration as seconds: "1h", "3600", 3600 and "60m" are all 3600. 0 and unset are null (Vault: "use the default"). */
export function normaliseDuration(value: number | string | null | undefined): number | null {
  if (value === null || value === undefined || value === "") return null;
  const parsed = parseDuration(value);
  if (!parsed.ok) return Number.NaN; // never equal to anything: an unreadable value is a difference
  return parsed.seconds === 0 ? null : parsed.seconds;
}

/** A set of names: order and repeats do not matter, surrounding spaces neither. */
export function normaliseSet(values: readonly unknown[] | null | undefined): string[] {
  return [...new Set((values ?? []).map((v) => String(v).trim()).filter((v) => v !== ""))].sort();
}

/**
 * Token policies of an auth role. `default` is left out on both sides: Vault attaches it to every
 * token the role issues whether or not the role lists it (token_no_default_policy aside).
 */
export function normaliseTokenPolicies(values: readonly string[] | null | undefined): string[] {
  return normaliseSet(values).filter((p) => p !== "default");
}

/**
 * Bound claims: claim -> sorted values. The Terraform provider sends a comma-separated string as a
 * list ("main,dev" is ["main", "dev"]); Vault returns a string or a list. Non-string values (a
 * number, a boolean) compare by their text.
 */
export function normaliseBoundClaims(claims: Record<string, unknown> | null | undefined): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const key of Object.keys(claims ?? {}).sort()) {
    const value = (claims ?? {})[key];
    const items = Array.isArray(value) ? value : [value];
    out[key] = normaliseSet(items.flatMap((v) => (typeof v === "string" ? v.split(",") : v === null || v === undefined ? [] : [String(v)])));
  }
  return out;
}

/** A mount path without surrounding slashes; auth mounts also without the "auth/" Vault routes them under. */
export function normaliseMountPath(path: string, kind: "secret" | "auth"): string {
  const trimmed = path.trim().replace(/^\/+|\/+$/g, "");
  return kind === "auth" ? trimmed.replace(/^auth\//, "") : trimmed;
}

/**
 * A secret engine's type and KV version: "kv-v2" is kv version 2, "generic" is kv version 1, a kv
 * mount without a version is version 1 (Vault's default). Other engines have no version.
 */
export function normaliseEngine(type: string, kvVersion: number | string | null | undefined): { type: string; kvVersion: number | null } {
  const t = type.trim().toLowerCase();
  if (t === "kv-v2") return { type: "kv", kvVersion: 2 };
  if (t === "kv" || t === "generic") return { type: "kv", kvVersion: Number(kvVersion ?? 1) === 2 ? 2 : 1 };
  return { type: t, kvVersion: null };
}

export interface NormalisedRule {
  path: string;
  capabilities: string[];
  /** Canonical JSON of the rule's parameter, wrapping and MFA constraints (comments left out). */
  constraints: string;
}

/**
 * Policy rules by path, from lib/policy's parse: capabilities as a sorted set (the parser already
 * merges blocks that repeat a path and reduces a deny to ["deny"]). Rule paths are compared exactly:
 * "kv/data/x" and "kv/data/x/" are different paths to Vault.
 */
export function normaliseRules(rules: readonly PolicyRule[]): Map<string, NormalisedRule> {
  const out = new Map<string, NormalisedRule>();
  for (const rule of rules) {
    const constraints = rule.constraints
      .map((c) => canonicalJson({ ...c, comment: undefined })) // a comment changes nothing Vault enforces
      .filter((c) => c !== "{}")
      .sort();
    out.set(rule.path, { path: rule.path, capabilities: normaliseSet(rule.capabilities), constraints: constraints.join(",") });
  }
  return out;
}

/** JSON with object keys sorted at every level, so key order never makes two values differ. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value ?? null);
}

export const sameList = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((x, i) => x === b[i]);

/** Policy text that could not be parsed is compared as text, with whitespace runs and line ends folded. */
export const normaliseText = (text: string): string => text.replace(/\r\n/g, "\n").replace(/[ \t]+/g, " ").replace(/\s*\n\s*/g, "\n").trim();
