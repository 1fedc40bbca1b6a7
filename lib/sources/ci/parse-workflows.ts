/**
 * GitHub Actions workflows -> CI job workloads, Vault consumption edges (hashicorp/vault-action),
 * static secret references and unpinned actions. Pure, never throws.
 */
import type { ParsedConsumption, ParsedWorkload, SourceFile, SourceProblem, StaticSecretReference, UnpinnedAction } from "../types";
import { asArray, asRecord, asString, readYamlDocuments, type YamlDocument, type YamlPath } from "../kubernetes/yaml-documents";
import { isPinnedAction } from "./action-pinning";
import { secretNamesIn } from "./static-secrets";
import { vaultActionConsumptions } from "./vault-action";
import { ciWorkloadKey, locateWorkflow, type WorkflowLocation } from "./workflow-location";

export interface CiParseOptions {
  /** Repository of workflows found directly under `.github/workflows/` at the root. */
  defaultRepo?: string;
  /** Owner (GitHub org) for repositories laid out as one folder: "payments-api" -> "<owner>/payments-api". */
  defaultOwner?: string;
}

export interface CiParseResult {
  workloads: ParsedWorkload[];
  consumptions: ParsedConsumption[];
  staticSecrets: StaticSecretReference[];
  unpinnedActions: UnpinnedAction[];
  problems: SourceProblem[];
}

export function parseWorkflows(files: readonly SourceFile[], options: CiParseOptions = {}): CiParseResult {
  const result: CiParseResult = { workloads: [], consumptions: [], staticSecrets: [], unpinnedActions: [], problems: [] };
  for (const file of files) {
    const location = locateWorkflow(file.file, options.defaultRepo, options.defaultOwner);
    for (const doc of readYamlDocuments("ci", file, result.problems)) {
      try {
        readWorkflow(doc, location, result);
      } catch (error) {
        result.problems.push({ source: "ci", file: file.file, line: doc.line, message: `internal error while reading the workflow (${String(error)})`, severity: "error" });
      }
    }
  }
  return result;
}

function readWorkflow(doc: YamlDocument, location: WorkflowLocation, result: CiParseResult): void {
  const workflow = asRecord(doc.value);
  const jobs = asRecord(workflow.jobs);
  if (Object.keys(jobs).length === 0) {
    result.problems.push({ source: "ci", file: doc.file, line: doc.line, message: "not a GitHub Actions workflow (no jobs)", severity: "warning" });
    return;
  }
  // Workflow-level env reaches every job; collect its references once and attribute them per job.
  const workflowRefs = stringsWithPaths(workflow.env, ["env"]).flatMap(({ text, path }) => secretNamesIn(text).map((name) => ({ name, line: doc.lineAt(path) })));
  for (const [jobId, jobValue] of Object.entries(jobs)) {
    const job = asRecord(jobValue);
    const key = ciWorkloadKey(location, jobId);
    result.workloads.push({
      key, kind: "ci-job", name: jobId, namespace: null, ownerTeam: null, serviceAccount: null,
      reload: { appReload: "per-run", appReloadVia: null, reloaderWatches: null }, labels: {},
      sourceFile: doc.file, line: doc.lineAt(["jobs", jobId]),
    });
    const base = { repo: location.repo, workflowFile: location.workflowFile, job: jobId };
    const seen = new Set<string>();
    const refs = [...workflowRefs, ...stringsWithPaths(job, ["jobs", jobId]).flatMap(({ text, path }) =>
      secretNamesIn(text, path[path.length - 1] === "if").map((name) => ({ name, line: doc.lineAt(path) })))];
    for (const ref of refs) {
      if (seen.has(`${ref.name}@${ref.line}`)) continue;
      seen.add(`${ref.name}@${ref.line}`);
      result.staticSecrets.push({ ...base, ...ref });
    }
    const jobUses = asString(job.uses);
    if (jobUses && !isPinnedAction(jobUses)) result.unpinnedActions.push({ ...base, uses: jobUses, line: doc.lineAt(["jobs", jobId, "uses"]) });
    asArray(job.steps).forEach((s, i) => {
      const uses = asString(asRecord(s).uses);
      if (!uses) return;
      const path: YamlPath = ["jobs", jobId, "steps", i];
      if (!isPinnedAction(uses)) result.unpinnedActions.push({ ...base, uses, line: doc.lineAt([...path, "uses"]) });
      if (/^hashicorp\/vault-action@/i.test(uses.trim())) {
        result.consumptions.push(...vaultActionConsumptions({ doc, workflow, job, jobId, stepPath: path, step: asRecord(s), workloadKey: key, problems: result.problems }));
      }
    });
  }
}

/** Every string in a YAML value with its path (for line numbers). */
function stringsWithPaths(value: unknown, path: YamlPath, out: { text: string; path: YamlPath }[] = []): { text: string; path: YamlPath }[] {
  if (typeof value === "string") out.push({ text: value, path });
  else if (Array.isArray(value)) value.forEach((v, i) => stringsWithPaths(v, [...path, i], out));
  else if (value && typeof value === "object") for (const [k, v] of Object.entries(value)) stringsWithPaths(v, [...path, k], out);
  return out;
}
