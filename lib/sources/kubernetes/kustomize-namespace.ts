/**
 * Kustomize overlays usually set the namespace once in kustomization.yaml instead of in every
 * manifest; without it most objects of such a repository would have no namespace. We honour the
 * nearest kustomization's top-level `namespace` for files in its folder and below (not its
 * `resources:` graph: a good-enough approximation that needs no path resolution).
 */
import { parseDocument } from "yaml";
import type { SourceFile } from "../types";
import { asRecord, asString } from "./yaml-documents";

const KUSTOMIZATION = /(^|\/)kustomization\.ya?ml$/;

export function readKustomizeNamespaces(files: readonly SourceFile[]): Map<string, string> {
  const byDir = new Map<string, string>();
  for (const f of files) {
    if (!KUSTOMIZATION.test(f.file)) continue;
    try {
      const namespace = asString(asRecord(parseDocument(f.text).toJS({ maxAliasCount: 100 })).namespace);
      if (namespace) byDir.set(dirOf(f.file), namespace);
    } catch {
      // reported by the main pass over the same file
    }
  }
  return byDir;
}

export function kustomizeNamespaceFor(file: string, byDir: Map<string, string>): string | null {
  if (byDir.size === 0) return null;
  for (let dir = dirOf(file); ; dir = dirOf(dir)) {
    const ns = byDir.get(dir);
    if (ns) return ns;
    if (dir === "") return null;
  }
}

function dirOf(file: string): string {
  const i = file.lastIndexOf("/");
  return i < 0 ? "" : file.slice(0, i);
}
