/** A unified diff, coloured per line; long diffs scroll inside their box. */
export function DiffView({ diff }: { diff: string }) {
  if (!diff.trim()) return <p className="text-sm text-slate-500">No diff recorded.</p>;
  return (
    <pre data-testid="diff" className="max-h-[36rem] overflow-auto rounded-md border border-slate-200 bg-slate-50 p-3 font-mono text-xs leading-5">
      {diff.split("\n").map((line, i) => {
        const tone = line.startsWith("+++") || line.startsWith("---") ? "text-slate-500 font-semibold" : line.startsWith("+") ? "bg-emerald-50 text-emerald-800" : line.startsWith("-") ? "bg-red-50 text-red-800" : line.startsWith("@@") ? "text-sky-700" : "text-slate-700";
        return (
          <div key={i} className={`whitespace-pre ${tone}`}>
            {line || " "}
          </div>
        );
      })}
    </pre>
  );
}
