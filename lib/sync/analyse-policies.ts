/**
 * Parses every policy once (lib/policy, Vault's own HCL grammar): the live ones feed grant
 * materialisation, all of them are stored with their rules or parse error. A policy Vault would
 * reject is a problem with its line and column, never a failed sync.
 */
import { parsePolicy, PolicyParseError, type ParsedPolicy } from "@/lib/policy";
import type { PolicyRecord, SyncProblem } from "./snapshot-data";

export interface PolicyAnalysis {
  rules: ParsedPolicy["rules"];
  parseError: string | null;
  templated: boolean;
}

export interface AnalysedPolicies {
  /** Parallel to the input records. */
  analyses: PolicyAnalysis[];
  /** Live policies that parsed, keyed "<cluster>:<name>" (materialiseGrants' input). */
  live: Map<string, ParsedPolicy>;
  problems: SyncProblem[];
}

export async function analysePolicies(records: readonly PolicyRecord[]): Promise<AnalysedPolicies> {
  const out: AnalysedPolicies = { analyses: [], live: new Map(), problems: [] };
  for (const record of records) {
    const where = record.origin === "live"
      ? { source: "vault" as const, location: `${record.cluster} policy ${record.name}` }
      : { source: "terraform" as const, location: record.file ?? `vault_policy ${record.name}` };
    if (record.origin === "terraform" && record.rawHcl === "") {
      out.analyses.push({ rules: [], parseError: "the policy text could not be resolved from Terraform", templated: false });
      continue;
    }
    try {
      const parsed = await parsePolicy(record.name, record.rawHcl);
      for (const e of parsed.errors) {
        out.problems.push({ ...where, line: e.line ?? undefined, column: e.column ?? undefined, message: `policy ${record.name}: ${e.detail}`, severity: "warning" });
      }
      out.analyses.push({ rules: parsed.rules, parseError: parsed.errors.length > 0 ? parsed.errors.map((e) => e.message).join("; ") : null, templated: parsed.templated });
      if (record.origin === "live") out.live.set(`${record.cluster}:${record.name}`, parsed);
    } catch (error) {
      const e = error instanceof PolicyParseError ? error : null;
      const message = e ? e.detail : String(error);
      out.problems.push({ ...where, line: e?.line ?? undefined, column: e?.column ?? undefined, message: `policy ${record.name} does not parse: ${message}`, severity: "error" });
      out.analyses.push({ rules: [], parseError: e?.message ?? message, templated: false });
    }
  }
  return out;
}
