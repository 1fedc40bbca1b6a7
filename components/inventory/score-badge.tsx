/** Exposure score 0-100 coloured by band: low < 25, moderate < 50, high < 75, critical. */
export function scoreBand(score: number): { label: string; cls: string } {
  if (score >= 75) return { label: "critical", cls: "bg-red-100 text-red-800 ring-red-200" };
  if (score >= 50) return { label: "high", cls: "bg-orange-100 text-orange-800 ring-orange-200" };
  if (score >= 25) return { label: "moderate", cls: "bg-amber-50 text-amber-800 ring-amber-200" };
  return { label: "low", cls: "bg-emerald-50 text-emerald-800 ring-emerald-200" };
}

export function ScoreBadge({ score }: { score: number }) {
  const band = scoreBand(score);
  return (
    <span title={`Exposure ${score}/100 (${band.label})`} className={`inline-block min-w-9 rounded px-1.5 py-0.5 text-center text-xs font-semibold tabular-nums ring-1 ring-inset ${band.cls}`}>
      {score}
    </span>
  );
}
