import { parsePolicy } from "./parse-policy";
import type { ParsedPolicy } from "./types";

/** Parses a policy that must be valid (test helper). */
export async function policyFrom(name: string, hcl: string): Promise<ParsedPolicy> {
  const policy = await parsePolicy(name, hcl);
  if (policy.errors.length > 0) throw new Error(policy.errors.map((e) => e.message).join("\n"));
  return policy;
}

/** Shorthand: one `path` block per entry. */
export function hclOf(rules: Record<string, string[]>): string {
  return Object.entries(rules)
    .map(([path, caps]) => `path ${JSON.stringify(path)} {\n  capabilities = ${JSON.stringify(caps)}\n}\n`)
    .join("");
}
