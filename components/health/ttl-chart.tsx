"use client";

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { TtlBucketRow } from "@/lib/health/types";

const SERIES = [
  { key: "expired", name: "expired", color: "#b91c1c" },
  { key: "under1h", name: "< 1 h", color: "#f59e0b" },
  { key: "under6h", name: "1-6 h", color: "#fcd34d" },
  { key: "under24h", name: "6-24 h", color: "#5eead4" },
  { key: "under7d", name: "1-7 d", color: "#14b8a6" },
  { key: "over7d", name: "> 7 d", color: "#0f766e" },
] as const;

/** Remaining TTL per mount or per mount · role, stacked: where the short-lived and the dead leases are. */
export function TtlChart({ rows, testId }: { rows: TtlBucketRow[]; testId: string }) {
  const height = Math.max(120, rows.length * 26 + 50);
  return (
    <figure data-testid={testId} aria-label="Remaining lease TTL">
      <div style={{ height }}>
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={rows} layout="vertical" margin={{ top: 4, right: 8, bottom: 0, left: 8 }}>
            <CartesianGrid strokeDasharray="3 3" horizontal={false} stroke="#e2e8f0" />
            <XAxis type="number" allowDecimals={false} tick={{ fontSize: 10 }} />
            <YAxis type="category" dataKey="label" width={190} tick={{ fontSize: 10 }} />
            <Tooltip />
            <Legend wrapperStyle={{ fontSize: 11 }} />
            {SERIES.map((s) => <Bar key={s.key} dataKey={s.key} name={s.name} stackId="ttl" fill={s.color} isAnimationActive={false} />)}
          </BarChart>
        </ResponsiveContainer>
      </div>
    </figure>
  );
}
