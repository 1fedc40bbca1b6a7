/**
 * Line-level edits of a policy's text where it is written (a heredoc body or a policies/*.hcl
 * file): add rule blocks at the end, change one rule's capabilities, or remove a rule block.
 * Untouched lines keep their bytes; `indent` is what the region adds in front of each line.
 */
import { hclString } from "./hcl-string";
import { parseHclStructure, type HclBlockSpan } from "./hcl-structure";
import { renderRule, sortCaps, type PolicyRuleSpec } from "./policy-rules";
import type { Capability } from "@/lib/policy";

export class PolicyEditError extends Error {}

export function appendRules(region: string, rules: PolicyRuleSpec[], indent: string, comment?: string): string {
  const body = rules.map((r, i) => renderRule(r, i === 0 ? comment : undefined)).join("\n\n");
  const lines = body.split("\n").map((l) => (l === "" ? "" : indent + l));
  const head = region.replace(/\s+$/, "");
  return `${head}${head ? "\n\n" : ""}${lines.join("\n")}\n`;
}

export function setRuleCapabilities(region: string, pattern: string, capabilities: Capability[]): string {
  const block = onlyBlock(region, pattern);
  const caps = block.attributes.find((a) => a.name === "capabilities");
  if (!caps) throw new PolicyEditError(`the rule for ${pattern} has no capabilities list to edit`);
  const value = `[${sortCaps(capabilities).map((c) => hclString(c)).join(", ")}]`;
  return region.slice(0, caps.valueStart) + value + region.slice(caps.valueEnd);
}

/** Removes the rule block (and one blank line that separated it from the previous block). */
export function removeRule(region: string, pattern: string): string {
  const block = onlyBlock(region, pattern);
  let start = block.lineStart;
  let end = region.indexOf("\n", block.close);
  end = end < 0 ? region.length : end + 1;
  const before = region.slice(0, start);
  if (/\n[ \t]*\n$/.test(before)) start = before.replace(/[ \t]*\n$/, "").length;
  else if (/^[ \t]*\n/.test(region.slice(end))) end += (/^[ \t]*\n/.exec(region.slice(end)) as RegExpExecArray)[0].length;
  return region.slice(0, start) + region.slice(end);
}

function onlyBlock(region: string, pattern: string): HclBlockSpan {
  const matches = parseHclStructure(region).blocks.filter((b) => b.type === "path" && b.labels.length === 1 && normalise(b.labels[0] as string) === pattern);
  if (matches.length !== 1) {
    throw new PolicyEditError(matches.length === 0 ? `no rule block for ${pattern} in the policy text` : `the rule for ${pattern} is written ${matches.length} times; edit it by hand`);
  }
  return matches[0] as HclBlockSpan;
}

/** Vault strips one leading "/" from patterns. */
function normalise(pattern: string): string {
  return pattern.startsWith("/") ? pattern.slice(1) : pattern;
}

export function withRule(spec: PolicyRuleSpec): PolicyRuleSpec {
  return { pattern: spec.pattern, capabilities: sortCaps(spec.capabilities) };
}
