/**
 * The sync use case: read every source, build a complete snapshot, switch readers to it in one
 * transaction, prune the old one. Exactly one instance syncs at a time (advisory lock); any
 * failure leaves the previous snapshot active and records why. Dependencies are passed in, so
 * the scheduler, the admin action, tests and the bench run the same code.
 */
import { activateSnapshot, createSnapshot, discardSnapshot, pruneSnapshots } from "@/lib/db/snapshots";
import { createVaultReader } from "@/lib/vault";
import { assembleSnapshot } from "./assemble-snapshot";
import { collectVault } from "./collect-vault";
import { collectHealth } from "./collect-health";
import { upsertHealthAlerts } from "@/lib/health/alerts";
import { writeHealthRecords } from "@/lib/health/repository";
import { writeDriftRecords } from "@/lib/drift/write-drift";
import { capProblems, countBySeverity, errorMessage } from "./problems";
import { createProgressReporter, type ProgressReporter } from "./progress";
import { readDistributionSources } from "./read-sources";
import { failInterruptedRuns, findAbandonedSnapshots, finishSyncRun, insertSyncProblems, insertSyncRun } from "./repository";
import type { SyncProblem } from "./snapshot-data";
import { tryAcquireSyncLock, type SyncLock } from "./sync-lock";
import type { RunSyncOptions, RunSyncResult, SyncDeps } from "./types";
import { writeSnapshot } from "./write-snapshot";
import { EXTRA_WRITERS, withWriterConnections } from "./writer-connections";
import { append } from "./append";

interface RunContext {
  deps: SyncDeps;
  lock: SyncLock;
  runId: string;
  progress: ProgressReporter;
  problems: SyncProblem[];
  snapshotId: string | null;
  /** Readers already see the new snapshot: a later error must not discard it. */
  activated: boolean;
  log: (message: string) => void;
}

export async function runSync(options: RunSyncOptions, deps: SyncDeps): Promise<RunSyncResult> {
  const log = deps.log ?? ((m: string) => console.warn(`[radius sync] ${m}`));
  const lock = await tryAcquireSyncLock(deps.databaseUrl);
  if (!lock) return { status: "already-running" };
  try {
    // Under the lock nobody else is syncing: anything "running" or "building" is a crashed run's.
    await failInterruptedRuns(deps.db);
    for (const id of await findAbandonedSnapshots(deps.db)) await discardSnapshot(deps.db, id);
    const counts = options.actor ? { actor: options.actor.email } : {};
    const runId = await insertSyncRun(deps.db, options.trigger, counts);
    const ctx: RunContext = { deps, lock, runId, progress: createProgressReporter(deps.db, runId, counts, log), problems: [], snapshotId: null, activated: false, log };
    return await runLocked(ctx);
  } finally {
    await lock.release().catch((error: unknown) => log(`releasing the sync lock failed: ${errorMessage(error)}`));
  }
}

async function runLocked(ctx: RunContext): Promise<RunSyncResult> {
  const { db } = ctx.deps;
  try {
    // Partial = Vault could not be read completely, or a configured source not at all. A malformed
    // manifest or policy is that file's problem, not the sync's: such a run still succeeds.
    const { unreadable, vaultReadErrors: errors } = await buildAndActivate(ctx);
    const partial = unreadable.length > 0 || errors > 0;
    await ctx.progress.phase("prune");
    // The new snapshot is live; a failed prune only leaves old rows for the next run to delete.
    ctx.progress.counts.prunedSnapshots = await pruneSnapshots(db).catch((e: unknown) => (ctx.log(`pruning old snapshots failed: ${errorMessage(e)}`), 0));
    const reason = partial ? [...unreadable, ...(errors > 0 ? [`${errors} Vault read error(s); see the problems`] : [])].join("; ") : null;
    return await finish(ctx, partial ? "partial" : "succeeded", reason);
  } catch (failure) {
    const snapshotId = ctx.activated ? null : ctx.snapshotId;
    if (snapshotId) await discardSnapshot(db, snapshotId).catch((e: unknown) => ctx.log(`discarding snapshot ${snapshotId} failed: ${errorMessage(e)}`));
    if (!ctx.activated) ctx.snapshotId = null;
    ctx.log(`sync ${ctx.runId} failed: ${errorMessage(failure)}`);
    return finish(ctx, "failed", errorMessage(failure));
  }
}

