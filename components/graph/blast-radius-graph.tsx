import { identityHref, secretHref, workloadHref } from "@/lib/inventory/urls";
import type { SecretBlastRadius } from "@/lib/inventory/secret-blast-radius-types";

// A readable, dependency-free graph: four columns (readers -> secret -> consumers -> dependents),
// nodes stacked per column, straight curves between them. Each column shows at most MAX nodes and
// says how many more there are; the tables below list everything.

const MAX = 10;
const COL_X = [0, 300, 560, 840];
const NODE_W = 220;
const NODE_H = 24;
const GAP = 8;
const TOP = 28;

interface Node { id: string; label: string; sub?: string; href: string; tone: "reader" | "secret" | "consumer" | "dependent" | "warn" }
const FILL: Record<Node["tone"], string> = { reader: "#eef4ff", secret: "#1e40af", consumer: "#ecfdf5", dependent: "#f8fafc", warn: "#fffbeb" };
const STROKE: Record<Node["tone"], string> = { reader: "#93b4fb", secret: "#1e40af", consumer: "#6ee7b7", dependent: "#cbd5e1", warn: "#f59e0b" };

const truncate = (s: string, n = 30) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);
const y = (i: number) => TOP + i * (NODE_H + GAP);

function column(nodes: Node[], more: number, col: number) {
  return (
    <g>
      {nodes.map((n, i) => (
        <a key={n.id} href={n.href} aria-label={n.label}>
          <title>{n.sub ? `${n.label} (${n.sub})` : n.label}</title>
          <rect x={COL_X[col]} y={y(i)} width={NODE_W} height={NODE_H} rx={5} fill={FILL[n.tone]} stroke={STROKE[n.tone]} />
          <text x={COL_X[col]! + 8} y={y(i) + 16} fontSize={11.5} fill={n.tone === "secret" ? "#ffffff" : "#0f172a"} fontFamily="ui-monospace, monospace">{truncate(n.label)}</text>
        </a>
      ))}
      {more > 0 ? <text x={COL_X[col]! + 8} y={y(nodes.length) + 16} fontSize={11} fill="#64748b">+{more} more (see the tables)</text> : null}
    </g>
  );
}

function curve(x1: number, y1: number, x2: number, y2: number, key: string, dashed = false) {
  const mid = (x1 + x2) / 2;
  return <path key={key} d={`M${x1},${y1} C${mid},${y1} ${mid},${y2} ${x2},${y2}`} fill="none" stroke={dashed ? "#f59e0b" : "#94a3b8"} strokeWidth={1.2} strokeDasharray={dashed ? "4 3" : undefined} />;
}

export function BlastRadiusGraph({ radius }: { radius: SecretBlastRadius }) {
  const readers: Node[] = [...radius.privileged, ...radius.readers].slice(0, MAX).map((r) => ({
    id: r.identity.key, label: r.identity.displayName ?? `${r.identity.authMount}/${r.identity.roleName}`, sub: r.category, href: identityHref(r.identity.key), tone: "reader",
  }));
  const breaking = new Set(radius.whatBreaks.consumers.map((c) => c.workload.key));
  const consumers: Node[] = [...new Map(radius.consumers.map((c) => [c.workload.key, c])).values()].slice(0, MAX).map((c) => ({
    id: c.workload.key, label: c.workload.name, sub: `${c.mechanism}, ${c.reload}`, href: workloadHref(c.workload.key), tone: breaking.has(c.workload.key) ? "warn" : "consumer",
  }));
  const dependents: Node[] = radius.dependents.slice(0, MAX).map((d) => ({
    id: d.workload.key, label: d.workload.name, sub: `depth ${d.depth}`, href: workloadHref(d.workload.key), tone: d.breaksNow ? "warn" : "dependent",
  }));
  const readerTotal = radius.readers.length + radius.privileged.length;
  const consumerTotal = new Set(radius.consumers.map((c) => c.workload.key)).size;
  const rows = Math.max(readers.length + (readerTotal > MAX ? 1 : 0), consumers.length + 1, dependents.length + 1, 1);
  const height = y(rows) + 8;
  const secretY = y(Math.max(0, Math.floor((Math.max(readers.length, consumers.length) - 1) / 2)));
  const consumerIndex = new Map(consumers.map((c, i) => [c.id, i]));
  const s = radius.secret;
  return (
    <figure className="overflow-x-auto" data-testid="blast-radius-graph">
      <svg viewBox={`0 0 ${COL_X[3]! + NODE_W + 4} ${height}`} width="100%" style={{ minWidth: 900, maxHeight: 420 }} role="img"
        aria-label={`Blast radius of ${s.key}: ${readerTotal} readers, ${consumerTotal} consumers, ${radius.dependents.length} dependents`}>
        {["Readers", "Secret", "Consumers", "Dependents"].map((h, i) => (
          <text key={h} x={COL_X[i]} y={14} fontSize={11} fontWeight={600} fill="#64748b" letterSpacing="0.05em">{h.toUpperCase()}</text>
        ))}
        {readers.map((r, i) => curve(COL_X[0]! + NODE_W, y(i) + NODE_H / 2, COL_X[1]!, secretY + NODE_H / 2, `r${i}`))}
        {consumers.map((c, i) => curve(COL_X[1]! + NODE_W - 40, secretY + NODE_H / 2, COL_X[2]!, y(i) + NODE_H / 2, `c${i}`, c.tone === "warn"))}
        {radius.dependents.slice(0, MAX).map((d, i) => {
          const parent = d.path[d.path.length - 2]?.key;
          const from = parent !== undefined ? consumerIndex.get(parent) : undefined;
          return from === undefined ? null : curve(COL_X[2]! + NODE_W, y(from) + NODE_H / 2, COL_X[3]!, y(i) + NODE_H / 2, `d${i}`, d.breaksNow);
        })}
        {column(readers, readerTotal - readers.length, 0)}
        <a href={secretHref(s.key)}>
          <rect x={COL_X[1]} y={secretY} width={NODE_W - 40} height={NODE_H} rx={5} fill={FILL.secret} />
          <text x={COL_X[1]! + 8} y={secretY + 16} fontSize={11.5} fill="#fff" fontFamily="ui-monospace, monospace">{truncate(s.path.split("/").pop() ?? s.path, 24)}</text>
        </a>
        {column(consumers, consumerTotal - consumers.length, 2)}
        {column(dependents, radius.dependents.length - dependents.length, 3)}
      </svg>
      <figcaption className="mt-1 text-xs text-slate-500">Amber, dashed: keeps the old value until a restart, resync or next run if rotated now. Click a node to open it.</figcaption>
    </figure>
  );
}
