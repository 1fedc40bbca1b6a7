"use client";

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

const PALETTE = ["#0f766e", "#0369a1", "#7c3aed", "#b45309", "#be123c", "#4d7c0f", "#475569"];

/** Secrets per environment, stacked by engine (pre-aggregated rows from the server). */
export function SecretsByEnvironmentChart({ rows }: { rows: { environment: string; engine: string; count: number }[] }) {
  const engines = [...new Set(rows.map((r) => r.engine))].sort();
  const byEnv = new Map<string, Record<string, number | string>>();
  for (const r of rows) {
    const entry = byEnv.get(r.environment) ?? { environment: r.environment };
    entry[r.engine] = r.count;
    byEnv.set(r.environment, entry);
  }
  if (rows.length === 0) return <p className="text-sm text-slate-500">No secrets yet.</p>;
  return (
    <div className="h-60" data-testid="chart-secrets-by-environment">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={[...byEnv.values()]} margin={{ top: 4, right: 8, bottom: 0, left: -8 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#e2e8f0" />
          <XAxis dataKey="environment" tick={{ fontSize: 11 }} />
          <YAxis allowDecimals={false} tick={{ fontSize: 10 }} />
          <Tooltip />
          <Legend wrapperStyle={{ fontSize: 11 }} />
          {engines.map((e, i) => <Bar key={e} dataKey={e} stackId="engine" fill={PALETTE[i % PALETTE.length]} isAnimationActive={false} />)}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
