/**
 * Backstage catalog files (`catalog-info.yaml`, multi-document): `kind: Component` entities with
 * owner, dependencies and the annotations used to find their workloads. Other kinds (System,
 * Resource, API, Group, Location) are ignored: Location targets are not followed, pass those files too.
 */
import type { SourceFile, SourceProblem } from "../types";
import { asArray, asRecord, asString, asStringMap, readYamlDocuments } from "../kubernetes/yaml-documents";
import { formatEntityRef, parseEntityRef } from "./entity-ref";

export interface CatalogComponent {
  /** "component:<namespace>/<name>", lower case. */
  ref: string;
  name: string;
  namespace: string;
  type: string | null;
  /** Full owner ref ("group:default/payments") and its name, used as the owner team. */
  owner: string | null;
  ownerTeam: string | null;
  system: string | null;
  /** Normalised refs of `spec.dependsOn` (kind defaults to component). */
  dependsOn: string[];
  /** Normalised refs of `spec.dependencyOf`: these depend on this component. */
  dependencyOf: string[];
  annotations: Record<string, string>;
  sourceFile: string;
  line: number;
}

export interface CatalogParseResult {
  components: CatalogComponent[];
  problems: SourceProblem[];
}

export function parseCatalog(files: readonly SourceFile[]): CatalogParseResult {
  const problems: SourceProblem[] = [];
  const components: CatalogComponent[] = [];
  const seen = new Set<string>();
  for (const file of files) {
    for (const doc of readYamlDocuments("catalog", file, problems)) {
      const entity = asRecord(doc.value);
      if (asString(entity.kind)?.toLowerCase() !== "component") continue;
      const metadata = asRecord(entity.metadata);
      const spec = asRecord(entity.spec);
      const name = asString(metadata.name);
      if (!name) {
        problems.push({ source: "catalog", file: file.file, line: doc.lineAt(["metadata"]), message: "Component without metadata.name skipped", severity: "warning" });
        continue;
      }
      const namespace = (asString(metadata.namespace) ?? "default").toLowerCase();
      const ref = formatEntityRef({ kind: "component", namespace, name: name.toLowerCase() });
      if (seen.has(ref)) {
        problems.push({ source: "catalog", file: file.file, line: doc.line, message: `${ref} is declared twice; this copy is ignored`, severity: "warning" });
        continue;
      }
      seen.add(ref);
      const refs = (field: "dependsOn" | "dependencyOf") => asArray(spec[field]).flatMap((v, i) => {
        const text = typeof v === "string" ? v : null;
        const parsed = text ? parseEntityRef(text, { kind: "component", namespace }) : null;
        if (!parsed) {
          problems.push({ source: "catalog", file: file.file, line: doc.lineAt(["spec", field, i]), message: `${ref}: invalid entity reference ${JSON.stringify(v)} in spec.${field}`, severity: "warning" });
          return [];
        }
        return [formatEntityRef(parsed)];
      });
      const ownerText = asString(spec.owner);
      const owner = ownerText ? parseEntityRef(ownerText, { kind: "group", namespace }) : null;
      components.push({
        ref, name, namespace, type: asString(spec.type),
        owner: owner ? formatEntityRef(owner) : null, ownerTeam: owner ? owner.name : null,
        system: asString(spec.system), dependsOn: refs("dependsOn"), dependencyOf: refs("dependencyOf"),
        annotations: asStringMap(metadata.annotations), sourceFile: file.file, line: doc.line,
      });
    }
  }
  return { components, problems };
}
