import { SortableTable, type Row } from "@/components/ui/data-table-client";
import type { DependentView } from "@/lib/inventory/secret-blast-radius-types";
import { workloadHref } from "@/lib/inventory/urls";

function rows(dependents: DependentView[]): Row[] {
  return dependents.map((d) => ({
    id: d.workload.key,
    cells: {
      workload: { text: d.workload.name, href: workloadHref(d.workload.key), sub: d.workload.ownerTeam ?? undefined },
      depth: { text: String(d.depth), sort: d.depth },
      path: { text: d.path.map((p) => p.name).join(" → "), chain: d.path.map((p) => ({ text: p.name, href: workloadHref(p.key) })) },
      now: d.breaksNow ? { text: "breaks until restart/resync", tone: "amber" } : { text: "recovers on refresh", tone: "slate" },
    },
  }));
}

const COLUMNS = [
  { id: "workload", label: "Dependent" },
  { id: "depth", label: "Hops", align: "right" as const },
  { id: "path", label: "Chain (consumer → … → dependent)" },
  { id: "now", label: "If rotated now" },
];

export function DependentsTable({ dependents, empty }: { dependents: DependentView[]; empty: string }) {
  return <SortableTable columns={COLUMNS} rows={rows(dependents)} empty={empty} testId="dependents-table" />;
}
