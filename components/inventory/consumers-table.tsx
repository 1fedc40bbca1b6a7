import { SortableTable, type Row } from "@/components/ui/data-table-client";
import { formatPropagation, formatSeconds } from "@/lib/inventory/format";
import type { ConsumerView } from "@/lib/inventory/secret-blast-radius-types";
import { identityHref, workloadHref } from "@/lib/inventory/urls";

const UNBOUNDED = Number.MAX_SAFE_INTEGER;

function rows(consumers: ConsumerView[]): Row[] {
  return consumers.map((c, i) => ({
    id: `${c.workload.key}#${i}`,
    cells: {
      workload: { text: c.workload.name, href: workloadHref(c.workload.key), sub: [c.workload.kind, c.workload.namespace].filter(Boolean).join(" · ") },
      mechanism: { text: c.mechanism, sub: c.refreshIntervalSeconds ? `refresh ${formatSeconds(c.refreshIntervalSeconds)}` : "default refresh" },
      reload: { text: c.reload, tone: c.reload === "restart" ? "amber" : undefined },
      identity: c.identity ? { text: `${c.identity.authMount}/${c.identity.roleName}`, href: identityHref(c.identity.key), mono: true } : { text: "—", tone: "slate" },
      manifest: c.manifest ? { text: `${c.manifest.file}${c.manifest.line ? `:${c.manifest.line}` : ""}`, mono: true, sub: c.secretRef } : { text: "—", sub: c.secretRef },
      propagation: {
        text: formatPropagation(c.propagationSeconds), sub: c.propagationExplanation,
        sort: c.propagationSeconds ?? UNBOUNDED, tone: c.propagationSeconds === null ? "amber" : undefined,
      },
    },
  }));
}

const COLUMNS = [
  { id: "workload", label: "Workload" },
  { id: "mechanism", label: "Mechanism" },
  { id: "reload", label: "Reload" },
  { id: "identity", label: "Authenticates as" },
  { id: "manifest", label: "Manifest" },
  { id: "propagation", label: "New value after" },
];

export function ConsumersTable({ consumers }: { consumers: ConsumerView[] }) {
  return <SortableTable columns={COLUMNS} rows={rows(consumers)} empty="No workload consumes this secret (no manifest or workflow references it)." testId="consumers-table" />;
}
