/**
 * Shared state of one collect: the reader behind the concurrency limiter, the problem list, the
 * request counter, progress. `getValidated` and `listKeys` never throw for an item-level failure:
 * they record a SyncProblem (location "<cluster> <METHOD> <path>") and return null, so the walk
 * skips that item and goes on. Only an abort propagates.
 */
import type { z } from "zod";
import type { VaultReader } from "@/lib/vault";
import type { SyncProblem } from "@/lib/sync/snapshot-data";
import type { Limiter } from "./promise-pool";

export type CollectPhase = "health" | "mounts" | "kv" | "database" | "aws" | "policies" | "auth" | "identity" | "audit";
export interface CollectProgress {
  phase: CollectPhase;
  done: number;
  total?: number;
}

export interface CollectContext {
  reader: VaultReader;
  cluster: string;
  limiter: Limiter;
  problems: SyncProblem[];
  requestCount: number;
  signal?: AbortSignal;
  onProgress?: (p: CollectProgress) => void;
}

export function addProblem(ctx: CollectContext, method: string, path: string, message: string, severity: SyncProblem["severity"] = "error"): void {
  ctx.problems.push({ source: "vault", location: `${ctx.cluster} ${method} ${path}`, message, severity });
}

/** One request through the limiter, counted. */
export async function request<T>(ctx: CollectContext, call: () => Promise<T>): Promise<T> {
  return ctx.limiter.run(() => {
    ctx.requestCount++;
    return call();
  });
}

/**
 * GET + zod validation. null when the path is gone (404: listed, then deleted during the sync;
 * recorded as a warning unless `missing: "ignore"`), failed, or malformed (recorded as errors).
 */
export async function getValidated<S extends z.ZodType>(
  ctx: CollectContext,
  path: string,
  schema: S,
  options: { missing?: "warning" | "ignore" } = {},
): Promise<z.infer<S> | null> {
  let body: unknown;
  try {
    body = await request(ctx, () => ctx.reader.read(path));
  } catch (error) {
    return failed(ctx, "GET", path, error);
  }
  if (body === null) {
    if (options.missing !== "ignore") addProblem(ctx, "GET", path, "listed but not found (deleted during the sync?)", "warning");
    return null;
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    addProblem(ctx, "GET", path, `unexpected response: ${describeIssues(parsed.error)}`);
    return null;
  }
  return parsed.data;
}

/** LIST; an empty or missing folder is [] (Vault's 404). null when the request failed. */
export async function listKeys(ctx: CollectContext, path: string): Promise<string[] | null> {
  try {
    return await request(ctx, () => ctx.reader.list(path));
  } catch (error) {
    return failed(ctx, "LIST", path, error);
  }
}

function failed(ctx: CollectContext, method: string, path: string, error: unknown): null {
  // An abort is the caller's decision, not a problem of this item.
  if (ctx.signal?.aborted) throw ctx.signal.reason ?? error;
  addProblem(ctx, method, path, error instanceof Error ? error.message : String(error));
  return null;
}

function describeIssues(error: z.ZodError): string {
  const issues = error.issues.slice(0, 3).map((i) => `${i.path.length > 0 ? i.path.join(".") : "(body)"}: ${i.message}`);
  return issues.join("; ") + (error.issues.length > 3 ? ` (+${error.issues.length - 3} more)` : "");
}
