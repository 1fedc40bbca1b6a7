"use client";

import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { CountPoint } from "@/lib/health/types";
import { formatDay, formatHour } from "./format";

/** Leases expiring per hour (next 48 h) or per day (next 30 days): a small, pre-aggregated array. */
export function LeaseExpiryChart({ points, unit }: { points: CountPoint[]; unit: "hour" | "day" }) {
  const data = points.map((p) => ({ label: unit === "hour" ? formatHour(p.at) : formatDay(p.at), count: p.count }));
  const total = points.reduce((n, p) => n + p.count, 0);
  return (
    <figure aria-label={`Leases expiring per ${unit}`} data-testid={`lease-expiry-${unit}`}>
      <div className="h-48">
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={data} margin={{ top: 4, right: 8, bottom: 0, left: -16 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#e2e8f0" />
            <XAxis dataKey="label" tick={{ fontSize: 10 }} interval={unit === "hour" ? 5 : 4} />
            <YAxis allowDecimals={false} tick={{ fontSize: 10 }} />
            <Tooltip formatter={(v) => [v, "leases"]} />
            <Bar dataKey="count" fill="#0f766e" isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      </div>
      <figcaption className="mt-1 text-xs text-slate-500">{total.toLocaleString("en-US")} leases expire in this window (UTC).</figcaption>
    </figure>
  );
}
