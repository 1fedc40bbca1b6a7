/**
 * Vault's socket audit device (`vault audit enable socket address=<radius>:<port> socket_type=tcp`)
 * writes the same JSON lines as the file device over a TCP connection. Lines are queued as they
 * arrive and stored in batches by `flush`; when the queue is long, connections are paused
 * (TCP backpressure reaches Vault) until it drains. A failed write keeps the lines queued.
 *
 * Unlike a file, a socket cannot be re-read: lines received but not yet stored when the process
 * dies are lost (Vault considers them delivered). Vault's docs advise a file device next to a socket
 * one for that reason; Radius can ingest both (they are separate sources).
 */
import net from "node:net";
import { EventBatch } from "./event-batch";
import type { BatchStored } from "./ingest-file";
import type { KeyResolver } from "./resolve-keys";
import type { AuditBatchWriter } from "./write-batch";

const HIGH_WATER_LINES = 100_000;
const MAX_LINE_BYTES = 16 << 20;

interface QueuedLine {
  text: string;
  file: string;
  line: number;
}

export class AuditSocketSource {
  private server: net.Server | null = null;
  private readonly queue: QueuedLine[] = [];
  private readonly sockets = new Set<net.Socket>();
  private paused = false;
  private port: number;

  constructor(private readonly options: { port: number; host?: string }) {
    this.port = options.port;
  }

  /** "socket:<port>", the port actually listened on. */
  get source(): string {
    return `socket:${this.port}`;
  }

  get pending(): number {
    return this.queue.length;
  }

  /** Resolves with the port listened on (useful with port 0 in tests). */
  async start(): Promise<number> {
    const server = net.createServer((socket) => this.accept(socket));
    this.server = server;
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(this.options.port, this.options.host ?? "0.0.0.0", () => resolve());
    });
    this.port = (server.address() as net.AddressInfo).port;
    return this.port;
  }

  async stop(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
    this.server = null;
  }

  private accept(socket: net.Socket): void {
    this.sockets.add(socket);
    const peer = `tcp ${socket.remoteAddress ?? "?"}:${socket.remotePort ?? "?"}`;
    let carry = "";
    let line = 0;
    socket.setEncoding("utf8");
    socket.on("data", (chunk: string) => {
      const parts = (carry + chunk).split("\n");
      carry = parts.pop() ?? "";
      if (carry.length > MAX_LINE_BYTES) {
        this.queue.push({ text: carry.slice(0, 200), file: peer, line: ++line });
        carry = "";
      }
      for (const text of parts) this.queue.push({ text, file: peer, line: ++line });
      if (this.queue.length > HIGH_WATER_LINES && !this.paused) this.pauseAll(true);
    });
    const end = () => {
      if (carry.trim()) this.queue.push({ text: carry, file: peer, line: ++line });
      carry = "";
      this.sockets.delete(socket);
    };
    socket.on("end", end);
    socket.on("close", end);
    socket.on("error", () => undefined);
  }

  private pauseAll(pause: boolean): void {
    this.paused = pause;
    for (const s of this.sockets) {
      if (pause) s.pause();
      else s.resume();
    }
  }

  /** Stores everything queued now, in batches; returns the number of lines taken. */
  async flush(writer: AuditBatchWriter, cluster: string, resolver: KeyResolver | null, maxLines = 20_000, afterBatch?: (b: BatchStored) => Promise<void>): Promise<number> {
    let taken = 0;
    while (this.queue.length > 0) {
      const lines = this.queue.splice(0, maxLines);
      const batch = new EventBatch(cluster, resolver);
      for (const l of lines) batch.addLine(l.text, { file: l.file, line: l.line, offset: null });
      try {
        await writer.write(batch, { source: this.source, device: "", inode: "", offset: 0, line: 0, fingerprint: "", fingerprintBytes: 0 }, "unchecked");
      } catch (error) {
        this.queue.unshift(...lines);
        throw error;
      }
      taken += lines.length;
      await afterBatch?.({ source: this.source, events: batch.size, malformed: batch.malformed, reads: batch.reads.size, from: batch.size ? new Date(batch.minMs) : null, to: batch.size ? new Date(batch.maxMs) : null });
    }
    if (this.paused && this.queue.length < HIGH_WATER_LINES / 2) this.pauseAll(false);
    return taken;
  }
}
