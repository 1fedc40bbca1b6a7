import Link from "next/link";

export interface PaginationProps {
  page: number;
  pageSize: number;
  total: number;
  /** The total is a lower bound (counting stopped at 10,000). */
  totalCapped: boolean;
  rowsOnPage: number;
  hrefForPage: (page: number) => string;
}

const fmt = (n: number) => n.toLocaleString("en-US");

/** "1–50 of 10,000+" with previous/next links; the page number lives in the URL. */
export function DataTablePagination({ page, pageSize, total, totalCapped, rowsOnPage, hrefForPage }: PaginationProps) {
  const first = rowsOnPage === 0 ? 0 : (page - 1) * pageSize + 1;
  const last = (page - 1) * pageSize + rowsOnPage;
  const hasNext = totalCapped ? rowsOnPage === pageSize : last < total;
  const lastPage = totalCapped ? null : Math.max(1, Math.ceil(total / pageSize));
  const link = "rounded border border-slate-300 bg-white px-2.5 py-1 text-slate-700 hover:bg-slate-50";
  const off = "rounded border border-slate-200 px-2.5 py-1 text-slate-300";
  return (
    <nav aria-label="Pagination" className="mt-3 flex items-center justify-between text-sm text-slate-600" data-testid="pagination">
      <p>
        {fmt(first)}–{fmt(last)} of {fmt(total)}
        {totalCapped ? "+ (counting stops at 10,000)" : ""}
        {lastPage ? ` · page ${fmt(page)} of ${fmt(lastPage)}` : ""}
      </p>
      <div className="flex gap-2">
        {page > 1 ? <Link className={link} href={hrefForPage(page - 1)} rel="prev">Previous</Link> : <span className={off}>Previous</span>}
        {hasNext ? <Link className={link} href={hrefForPage(page + 1)} rel="next">Next</Link> : <span className={off}>Next</span>}
      </div>
    </nav>
  );
}
