/** A plain download link: the API route streams the CSV of exactly what the page's filters select. */
export function CsvLink({ href, label = "Download CSV" }: { href: string; label?: string }) {
  return (
    <a href={href} download className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-50" data-testid="csv-link">
      {label}
    </a>
  );
}
