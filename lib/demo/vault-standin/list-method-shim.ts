/**
 * Node's HTTP parser (llhttp) rejects unknown verbs with 400 before any handler runs, and Vault's
 * API uses the custom verb `LIST`. This shim sits between the TCP socket and node:http: when a
 * request starts with "LIST ", it rewrites those bytes to "LOCK " (same length, so nothing else
 * shifts) and remembers that the request was really a LIST; the handler asks via `takeWasList()`.
 *
 * Request starts are found by state, not by scanning: a new request can only begin once the
 * previous response finished (clients here do not pipeline), so only the first bytes received
 * while idle are inspected. A genuine LOCK request is left alone and answered 405 like Vault.
 * (Edge: if the stand-in answers before reading a request's body, e.g. an injected 500, the rest of
 * that body is inspected as a request start; it is only altered if it begins with "LIST ".)
 */
import { Duplex } from "node:stream";
import type { Socket } from "node:net";

const LIST = Buffer.from("LIST ");
const LOCK = Buffer.from("LOCK ");

export class ListMethodShim extends Duplex {
  private idle = true;
  private pending: Buffer | null = null;
  private wasList = false;

  constructor(readonly socket: Socket) {
    super();
    socket.on("data", (chunk: Buffer) => this.onData(chunk));
    socket.on("end", () => this.flushAndEnd());
    socket.on("error", (err) => this.destroy(err));
    socket.on("close", () => this.destroy());
  }

  get remoteAddress() {
    return this.socket.remoteAddress;
  }
  get remotePort() {
    return this.socket.remotePort;
  }
  setTimeout(ms: number, cb?: () => void) {
    this.socket.setTimeout(ms, cb);
    return this;
  }
  setNoDelay(noDelay?: boolean) {
    this.socket.setNoDelay(noDelay);
    return this;
  }
  setKeepAlive(enable?: boolean, delay?: number) {
    this.socket.setKeepAlive(enable, delay);
    return this;
  }

  /** Was the request now being handled sent with the LIST verb? (Reading clears the flag.) */
  takeWasList(): boolean {
    const v = this.wasList;
    this.wasList = false;
    return v;
  }

  /** Called when a response has finished: the next bytes start a new request. */
  markIdle(): void {
    this.idle = true;
  }

  private onData(chunk: Buffer): void {
    if (!this.idle) return this.forward(chunk);
    const buf = this.pending ? Buffer.concat([this.pending, chunk]) : chunk;
    this.pending = null;
    // Not enough bytes to decide yet, and they could still be the start of "LIST ".
    if (buf.length < LIST.length && LIST.subarray(0, buf.length).equals(buf)) {
      this.pending = buf;
      return;
    }
    this.idle = false;
    if (buf.subarray(0, LIST.length).equals(LIST)) {
      this.wasList = true;
      const rewritten = Buffer.from(buf);
      LOCK.copy(rewritten, 0);
      return this.forward(rewritten);
    }
    this.forward(buf);
  }

  private forward(chunk: Buffer): void {
    if (!this.push(chunk)) this.socket.pause();
  }

  private flushAndEnd(): void {
    if (this.pending) this.push(this.pending);
    this.pending = null;
    this.push(null);
  }

  override _read(): void {
    this.socket.resume();
  }

  override _write(chunk: Buffer, encoding: BufferEncoding, cb: (err?: Error | null) => void): void {
    this.socket.write(chunk, encoding, cb);
  }

  override _final(cb: (err?: Error | null) => void): void {
    this.socket.end(cb);
  }

  override _destroy(err: Error | null, cb: (err?: Error | null) => void): void {
    this.socket.destroy(err ?? undefined);
    cb(err);
  }
}
