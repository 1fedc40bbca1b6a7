/** Says which URL params a page ignored (and fell back to defaults for), so a bad link is not silently wrong. */
export function ParamNotes({ notes }: { notes: string[] }) {
  if (notes.length === 0) return null;
  return (
    <div role="note" data-testid="param-notes" className="mb-3 rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
      {notes.map((n) => <p key={n}>{n}</p>)}
    </div>
  );
}
