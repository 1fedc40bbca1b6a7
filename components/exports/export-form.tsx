"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { EXPORT_DATASETS, type ExportFormat } from "@/lib/exports/schemas";

interface Progress {
  state: "idle" | "running" | "done" | "failed";
  bytes: number;
  rows: number;
  expected: number | null;
  message?: string;
  exportId?: string;
  sha256?: string;
}

const field = "rounded border border-slate-300 px-2 py-1 text-sm";

/** Counts record ends in the bytes seen so far (CSV: CRLF; JSON: one object per line). */
function countRows(chunk: string, format: ExportFormat): number {
  return format === "csv" ? chunk.split("\r\n").length - 1 : chunk.split("\n{").length - 1;
}

/** Pick dataset, format and filters; downloads with live progress, then shows the manifest hash. */
export function ExportForm({ environments, teams, canExportAuditTrail }: { environments: string[]; teams: string[]; canExportAuditTrail: boolean }) {
  const router = useRouter();
  const [progress, setProgress] = useState<Progress>({ state: "idle", bytes: 0, rows: 0, expected: null });
  const datasets = EXPORT_DATASETS.filter((d) => d.id !== "audit-trail" || canExportAuditTrail);

  async function run(form: FormData) {
    const params = new URLSearchParams();
    for (const key of ["dataset", "format", "from", "to", "environment", "team"]) {
      const v = String(form.get(key) ?? "");
      if (v) params.set(key, v);
    }
    const format = (params.get("format") ?? "csv") as ExportFormat;
    setProgress({ state: "running", bytes: 0, rows: 0, expected: null });
    try {
      if (format !== "pdf") {
        void fetch(`/api/exports/estimate?${params}`).then(async (r) => {
          if (r.ok) {
            const { rows } = (await r.json()) as { rows: number };
            setProgress((p) => ({ ...p, expected: rows || null }));
          }
        });
      }
      const response = await fetch(`/api/exports?${params}`);
      if (!response.ok || !response.body) {
        const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
        throw new Error(body?.error?.message ?? `HTTP ${response.status}`);
      }
      const exportId = response.headers.get("x-radius-export-id") ?? undefined;
      const name = /filename="([^"]+)"/.exec(response.headers.get("content-disposition") ?? "")?.[1] ?? `radius-export.${format}`;
      const reader = response.body.getReader();
      const decoder = new TextDecoder();
      const parts: BlobPart[] = [];
      let bytes = 0;
      let rows = format === "csv" ? -1 : 0;
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        parts.push(value);
        bytes += value.byteLength;
        if (format !== "pdf") rows += countRows(decoder.decode(value, { stream: true }), format);
        setProgress((p) => ({ ...p, bytes, rows: Math.max(rows, 0), exportId }));
      }
      const url = URL.createObjectURL(new Blob(parts, { type: response.headers.get("content-type") ?? "application/octet-stream" }));
      const link = document.createElement("a");
      link.href = url;
      link.download = name;
      link.click();
      URL.revokeObjectURL(url);
      const manifest = exportId ? ((await (await fetch(`/api/exports/${exportId}/manifest`)).json()) as { sha256?: string; rows?: number }) : null;
      setProgress((p) => ({ ...p, state: "done", sha256: manifest?.sha256, rows: manifest?.rows ?? p.rows }));
      router.refresh();
    } catch (error) {
      setProgress((p) => ({ ...p, state: "failed", message: error instanceof Error ? error.message : String(error) }));
    }
  }

  const pct = progress.expected ? Math.min(100, Math.round((progress.rows / progress.expected) * 100)) : null;
  return (
    <form action={run} className="grid gap-3 text-sm" data-testid="export-form">
      <div className="grid gap-3 md:grid-cols-3">
        <label className="flex flex-col gap-1 md:col-span-2">
          <span className="text-xs text-slate-600">Dataset</span>
          <select name="dataset" aria-label="Dataset" className={field} defaultValue="inventory">
            {datasets.map((d) => <option key={d.id} value={d.id}>{d.title}: {d.description}</option>)}
          </select>
        </label>
        <label className="flex flex-col gap-1">
          <span className="text-xs text-slate-600">Format</span>
          <select name="format" aria-label="Format" className={field} defaultValue="csv">
            <option value="csv">CSV (streamed)</option>
            <option value="json">JSON (streamed)</option>
            <option value="pdf">PDF evidence pack (all datasets summarised)</option>
          </select>
        </label>
        <label className="flex flex-col gap-1"><span className="text-xs text-slate-600">From (UTC day)</span><input type="date" name="from" className={field} /></label>
        <label className="flex flex-col gap-1"><span className="text-xs text-slate-600">To (UTC day)</span><input type="date" name="to" className={field} /></label>
        <div className="grid grid-cols-2 gap-3">
          <label className="flex flex-col gap-1">
            <span className="text-xs text-slate-600">Environment</span>
            <select name="environment" aria-label="Environment" className={field} defaultValue=""><option value="">all</option>{environments.map((e) => <option key={e}>{e}</option>)}</select>
          </label>
          <label className="flex flex-col gap-1">
            <span className="text-xs text-slate-600">Team</span>
            <select name="team" aria-label="Team" className={field} defaultValue=""><option value="">all</option>{teams.map((t) => <option key={t}>{t}</option>)}</select>
          </label>
        </div>
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" disabled={progress.state === "running"} className="rounded bg-slate-900 px-3 py-1.5 text-white disabled:opacity-50">
          {progress.state === "running" ? "Exporting..." : "Export"}
        </button>
        {progress.state !== "idle" ? (
          <div className="min-w-64 flex-1" data-testid="export-progress" data-state={progress.state}>
            <div className="h-2 overflow-hidden rounded bg-slate-200">
              <div className={`h-2 ${progress.state === "failed" ? "bg-red-600" : "bg-teal-700"} ${pct === null && progress.state === "running" ? "animate-pulse" : ""}`} style={{ width: `${progress.state === "done" ? 100 : pct ?? 30}%` }} />
            </div>
            <p className="mt-1 text-xs text-slate-600">
              {progress.rows.toLocaleString("en-US")} rows{progress.expected ? ` of ${progress.expected.toLocaleString("en-US")}` : ""} · {(progress.bytes / 1024).toFixed(0)} KiB
              {progress.state === "done" && progress.sha256 ? <> · SHA-256 <code className="break-all" data-testid="export-sha256">{progress.sha256}</code></> : null}
              {progress.state === "failed" ? <span role="alert" className="text-red-700"> · failed: {progress.message}</span> : null}
            </p>
          </div>
        ) : null}
      </div>
      <p className="text-xs text-slate-500">
        Date range applies to alerts (last seen), review decisions, the audit trail and certificates (expiry); environment and team to datasets about secrets.
        Every export is recorded in the portal audit trail with the SHA-256 of its bytes; check a download with <code>sha256sum</code> against its manifest.
      </p>
    </form>
  );
}