async function buildAndActivate(ctx: RunContext): Promise<{ unreadable: string[]; vaultReadErrors: number }> {
  const { config, db } = ctx.deps;
  const { progress } = ctx;
  const counts = progress.counts;
  const createReader = ctx.deps.createReader ?? ((address: string) =>
    createVaultReader({ address, token: config.vault.token, namespace: config.vault.namespace, timeoutMs: config.vault.timeoutMs }));

  await progress.phase("vault-token-check");
  const inventories = await collectVault({
    addresses: config.vault.addresses,
    createReader,
    concurrency: config.vault.concurrency,
    onCheck: (done, total) => (done === total ? progress.phase("vault") : progress.step(done, total)),
    onProgress: (_cluster, p) => void progress.step(p.done, p.total ?? 0),
  });
  counts.clusters = inventories.map((v) => v.cluster);
  // Same order as addresses (collectVault keeps it); fresh readers, same token and settings.
  await progress.phase("health");
  const health = await collectHealth(inventories.map((inventory, i) => ({ inventory, reader: createReader(config.vault.addresses[i]!) })), config.vault.concurrency);
  append(ctx.problems, health.problems);
  counts.vaultRequests = inventories.reduce((n, v) => n + v.requestCount, 0) + health.requestCount;

  const sources = await readDistributionSources(config, (phase) => progress.phase(phase));
  counts.terraformCommit = sources.terraform?.commit ?? null;
  const now = (ctx.deps.now ?? (() => new Date()))();
  const assembled = await assembleSnapshot(inventories, sources, now, (phase) => progress.phase(phase));
  const { data } = assembled;
  append(ctx.problems, data.problems);
  Object.assign(counts, {
    secrets: data.secrets.length, policies: data.policies.length, identities: data.identities.length, memberships: data.memberships.length,
    workloads: data.workloads.length, consumptions: data.consumptions.length, danglingConsumptions: assembled.danglingConsumptions,
    dependencies: data.dependencies.length, grants: data.grants.length,
    privilegedIdentities: assembled.privilegedIdentities.map((p) => `${p.identityKey} (${p.reason}: ${p.policyNames.join(", ")})`),
    timingsMs: assembled.timingsMs,
  });

  await progress.phase("write");
  ctx.snapshotId = await createSnapshot(db, ctx.runId);
  const snapshotId = ctx.snapshotId;
  const written = await withWriterConnections(ctx.deps.databaseUrl, EXTRA_WRITERS, (extra) =>
    writeSnapshot([ctx.lock.client, ...extra], snapshotId, data, assembled.policyAnalysis, (done, total) => progress.step(done, total)));
  const healthCounts = await writeHealthRecords(db, snapshotId, health.records, written.secretIds);
  Object.assign(counts, { leases: healthCounts.leases, certificates: healthCounts.certificates });
  if (assembled.drift) counts.drift = await writeDriftRecords(db, snapshotId, assembled.drift);
  await progress.phase("activate");
  await activateSnapshot(db, ctx.snapshotId);
  ctx.activated = true;
  // Alerts follow the live snapshot; a failure here must not undo a good sync.
  await upsertHealthAlerts(db, snapshotId, now).catch((e: unknown) => ctx.log(`health alerts failed: ${errorMessage(e)}`));
  const vaultReadErrors = inventories.reduce((n, v) => n + v.problems.filter((p) => p.severity === "error").length, 0);
  return { unreadable: sources.unreadable, vaultReadErrors };
}

async function finish(ctx: RunContext, status: "succeeded" | "partial" | "failed", error: string | null): Promise<RunSyncResult> {
  const { counts } = ctx.progress;
  const { stored, total } = capProblems(ctx.problems);
  counts.problems = total;
  counts.problemsStored = stored.length;
  counts.problemsBySeverity = countBySeverity(ctx.problems);
  ctx.progress.stop();
  counts.progress = { phase: "done", done: 1, total: 1 };
  await insertSyncProblems(ctx.deps.db, ctx.runId, stored);
  await finishSyncRun(ctx.deps.db, ctx.runId, status, counts, error);
  return { status, runId: ctx.runId, snapshotId: ctx.snapshotId, error, counts };
}
