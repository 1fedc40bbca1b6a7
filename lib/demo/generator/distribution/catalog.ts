import { toYamlDocument } from "./yaml-emit";
import type { CompanyModel } from "../company";
import type { DemoFile } from "../types";

export const componentRef = (service: string): string => `component:default/${service}`;

/** Backstage catalog entries: the service dependency graph (spec.dependsOn). */
export function renderCatalog(company: CompanyModel): DemoFile[] {
  return company.services.map((s) => ({
    path: `catalog/${s.name}/catalog-info.yaml`,
    content: toYamlDocument({
      apiVersion: "backstage.io/v1alpha1", kind: "Component",
      metadata: { name: s.name, annotations: { "github.com/project-slug": s.repo } },
      spec: { type: "service", lifecycle: "production", owner: `group:default/${s.team}`, system: s.team, ...(s.dependsOn.length ? { dependsOn: s.dependsOn.map(componentRef) } : {}) },
    }),
  }));
}

/** Components that depend on `service`, directly or transitively (reverse closure of dependsOn). */
export function dependentsIndex(company: CompanyModel): (service: string) => string[] {
  const reverse = new Map<string, string[]>();
  for (const s of company.services) for (const d of s.dependsOn) reverse.set(d, [...(reverse.get(d) ?? []), s.name]);
  const memo = new Map<string, string[]>();
  const closure = (name: string): string[] => {
    const hit = memo.get(name);
    if (hit) return hit;
    const out = new Set<string>();
    for (const r of reverse.get(name) ?? []) { out.add(r); for (const x of closure(r)) out.add(x); }
    const list = [...out].sort();
    memo.set(name, list);
    return list;
  };
  return closure;
}
