import Link from "next/link";
import { DataTable, DataTableEmpty, type HeaderCell } from "@/components/ui/data-table";
import { DataTablePagination } from "@/components/ui/data-table-pagination";
import { SECRET_DEFAULT_DIR_PUBLIC } from "@/lib/inventory/list-defaults";
import type { SecretListParams, SecretSort } from "@/lib/inventory/schemas";
import type { SecretList } from "@/lib/inventory/types";
import { secretHref, withParams } from "@/lib/inventory/urls";
import { PropagationLabel } from "./propagation-label";
import { ScoreBadge } from "./score-badge";

type Current = Record<string, string | number | undefined>;

export function currentSecretParams(p: SecretListParams): Current {
  return { q: p.q, mount: p.mount, environment: p.environment, team: p.team, engine: p.engine, classification: p.classification, minScore: p.minScore, sort: p.sort, dir: p.dir, pageSize: p.pageSize === 50 ? undefined : p.pageSize, page: p.page };
}

function header(label: string, sort: SecretSort, p: SecretListParams, align?: "right"): HeaderCell {
  const active = p.sort === sort;
  const dir = p.dir ?? SECRET_DEFAULT_DIR_PUBLIC[sort];
  const nextDir = active ? (dir === "asc" ? "desc" : "asc") : SECRET_DEFAULT_DIR_PUBLIC[sort];
  return { label, align, sorted: active ? dir : undefined, sortHref: withParams("/secrets", currentSecretParams(p), { sort, dir: nextDir }) };
}

const fmtDate = (iso: string | null) => (iso ? iso.slice(0, 10) : "never");

export function SecretsTable({ list, params }: { list: SecretList; params: SecretListParams }) {
  const head: HeaderCell[] = [
    header("Secret", "path", params),
    { label: "Env" },
    { label: "Team" },
    header("Score", "score", params, "right"),
    header("Readers", "readers", params, "right"),
    header("Consumers", "consumers", params, "right"),
    { label: "Dependents", align: "right" },
    header("Propagation", "propagation", params),
    header("Rotated", "rotated", params),
  ];
  return (
    <>
      <DataTable head={head} testId="secrets-table" empty={list.rows.length === 0 ? <DataTableEmpty>No secret matches these filters.</DataTableEmpty> : null}>
        {list.rows.map((s) => (
          <tr key={s.key} className="hover:bg-slate-50">
            <td className="max-w-xl py-1.5 pr-4">
              <Link href={secretHref(s.key)} className="font-mono text-xs text-brand-700 hover:underline">{s.mount}/{s.path}</Link>
              <div className="text-xs text-slate-500">{s.cluster} · {s.engineKind}{s.classification ? ` · ${s.classification}` : ""}</div>
            </td>
            <td className="py-1.5 pr-4">{s.environment ?? "—"}</td>
            <td className="whitespace-nowrap py-1.5 pr-4">{s.ownerTeam ?? "—"}</td>
            <td className="py-1.5 pr-4 text-right"><ScoreBadge score={s.exposureScore} /></td>
            <td className="py-1.5 pr-4 text-right tabular-nums">{s.readerCount}{s.listOnlyCount ? <span className="text-xs text-slate-400"> +{s.listOnlyCount} list</span> : null}</td>
            <td className="py-1.5 pr-4 text-right tabular-nums">{s.consumerCount}</td>
            <td className="py-1.5 pr-4 text-right tabular-nums">{s.dependentCount}</td>
            <td className="py-1.5 pr-4">{s.consumerCount === 0 ? <span className="text-slate-400">no consumers</span> : <PropagationLabel seconds={s.propagationSeconds} />}</td>
            <td className="py-1.5 pr-4 text-xs tabular-nums text-slate-600">{fmtDate(s.lastRotatedAt)}</td>
          </tr>
        ))}
      </DataTable>
      <DataTablePagination page={list.page} pageSize={list.pageSize} total={list.total} totalCapped={list.totalCapped} rowsOnPage={list.rows.length}
        hrefForPage={(page) => withParams("/secrets", currentSecretParams(params), { page })} />
    </>
  );
}
