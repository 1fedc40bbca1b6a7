/**
 * `data "vault_policy_document"` renders its `rule { path, capabilities, description }` blocks into
 * policy HCL; Radius renders the same text so such policies are read like inline ones.
 * (required_parameters is rendered; allowed/denied parameter blocks and wrapping TTLs are omitted:
 * they do not change which paths a policy can read.)
 */
import type { JsonValue } from "../types";

export function renderPolicyDocument(rules: JsonValue): string {
  const list = Array.isArray(rules) ? rules : rules && typeof rules === "object" ? [rules] : [];
  return list.map((rule) => {
    const r = rule && typeof rule === "object" && !Array.isArray(rule) ? rule : {};
    const caps = Array.isArray(r.capabilities) ? r.capabilities.map((c) => JSON.stringify(String(c))).join(", ") : "";
    const lines = [`path ${JSON.stringify(String(r.path ?? ""))} {`, `  capabilities = [${caps}]`];
    for (const [attr, key] of [["required_parameters", "required_parameters"]] as const) {
      if (Array.isArray(r[attr])) lines.push(`  ${key} = ${JSON.stringify(r[attr])}`);
    }
    lines.push("}");
    return lines.join("\n");
  }).join("\n\n") + "\n";
}
