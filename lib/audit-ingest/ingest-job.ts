/**
 * The audit ingestion job, one tick at a time: take (or keep) the advisory lock, follow the active
 * snapshot's keys, once per UTC day roll access_stats' windows forward and apply retention, then
 * store whatever the file and socket sources have. Any error tears the job down to the committed
 * state (lock released, tail dropped); the next tick resumes from the checkpoints.
 */
import type pg from "pg";
import {
  AuditBatchWriter, AuditSocketSource, applyAuditRetention, findActiveSnapshotId, ingestAvailable, loadKeyResolver, openFileTail,
  refreshAccessStats, type ActiveResolver, type AuditFileTail, type BatchStored,
} from "@/lib/sources/audit";
import type { AuditIngestConfig } from "./ingest-config";
import { releaseIngestLock, tryAcquireIngestLock } from "./ingest-lock";

export interface AuditIngestDeps {
  databaseUrl: string;
  config: AuditIngestConfig;
  now?: () => Date;
  log?: (message: string) => void;
  /** Called after every committed batch (detection rules, see detection-hook.ts). */
  afterBatch?: (batch: BatchStored) => Promise<void>;
}

export type TickStatus = "busy" | "waiting-for-snapshot" | "ingested" | "failed";

export interface TickResult {
  status: TickStatus;
  events: number;
  malformed: number;
  error?: string;
}

export class AuditIngestJob {
  private client: pg.Client | null = null;
  private writer: AuditBatchWriter | null = null;
  private tail: AuditFileTail | null = null;
  private socket: AuditSocketSource | null = null;
  private active: ActiveResolver | null = null;
  private maintainedDay: string | null = null;
  private waitingLogged = false;
  /** The port the socket source listens on, once started (AUDIT_SOCKET_PORT may be 0 in tests). */
  socketPort: number | null = null;

  constructor(private readonly deps: AuditIngestDeps) {}

  private now(): Date {
    return this.deps.now?.() ?? new Date();
  }

  private log(message: string): void {
    (this.deps.log ?? ((m: string) => console.log(`[radius audit] ${m}`)))(message);
  }

  async tick(): Promise<TickResult> {
    const result: TickResult = { status: "ingested", events: 0, malformed: 0 };
    try {
      if (!this.client) {
        this.client = await tryAcquireIngestLock(this.deps.databaseUrl);
        if (!this.client) return { ...result, status: "busy" };
        this.writer = new AuditBatchWriter(this.client, () => this.now());
        const { socketPort, socketHost } = this.deps.config;
        if (socketPort !== null) {
          this.socket = new AuditSocketSource({ port: socketPort, host: socketHost });
          this.socketPort = await this.socket.start();
          this.log(`listening for Vault's socket audit device on ${socketHost}:${this.socketPort}`);
        }
      }
      const client = this.client;
      const writer = this.writer!;
      const snapshotId = await findActiveSnapshotId(client);
      if (!snapshotId) {
        if (!this.waitingLogged) this.log("waiting for the first inventory sync before ingesting the audit log");
        this.waitingLogged = true;
        return { ...result, status: "waiting-for-snapshot" };
      }
      if (snapshotId !== this.active?.snapshotId) this.active = await loadKeyResolver(client, { cluster: this.deps.config.cluster ?? undefined });
      const active = this.active;
      if (!active) return { ...result, status: "waiting-for-snapshot" };
      await this.maintain(client, writer);
      if (this.deps.config.filePath) {
        this.tail ??= await openFileTail(client, this.deps.config.filePath, () => active.resolver.cluster, () => this.active?.resolver ?? active.resolver, this.deps.config.batchLines);
        const pass = await ingestAvailable(this.tail, writer, this.deps.afterBatch);
        result.events += pass.events;
        result.malformed += pass.malformed;
      }
      if (this.socket) {
        const resolver = this.active?.resolver ?? active.resolver;
        result.events += await this.socket.flush(writer, resolver.cluster, resolver, this.deps.config.batchLines, this.deps.afterBatch);
      }
      return result;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.log(`ingestion stopped, will resume from the last checkpoint: ${message}`);
      await this.stop();
      return { ...result, status: "failed", error: message };
    }
  }

  /** Once per UTC day: move the 30/90-day windows, drop partitions past retention. */
  private async maintain(client: pg.Client, writer: AuditBatchWriter): Promise<void> {
    const now = this.now();
    const day = now.toISOString().slice(0, 10);
    if (day === this.maintainedDay) return;
    await refreshAccessStats(client, now);
    const dropped = await applyAuditRetention(client, now, this.deps.config.retentionDays);
    if (dropped.length > 0) {
      writer.forgetPartitions();
      this.log(`retention: dropped ${dropped.length} audit partition(s) older than ${this.deps.config.retentionDays} days`);
    }
    this.maintainedDay = day;
  }

  async stop(): Promise<void> {
    await this.tail?.close();
    this.tail = null;
    await this.socket?.stop().catch(() => undefined);
    this.socket = null;
    this.socketPort = null;
    this.active = null;
    this.maintainedDay = null;
    if (this.client) await releaseIngestLock(this.client);
    this.client = null;
    this.writer = null;
  }
}
