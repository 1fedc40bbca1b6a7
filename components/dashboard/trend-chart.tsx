"use client";

import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { HistoryPoint } from "@/lib/checklist/figure-types";

/** Checklist statuses and coverage shares per day (checklist_daily_history). */
export function TrendChart({ points }: { points: HistoryPoint[] }) {
  if (points.length === 0) {
    return <p className="text-sm text-slate-500">No history yet: the daily snapshot job records the first point (recordDailyHistory).</p>;
  }
  return (
    <div className="h-56" data-testid="chart-trend">
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={points} margin={{ top: 4, right: 8, bottom: 0, left: -8 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
          <XAxis dataKey="day" tick={{ fontSize: 10 }} />
          <YAxis yAxisId="items" allowDecimals={false} domain={[0, 10]} tick={{ fontSize: 10 }} />
          <YAxis yAxisId="pct" orientation="right" domain={[0, 100]} tick={{ fontSize: 10 }} unit="%" />
          <Tooltip />
          <Legend wrapperStyle={{ fontSize: 11 }} />
          <Line yAxisId="items" dataKey="pass" stroke="#047857" dot={false} isAnimationActive={false} />
          <Line yAxisId="items" dataKey="fail" stroke="#b91c1c" dot={false} isAnimationActive={false} />
          <Line yAxisId="items" dataKey="unknown" stroke="#b45309" dot={false} isAnimationActive={false} />
          <Line yAxisId="pct" dataKey="ownerShare" name="owner %" stroke="#0369a1" strokeDasharray="4 2" dot={false} isAnimationActive={false} />
          <Line yAxisId="pct" dataKey="rotatedShare" name="rotated %" stroke="#7c3aed" strokeDasharray="4 2" dot={false} isAnimationActive={false} />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
