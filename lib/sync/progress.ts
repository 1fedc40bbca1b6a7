/**
 * Progress of a running sync, written into sync_runs.counts so any instance's UI can show it.
 * Phase changes are written at once; done/total within a phase at most once a second, so a
 * 100,000-secret walk does not turn into 100,000 UPDATEs.
 */
import type { DbClient } from "@/lib/db/create-client";
import { updateSyncRunCounts } from "./repository";
import type { SyncCounts, SyncPhase } from "./types";

export interface ProgressReporter {
  counts: SyncCounts;
  phase(phase: SyncPhase): Promise<void>;
  step(done: number, total: number): Promise<void>;
  /** Closes the current phase's timing (call before writing the final counts). */
  stop(): void;
}

export function createProgressReporter(db: DbClient, runId: string, counts: SyncCounts, log: (m: string) => void, intervalMs = 1_000): ProgressReporter {
  let current: SyncPhase = "starting";
  let phaseStarted = performance.now();
  let lastWrite = 0;
  const durations: NonNullable<SyncCounts["durationsMs"]> = {};
  counts.durationsMs = durations;
  counts.progress = { phase: current, done: 0, total: 0 };

  const closePhase = () => {
    durations[current] = Math.round((durations[current] ?? 0) + performance.now() - phaseStarted);
  };
  const write = async () => {
    lastWrite = performance.now();
    try {
      await updateSyncRunCounts(db, runId, counts);
    } catch (error) {
      // Progress is advisory: a lost update must not fail the sync it describes.
      log(`sync progress update failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  return {
    counts,
    async phase(phase) {
      closePhase();
      current = phase;
      phaseStarted = performance.now();
      counts.progress = { phase, done: 0, total: 0 };
      await write();
    },
    async step(done, total) {
      counts.progress = { phase: current, done, total };
      if (performance.now() - lastWrite >= intervalMs) await write();
    },
    stop() {
      closePhase();
      phaseStarted = performance.now();
    },
  };
}
