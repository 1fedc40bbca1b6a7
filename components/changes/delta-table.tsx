import Link from "next/link";
import type { AccessDelta } from "@/lib/changes/schemas";

const secretHref = (key: string) => `/secrets/${key.split("/").map(encodeURIComponent).join("/")}`;
const identityHref = (key: string) => `/identities/${key.split("/").map(encodeURIComponent).join("/")}`;

/** Who gains and who loses access with this change, as the portal's own ACL evaluator says. */
export function DeltaTable({ delta }: { delta: AccessDelta }) {
  const rows = [
    ...delta.gains.map((g) => ({ change: "gains", identity: g.identityKey, target: g.secretKey, link: true, caps: g.capabilities, via: `${g.policy} → ${g.rule}` })),
    ...delta.newPaths.map((g) => ({ change: "gains", identity: g.identityKey, target: g.dataPath, link: false, caps: g.capabilities, via: "new path" })),
    ...delta.losses.map((l) => ({ change: "loses", identity: l.identityKey, target: l.secretKey, link: true, caps: l.capabilities, via: "" })),
  ];
  if (rows.length === 0) return <p className="text-sm text-slate-500" data-testid="delta-empty">Nobody gains or loses read or list access.</p>;
  return (
    <table className="w-full text-sm" data-testid="delta">
      <thead className="text-left text-xs uppercase tracking-wide text-slate-500">
        <tr><th className="py-1 pr-3">Change</th><th className="pr-3">Identity</th><th className="pr-3">Secret</th><th className="pr-3">Capabilities</th><th>Through</th></tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {rows.map((r, i) => (
          <tr key={i}>
            <td className={`py-1.5 font-medium ${r.change === "gains" ? "text-amber-700" : "text-emerald-700"}`}>{r.change}</td>
            <td className="font-mono text-xs"><Link href={identityHref(r.identity)} className="text-brand-700 hover:underline">{r.identity}</Link></td>
            <td className="font-mono text-xs">{r.link ? <Link href={secretHref(r.target)} className="text-brand-700 hover:underline">{r.target}</Link> : r.target}</td>
            <td className="text-xs">{r.caps.join(", ")}</td>
            <td className="font-mono text-xs text-slate-600">{r.via}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
