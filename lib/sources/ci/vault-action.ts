/**
 * hashicorp/vault-action steps (https://github.com/hashicorp/vault-action): `with.method` (default
 * "token"), `with.role`, `with.path` (auth mount, default = the method's name), `with.secrets`.
 * Secrets are fetched when the step runs: refresh at every job start (0), reload per run.
 * method jwt = GitHub OIDC (mechanism ci-oidc, needs `permissions: id-token: write`); any other
 * method logs in with a stored credential (mechanism direct, noted).
 */
import type { ParsedConsumption, SourceProblem } from "../types";
import type { YamlDocument, YamlPath } from "../kubernetes/yaml-documents";
import { asRecord, asString } from "../kubernetes/yaml-documents";
import { isLeasedPath, normalizeAuthMount, normalizeVaultPath } from "../kubernetes/vault-paths";
import { parseVaultActionSecrets } from "./vault-action-secrets";

export interface VaultActionStep {
  doc: YamlDocument;
  workflow: Record<string, unknown>;
  job: Record<string, unknown>;
  jobId: string;
  stepPath: YamlPath;
  step: Record<string, unknown>;
  workloadKey: string;
  problems: SourceProblem[];
}

export function vaultActionConsumptions(s: VaultActionStep): ParsedConsumption[] {
  const input = asRecord(s.step.with);
  const method = (asString(input.method) ?? "token").toLowerCase();
  const warn = (at: YamlPath | number, message: string) =>
    s.problems.push({ source: "ci", file: s.doc.file, line: typeof at === "number" ? at : s.doc.lineAt(at), message: `${s.workloadKey}: ${message}`, severity: "warning" });
  const secretsText = asString(input.secrets);
  const secretsPath: YamlPath = [...s.stepPath, "with", "secrets"];
  if (!secretsText) return [];
  if (method === "jwt" && !canMintIdToken(s.job, s.workflow)) {
    warn([...s.stepPath, "with", "method"], "vault-action uses method jwt but the job lacks `permissions: id-token: write`");
  }
  const authMount = method === "token" ? null : normalizeAuthMount(asString(input.path) ?? method);
  const identity = { authMount, role: asString(input.role), serviceAccount: null, namespace: null };
  const mechanism = method === "jwt" ? "ci-oidc" : "direct";
  const notes = ["fetched when the job starts; the next run gets the new value"];
  if (mechanism === "direct") notes.push(`vault-action method "${method}" logs in with a stored credential, not OIDC`);
  // Block scalars start on the line after `secrets: |`; the offset maps entries to file lines.
  const blockLine = s.doc.lineAt(secretsPath);
  const firstLine = /\n/.test(secretsText) ? blockLine + 1 : blockLine;
  const parsed = parseVaultActionSecrets(secretsText);
  for (const bad of parsed.invalid) warn(firstLine + bad.lineOffset, `secret entry ${JSON.stringify(bad.text.slice(0, 80))} is not "<path> <key> [| NAME]"`);
  const byPath = new Map<string, ParsedConsumption>();
  for (const entry of parsed.secrets) {
    if (entry.path.includes("${{")) { warn(firstLine + entry.lineOffset, `secret path ${entry.path} is computed at run time; not listed`); continue; }
    const vaultPath = normalizeVaultPath(entry.path);
    const prior = byPath.get(vaultPath);
    if (prior) { if (!prior.keys.includes(entry.key)) prior.keys.push(entry.key); continue; }
    byPath.set(vaultPath, {
      workloadKey: s.workloadKey, vaultPath, keys: [entry.key], mechanism,
      refreshIntervalSeconds: 0, refreshTrigger: "job-start", syncDelaySeconds: 0,
      leased: isLeasedPath(vaultPath), leaseTtlSeconds: null, reload: "per-run", delivery: "env", identity,
      via: `hashicorp/vault-action in job ${s.jobId}`, notes, sourceFile: s.doc.file, line: firstLine + entry.lineOffset,
    });
  }
  return [...byPath.values()];
}

/** Job-level `permissions` replace workflow-level ones; the default token has no id-token scope. */
function canMintIdToken(job: Record<string, unknown>, workflow: Record<string, unknown>): boolean {
  const permissions = job.permissions !== undefined ? job.permissions : workflow.permissions;
  if (permissions === "write-all") return true;
  return asRecord(permissions)["id-token"] === "write";
}
