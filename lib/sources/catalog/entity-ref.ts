/**
 * Backstage entity references (https://backstage.io/docs/features/software-catalog/references):
 * `[<kind>:][<namespace>/]<name>`; kind and namespace default from context (for `spec.owner` the kind
 * is group; the namespace is the referring entity's). Compared case-insensitively, as Backstage does.
 */
export interface EntityRef {
  kind: string;
  namespace: string;
  name: string;
}

const REF = /^(?:([^:/]+):)?(?:([^:/]+)\/)?([^:/]+)$/;

export function parseEntityRef(ref: string, defaults: { kind: string; namespace: string }): EntityRef | null {
  const m = REF.exec(ref.trim());
  if (!m) return null;
  return { kind: (m[1] ?? defaults.kind).toLowerCase(), namespace: (m[2] ?? defaults.namespace).toLowerCase(), name: (m[3] as string).toLowerCase() };
}

export const formatEntityRef = (r: EntityRef): string => `${r.kind}:${r.namespace}/${r.name}`;
