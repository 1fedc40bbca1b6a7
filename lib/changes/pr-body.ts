/**
 * The pull request description: what was requested and why, what the Terraform does, and who
 * gains or loses access (the delta), with links back to the portal. Everything a user typed goes
 * into a fenced block (no markdown, no HTML, no @mentions); keys and names go into code spans.
 */
import { identityHref, secretHref } from "@/lib/inventory/urls";
import { code, fenced } from "./markdown";
import type { AccessDelta, ChangeInput } from "./schemas";

export interface PrBodyInput {
  changeId: string;
  title: string;
  input: ChangeInput;
  requester: { name: string; email: string };
  portalUrl: string;
  summary: string[];
  notes: string[];
  files: { path: string; before: string | null }[];
  delta: AccessDelta;
  /** Rows listed per table; the rest is counted. */
  maxRows?: number;
}

export function renderPrBody(p: PrBodyInput): string {
  const base = p.portalUrl.replace(/\/+$/, "");
  const max = p.maxRows ?? 50;
  const out: string[] = [];
  out.push(`Requested through Radius by ${code(p.requester.email)} ([change ${code(p.changeId.slice(0, 8))}](${base}/changes/${p.changeId})).`, "");
  out.push("### Why", fenced(p.input.reason), "");
  out.push("### Request", ...requestLines(p.input).map((l) => `- ${l}`), "");
  out.push("### Terraform", ...p.summary.map((s) => `- ${s}`));
  out.push(...p.files.map((f) => `- ${f.before === null ? "new file" : "edits"} ${code(f.path)}`), "");
  if (p.notes.length > 0) out.push("### Notes for reviewers", ...p.notes.map((n) => `- ${n}`), "");
  out.push("### Who gains or loses access", ...deltaLines(p.delta, base, max));
  if (out.at(-1) !== "") out.push("");
  out.push("---", `Radius never writes to Vault: this pull request is the change. Review it here; CI applies it after the merge. Status and delta: ${base}/changes/${p.changeId}`);
  return out.join("\n") + "\n";
}

function requestLines(input: ChangeInput): string[] {
  switch (input.kind) {
    case "secret.create":
      return [`kind: ${code(input.kind)}`, `secret: ${code(`${input.cluster}:${input.mount}/${input.path}`)}`, `owner: ${code(input.ownerTeam)}, environment: ${code(input.environment)}, classification: ${code(input.classification)}, rotation: every ${input.rotationPeriodDays} days`, `description: ${code(input.description)}`, `readers: ${input.readers.length ? input.readers.map((r) => code(r)).join(", ") : "none"}`];
    case "access.grant":
      return [`kind: ${code(input.kind)}`, `identity: ${code(input.identityKey)}`, `secret: ${code(input.secretKey)}`, `access: ${code(input.access)}`];
    case "access.revoke":
      return [`kind: ${code(input.kind)}`, `identity: ${code(input.identityKey)}`, `secret: ${code(input.secretKey)}`, `from: ${code(input.origin)}`];
    case "rotation.update":
      return [`kind: ${code(input.kind)}`, `secret: ${code(input.secretKey)}`, `rotation: every ${input.rotationPeriodDays} days`];
    case "policy.codify":
      return [`kind: ${code(input.kind)}`, `policy: ${code(`${input.cluster}:${input.policyName}`)}`];
  }
}

function deltaLines(delta: AccessDelta, base: string, max: number): string[] {
  const lines: string[] = [];
  const cell = (text: string) => code(text, { table: true });
  const who = (key: string) => `[${cell(key)}](${base}${identityHref(key)})`;
  const secret = (key: string) => `[${cell(key)}](${base}${secretHref(key)})`;
  const via = (policy?: string, rule?: string) => (policy ? `${cell(policy)}${rule ? ` rule ${cell(rule)}` : ""}` : "");
  if (delta.gains.length + delta.losses.length + delta.newPaths.length === 0) {
    return ["Nobody gains or loses read or list access (evaluated with the portal's Vault ACL evaluator on the current inventory)."];
  }
  if (delta.gains.length > 0) {
    lines.push("**Gains**", "", "| identity | secret | capabilities | through |", "|---|---|---|---|");
    for (const g of delta.gains.slice(0, max)) lines.push(`| ${who(g.identityKey)} | ${secret(g.secretKey)} | ${g.capabilities.join(", ")} | ${via(g.policy, g.rule)} |`);
    lines.push(...more(delta.gains.length - max + (delta.truncated?.gains ?? 0)), "");
  }
  if (delta.losses.length > 0) {
    lines.push("**Loses**", "", "| identity | secret | capabilities | was through |", "|---|---|---|---|");
    for (const l of delta.losses.slice(0, max)) lines.push(`| ${who(l.identityKey)} | ${secret(l.secretKey)} | ${l.capabilities.join(", ")} | ${via(l.policy, l.rule)} |`);
    lines.push(...more(delta.losses.length - max + (delta.truncated?.losses ?? 0)), "");
  }
  if (delta.newPaths.length > 0) {
    lines.push("**Who can read the new secret**", "", "| identity | path | capabilities | through |", "|---|---|---|---|");
    for (const n of delta.newPaths.slice(0, max)) lines.push(`| ${who(n.identityKey)} | ${cell(n.dataPath)} | ${n.capabilities.join(", ")} | ${via(n.policy, n.rule)} |`);
    lines.push(...more(delta.newPaths.length - max + (delta.truncated?.newPaths ?? 0)), "");
  }
  return lines;
}

const more = (n: number): string[] => (n > 0 ? [`…and ${n} more: see the change in Radius.`] : []);
