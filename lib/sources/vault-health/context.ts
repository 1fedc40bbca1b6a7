/**
 * Shared state of one health collect: the reader behind one concurrency limiter, the problems, the
 * request count. Tolerance rule: a failure of ONE item (4xx, a 500 that survived the reader's
 * retries, a malformed body) becomes a problem and the item is skipped; a failure that means the
 * cluster itself is gone (network error after retries, 503 sealed) aborts the whole collect with
 * VaultUnavailableError, so the sync fails and keeps the last good snapshot instead of writing a
 * snapshot that silently lacks most leases.
 */
import { VaultRequestError, type VaultReader } from "@/lib/vault";
import { VaultUnavailableError } from "@/lib/sources/vault/errors";
import { createLimiter, type Limiter } from "@/lib/sources/vault/promise-pool";
import type { HealthProblem } from "@/lib/health/records";

export interface HealthCollectContext {
  reader: VaultReader;
  cluster: string;
  limiter: Limiter;
  problems: HealthProblem[];
  requestCount: number;
  abort: AbortController;
}

export function createHealthContext(reader: VaultReader, cluster: string, concurrency: number, signal?: AbortSignal): HealthCollectContext {
  const abort = new AbortController();
  signal?.addEventListener("abort", () => abort.abort(signal.reason), { once: true });
  return { reader, cluster, limiter: createLimiter(concurrency, abort.signal), problems: [], requestCount: 0, abort };
}

export function addProblem(ctx: HealthCollectContext, method: string, path: string, message: string, severity: HealthProblem["severity"] = "error"): void {
  ctx.problems.push({ source: "vault", location: `${ctx.cluster} ${method} ${path}`, message, severity });
}

function isOutage(error: unknown): boolean {
  return error instanceof VaultRequestError && (error.status === null || error.status === 503);
}

/**
 * One request through the limiter. Item-level failures -> problem + null; an outage -> abort
 * every queued request and throw VaultUnavailableError.
 */
export async function attempt<T>(ctx: HealthCollectContext, method: string, path: string, call: () => Promise<T>): Promise<T | null> {
  try {
    return await ctx.limiter.run(() => {
      ctx.requestCount++;
      return call();
    });
  } catch (error) {
    if (ctx.abort.signal.aborted) throw ctx.abort.signal.reason ?? error;
    if (isOutage(error)) {
      const unavailable = new VaultUnavailableError(ctx.reader.address, `${method} ${path} failed during the health collect (${(error as Error).message})`, { cause: error });
      ctx.abort.abort(unavailable);
      throw unavailable;
    }
    if (!(error instanceof VaultRequestError)) throw error; // a refused request or a bug: never hide it
    addProblem(ctx, method, path, error.message);
    return null;
  }
}

/** Vault times are RFC3339Nano with the server's offset; null/""/zero time -> null. */
export function isoOrNull(value: unknown): string | null {
  if (typeof value !== "string" || value === "") return null;
  const ms = Date.parse(value);
  if (!Number.isFinite(ms) || ms <= 0) return null;
  return new Date(ms).toISOString();
}

/** Bounded fan-out for large lists: the limiter bounds requests, this bounds pending promises. */
export async function forEachChunked<T>(items: readonly T[], chunk: number, run: (item: T) => Promise<void>): Promise<void> {
  for (let i = 0; i < items.length; i += chunk) {
    await Promise.all(items.slice(i, i + chunk).map(run));
  }
}
