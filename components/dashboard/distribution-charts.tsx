"use client";

import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

/** Secrets per 10-point exposure-score bucket. */
export function ExposureHistogram({ buckets }: { buckets: { bucket: string; count: number }[] }) {
  return (
    <div className="h-52" data-testid="chart-exposure">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={buckets} margin={{ top: 4, right: 8, bottom: 0, left: -8 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#e2e8f0" />
          <XAxis dataKey="bucket" tick={{ fontSize: 10 }} />
          <YAxis allowDecimals={false} tick={{ fontSize: 10 }} />
          <Tooltip formatter={(v) => [v, "secrets"]} />
          <Bar dataKey="count" fill="#b45309" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}

/** Open alerts per detection rule. */
export function AlertsByRuleChart({ rows }: { rows: { rule: string; open: number }[] }) {
  if (rows.length === 0) return <p className="text-sm text-slate-500">No open alerts.</p>;
  return (
    <div style={{ height: Math.max(120, rows.length * 28 + 30) }} data-testid="chart-alerts-by-rule">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={rows} layout="vertical" margin={{ top: 4, right: 16, bottom: 0, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} stroke="#e2e8f0" />
          <XAxis type="number" allowDecimals={false} tick={{ fontSize: 10 }} />
          <YAxis type="category" dataKey="rule" width={160} tick={{ fontSize: 10 }} />
          <Tooltip formatter={(v) => [v, "open"]} />
          <Bar dataKey="open" fill="#b91c1c" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
