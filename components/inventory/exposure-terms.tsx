import type { ExposureTerm } from "@/lib/inventory/types";
import { ScoreBadge } from "./score-badge";

/** The exposure score explained term by term, biggest contribution first. */
export function ExposureTerms({ score, terms }: { score: number; terms: ExposureTerm[] }) {
  const sorted = [...terms].sort((a, b) => b.points - a.points);
  return (
    <div data-testid="exposure-terms">
      <p className="mb-2 flex items-center gap-2 text-sm text-slate-700"><ScoreBadge score={score} /> out of 100</p>
      {sorted.length === 0 ? <p className="text-sm text-slate-500">No term contributes to the score.</p> : (
        <table className="w-full text-sm">
          <tbody className="divide-y divide-slate-100">
            {sorted.map((t) => (
              <tr key={t.term}>
                <td className="py-1 pr-3 text-right font-mono text-xs tabular-nums text-slate-700">{t.points > 0 ? `+${t.points}` : t.points}</td>
                <td className="py-1 pr-3 font-medium">{t.term}</td>
                <td className="py-1 text-slate-600">{t.detail}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
