/**
 * Turns YAML documents into Kubernetes objects with their effective namespace and a line lookup.
 * `kind: List` (kubectl get -o yaml) is flattened. Documents without apiVersion/kind (Helm values,
 * docker-compose, ...) are not Kubernetes objects and are ignored without a problem.
 */
import type { SourceFile, SourceProblem } from "../types";
import { asRecord, asString, asStringMap, readYamlDocuments, type YamlDocument, type YamlPath } from "./yaml-documents";
import { kustomizeNamespaceFor, readKustomizeNamespaces } from "./kustomize-namespace";

export interface K8sObject {
  apiVersion: string;
  kind: string;
  name: string;
  /** Cluster of the file (option clusterOf), "" when unknown: namespaced lookups never cross clusters. */
  cluster: string;
  /** metadata.namespace, else the nearest kustomization.yaml `namespace`, else null. */
  namespace: string | null;
  labels: Record<string, string>;
  annotations: Record<string, string>;
  body: Record<string, unknown>;
  file: string;
  line: number;
  lineAt(path: YamlPath): number;
}

export function collectK8sObjects(files: readonly SourceFile[], problems: SourceProblem[], clusterOf?: (file: string) => string | null): K8sObject[] {
  const kustomize = readKustomizeNamespaces(files);
  const out: K8sObject[] = [];
  for (const file of files) {
    const cluster = clusterOf?.(file.file) ?? "";
    for (const doc of readYamlDocuments("kubernetes", file, problems)) {
      const root = asRecord(doc.value);
      if (root.kind === "List" && Array.isArray(root.items)) {
        root.items.forEach((item, i) => addObject(out, doc, cluster, ["items", i], item, kustomize, problems));
      } else {
        addObject(out, doc, cluster, [], doc.value, kustomize, problems);
      }
    }
  }
  return out;
}

function addObject(out: K8sObject[], doc: YamlDocument, cluster: string, base: YamlPath, value: unknown, kustomize: Map<string, string>, problems: SourceProblem[]): void {
  const body = asRecord(value);
  const kind = asString(body.kind);
  const apiVersion = asString(body.apiVersion);
  if (!kind || !apiVersion || kind === "Kustomization") return;
  const metadata = asRecord(body.metadata);
  const name = asString(metadata.name);
  const lineAt = (path: YamlPath) => doc.lineAt([...base, ...path]);
  if (!name) {
    problems.push({ source: "kubernetes", file: doc.file, line: lineAt(["metadata"]), message: `${kind} without metadata.name skipped`, severity: "warning" });
    return;
  }
  out.push({
    apiVersion, kind, name, cluster,
    namespace: asString(metadata.namespace) ?? kustomizeNamespaceFor(doc.file, kustomize),
    labels: asStringMap(metadata.labels),
    annotations: asStringMap(metadata.annotations),
    body, file: doc.file, line: lineAt([]), lineAt,
  });
}
