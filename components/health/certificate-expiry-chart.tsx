"use client";

import { Bar, BarChart, CartesianGrid, Cell, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { WeekBucket } from "@/lib/health/types";
import { formatDay } from "./format";

/**
 * Certificates by week of notAfter, from four weeks ago to six months ahead (revoked excluded:
 * shown apart). Past weeks are red (expired), the current week amber (within 7 days).
 */
export function CertificateExpiryChart({ weeks }: { weeks: WeekBucket[] }) {
  const byWeek = new Map(weeks.map((w) => [w.week, w]));
  const first = weeks[0];
  const origin = first ? Date.parse(first.at) - first.week * 7 * 86_400_000 : 0;
  // Every week on the axis, zeros included, so gaps read as gaps.
  const data = Array.from({ length: 30 }, (_, i) => {
    const week = i - 4;
    const w = byWeek.get(week);
    return { week, label: week === 0 ? "this week" : formatDay(new Date(origin + week * 7 * 86_400_000).toISOString()), count: w?.count ?? 0, weak: w?.weak ?? 0 };
  });
  return (
    <figure data-testid="certificate-expiry-weeks" aria-label="Certificates expiring per week">
      <div className="h-56">
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={data} margin={{ top: 4, right: 8, bottom: 0, left: -16 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#e2e8f0" />
            <XAxis dataKey="label" tick={{ fontSize: 10 }} interval={3} />
            <YAxis allowDecimals={false} tick={{ fontSize: 10 }} />
            <Tooltip formatter={(v, name) => [v, name === "count" ? "certificates" : name]} />
            <Bar dataKey="count" isAnimationActive={false}>
              {data.map((d) => <Cell key={d.week} fill={d.week < 0 ? "#b91c1c" : d.week === 0 ? "#f59e0b" : "#0f766e"} />)}
            </Bar>
          </BarChart>
        </ResponsiveContainer>
      </div>
      <figcaption className="mt-1 text-xs text-slate-500">Red: expired; amber: expires within 7 days; week starts are relative to now (UTC).</figcaption>
    </figure>
  );
}
