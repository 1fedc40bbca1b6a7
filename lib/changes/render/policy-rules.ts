/**
 * Vault policy text written by Radius: `path "<pattern>" { capabilities = [...] }` blocks, and the
 * rule map (pattern -> capabilities) that both the editor and the verifier reason about.
 */
import type { Capability, ParsedPolicy } from "@/lib/policy";
import { hclString } from "./hcl-string";

export interface PolicyRuleSpec {
  pattern: string;
  capabilities: Capability[];
}

/** Patterns Radius writes: API paths of secrets it knows (strict characters, globs as Vault has them). */
const PATTERN = /^[A-Za-z0-9._\-/]+(\/\*|\*)?$/;

const ORDER: Capability[] = ["create", "read", "update", "patch", "delete", "list", "sudo", "subscribe", "recover", "deny"];

export function sortCaps(caps: Iterable<Capability>): Capability[] {
  const set = new Set(caps);
  if (set.has("deny")) return ["deny"];
  return ORDER.filter((c) => set.has(c));
}

export function assertPattern(pattern: string): string {
  if (!PATTERN.test(pattern) || pattern.length > 512 || pattern.split("/").some((s) => s === "." || s === "..")) {
    throw new Error(`refusing to write policy pattern ${JSON.stringify(pattern.slice(0, 80))}`);
  }
  return pattern;
}

/** One rule block, no trailing newline. */
export function renderRule(rule: PolicyRuleSpec, comment?: string): string {
  const caps = sortCaps(rule.capabilities);
  if (caps.length === 0) throw new Error("a rule needs at least one capability");
  const head = comment ? `# ${asciiComment(comment)}\n` : "";
  return `${head}path ${hclString(assertPattern(rule.pattern))} {\n  capabilities = [${caps.map((c) => hclString(c)).join(", ")}]\n}`;
}

/** A whole policy: rules separated by blank lines, newline-terminated. */
export function renderPolicyText(rules: PolicyRuleSpec[], headerComment?: string): string {
  const head = headerComment ? `# ${asciiComment(headerComment)}\n` : "";
  return `${head}${rules.map((r) => renderRule(r)).join("\n\n")}\n`;
}

export type RuleMap = Map<string, Capability[]>;

/** Pattern -> sorted capabilities of a parsed policy (Vault merges several blocks for one path). */
export function ruleMapOf(policy: Pick<ParsedPolicy, "rules">): RuleMap {
  return new Map(policy.rules.map((r) => [r.path, sortCaps(r.capabilities)]));
}

export function ruleMapFromSpecs(rules: readonly PolicyRuleSpec[]): RuleMap {
  const out: RuleMap = new Map();
  for (const r of rules) out.set(r.pattern, sortCaps([...(out.get(r.pattern) ?? []), ...r.capabilities]));
  return out;
}

export function sameRuleMaps(a: RuleMap, b: RuleMap): boolean {
  if (a.size !== b.size) return false;
  for (const [pattern, caps] of a) {
    const other = b.get(pattern);
    if (!other || other.join(",") !== caps.join(",")) return false;
  }
  return true;
}

function asciiComment(text: string): string {
  if (!/^[\x20-\x7e]*$/.test(text)) throw new Error("policy comments must be printable ASCII on one line");
  return text;
}
