/**
 * The distribution plane and Terraform: reads the configured folders and the Terraform repo's
 * base branch, and runs the (finished, pure) parsers of lib/sources over them. A source that is
 * configured but cannot be read is reported as `unreadable` (the run becomes "partial"); a file
 * that cannot be parsed is a problem with file and line, and the sync goes on.
 */
import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import { mapCatalogToWorkloads, parseCatalog } from "@/lib/sources/catalog";
import { parseWorkflows } from "@/lib/sources/ci";
import { clusterFromFirstFolder, parseKubernetesManifests, readSourceFiles } from "@/lib/sources/kubernetes";
import { applyLeaseTtls, parseTerraform, type VaultTerraformConfig } from "@/lib/sources/terraform";
import type { ParsedConsumption, ParsedDependency, ParsedWorkload, SourceFile } from "@/lib/sources/types";
import { readGitTree } from "./git-tree";
import { errorMessage, fromSourceProblem } from "./problems";
import type { SyncProblem } from "./snapshot-data";
import type { SyncConfig } from "./sync-config";
import type { SyncPhase } from "./types";
import { append } from "./append";

const YAML = [".yaml", ".yml"] as const;
// .hcl/.json/.tpl: policy texts read through file("...") from the .tf files.
const TERRAFORM = [".tf", ".tf.json", ".hcl", ".json", ".tpl"] as const;

export interface DistributionSources {
  workloads: ParsedWorkload[];
  consumptions: ParsedConsumption[];
  dependencies: ParsedDependency[];
  terraform: { vault: VaultTerraformConfig; commit: string } | null;
  problems: SyncProblem[];
  /** Configured sources that could not be read at all: "terraform: <why>". */
  unreadable: string[];
}

export async function readDistributionSources(config: SyncConfig, onPhase: (phase: SyncPhase) => Promise<void>): Promise<DistributionSources> {
  const out: DistributionSources = { workloads: [], consumptions: [], dependencies: [], terraform: null, problems: [], unreadable: [] };
  const attempt = async <T>(label: string, read: () => Promise<T>): Promise<T | null> => {
    try {
      return await read();
    } catch (error) {
      out.unreadable.push(`${label}: ${errorMessage(error)}`);
      out.problems.push({ source: label as SyncProblem["source"], location: "", message: `cannot read the ${label} source: ${errorMessage(error)}`, severity: "error" });
      return null;
    }
  };

  await onPhase("terraform");
  const tf = config.terraform;
  if (tf) {
    const tree = await attempt("terraform", () => readGitTree(tf.repo, tf.branch, tf.dir, TERRAFORM));
    if (tree) {
      const parsed = await parseTerraform(tree.files);
      append(out.problems, parsed.problems.map(fromSourceProblem));
      out.terraform = { vault: parsed.vault, commit: tree.commit };
    }
  }

  await onPhase("manifests");
  if (config.manifestsDir) {
    const dir = config.manifestsDir;
    const files = await attempt("kubernetes", () => readSourceFiles(dir, YAML));
    if (files) {
      // One folder per Kubernetes cluster: keys become k8s:<k8s-cluster>/<ns>/<kind>/<name>.
      const k8s = parseKubernetesManifests(files, { clusterOf: clusterFromFirstFolder });
      append(out.workloads, k8s.workloads);
      append(out.consumptions, k8s.consumptions);
      append(out.problems, k8s.problems.map(fromSourceProblem));
    }
  }

  await onPhase("workflows");
  if (config.workflowsDir) {
    const dir = config.workflowsDir;
    const files = await attempt("ci", () => readSourceFiles(dir, YAML));
    if (files) {
      const ci = parseWorkflows(files, { defaultOwner: config.ciOwner });
      append(out.workloads, ci.workloads);
      append(out.consumptions, ci.consumptions);
      append(out.problems, ci.problems.map(fromSourceProblem));
    }
  }

  await onPhase("catalog");
  if (config.catalogPath) {
    const target = config.catalogPath;
    const files = await attempt("catalog", () => readCatalogFiles(target));
    if (files) {
      const catalog = parseCatalog(files);
      const mapping = mapCatalogToWorkloads(catalog.components, out.workloads);
      out.workloads = mapping.workloads;
      out.dependencies = mapping.dependencies;
      append(out.problems, catalog.problems.map(fromSourceProblem));
      append(out.problems, mapping.problems.map(fromSourceProblem));
    }
  }

  if (out.terraform) out.consumptions = applyLeaseTtls(out.consumptions, out.terraform.vault.secretRoles);
  return out;
}

/** CATALOG_PATH may name one catalog-info.yaml or a folder of them. */
async function readCatalogFiles(target: string): Promise<SourceFile[]> {
  if ((await stat(target)).isDirectory()) return readSourceFiles(target, YAML);
  return [{ file: path.basename(target), text: await readFile(target, "utf8") }];
}
