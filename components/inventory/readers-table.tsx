import { SortableTable, type Row } from "@/components/ui/data-table-client";
import type { ReaderView } from "@/lib/inventory/secret-blast-radius-types";
import { identityHref, policyHref } from "@/lib/inventory/urls";

const CATEGORY = { human: "human group", ci: "CI", workload: "workload", other: "other" } as const;

/** Rows with the why-chain: identity -> (group ->) policy -> rule path (line) -> capabilities. */
function readerRows(readers: ReaderView[]): Row[] {
  return readers.map((r) => ({
    id: r.identity.key,
    cells: {
      identity: { text: r.identity.displayName ?? `${r.identity.authMount}/${r.identity.roleName}`, href: identityHref(r.identity.key), sub: r.identity.key },
      kind: { text: CATEGORY[r.category], sub: r.identity.kind },
      why: {
        text: r.why.map((w) => w.policy.name).join(", "),
        chain: r.why.flatMap((w, i) => [
          ...(i > 0 ? [{ text: "|" }] : []),
          ...(w.viaGroup ? [{ text: `group ${w.viaGroup.roleName}`, href: identityHref(w.viaGroup.key) }] : []),
          { text: w.policy.name + (w.otherPolicies.length ? ` (+${w.otherPolicies.join(", ")})` : ""), href: policyHref(w.policy.cluster, w.policy.name) },
          { text: `${w.rulePath}${w.ruleLine ? ` (line ${w.ruleLine})` : ""}`, mono: true },
          { text: w.capabilities.join(", ") },
        ]),
      },
      lastRead: r.lastReadAt ? { text: r.lastReadAt.slice(0, 10), sub: `${r.reads90d ?? 0} reads / 90 d` } : { text: "no reads seen", tone: "slate", sort: "" },
    },
  }));
}

const COLUMNS = [
  { id: "identity", label: "Identity" },
  { id: "kind", label: "Kind" },
  { id: "why", label: "Why: (group →) policy → rule → capabilities" },
  { id: "lastRead", label: "Last read" },
];

/** `revokeFrom`: the secret's key, to offer "Revoke…" (a revocation request) per reader (a Terraform PR, never a Vault write). */
export function ReadersTable({ readers, empty, testId, revokeFrom }: { readers: ReaderView[]; empty: string; testId: string; revokeFrom?: string }) {
  if (!revokeFrom) return <SortableTable columns={COLUMNS} rows={readerRows(readers)} empty={empty} testId={testId} />;
  const rows = readerRows(readers).map((row) => ({
    ...row,
    cells: { ...row.cells, change: { text: "Revoke…", href: `/changes/new?${new URLSearchParams({ kind: "access.revoke", origin: "secret", secretKey: revokeFrom, identityKey: row.id })}`, sort: "" } },
  }));
  return <SortableTable columns={[...COLUMNS, { id: "change", label: "Change" }]} rows={rows} empty={empty} testId={testId} />;
}
