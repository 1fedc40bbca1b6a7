/** Vault ACL policy text: one `path` block per rule, in the formatting `vault policy fmt` produces. */
export interface PolicyRule {
  path: string;
  capabilities: string[];
}

export function renderPolicy(rules: PolicyRule[], comment?: string): string {
  const head = comment ? `# ${comment}\n` : "";
  return head + rules.map((r) => `path "${r.path}" {\n  capabilities = [${r.capabilities.map((c) => `"${c}"`).join(", ")}]\n}\n`).join("\n");
}

export const rule = (path: string, ...capabilities: string[]): PolicyRule => ({ path, capabilities });
