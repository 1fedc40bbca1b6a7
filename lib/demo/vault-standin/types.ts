/**
 * Public and shared types of the Vault stand-in. The stand-in is test/demo infrastructure: it serves a
 * `VaultWorld` over Vault's real HTTP API so the portal's Vault client can run unchanged against it.
 */

/** Vault's logical operations (what ACL capabilities are checked against). */
export type Operation = "read" | "list" | "create" | "update" | "delete" | "patch" | "header";

/** Failure modes for fault-injection tests. All are changeable at run time with `setFaults`. */
export interface FaultConfig {
  /** Destroy every connection without answering (a crashed or unreachable Vault). */
  down?: boolean;
  /** Added delay before every answer. */
  latencyMs?: number;
  /** Fraction (0..1) of requests answered 500 {"errors":["internal error"]}. */
  errorRate?: number;
  /** Fraction (0..1) of requests answered with a truncated JSON body (status and headers intact). */
  malformedJsonRate?: number;
  /** Answer as a sealed Vault (503), whatever the world says. */
  sealed?: boolean;
  /** Requests whose path (without "/v1/", e.g. "sys/mounts") matches get a 500. */
  failPaths?: RegExp;
  /** Seed for the rate-based faults; with a seed, the same request sequence gets the same faults. */
  seed?: number;
}

export interface RecordedRequest {
  /** HTTP verb as received ("GET", "LIST", "POST", ...). */
  method: string;
  /** Logical path without "/v1/", as received (LIST requests are recorded without the added "/"). */
  path: string;
  query: Record<string, string>;
  /** The operation Vault would log (LIST and GET ?list=true are both "list"); null if not a Vault route. */
  operation: Operation | null;
  /** Accessor of the presented token, or null when no (valid) token was presented. */
  tokenAccessor: string | null;
  /** HTTP status sent; 0 when the connection was dropped by the `down` fault. */
  status: number;
  /** Which fault, if any, produced the answer. */
  fault: "down" | "error" | "malformed" | "failPath" | "sealed" | null;
  at: string;
  /** Time the stand-in spent on the request, including injected latency (for performance tests). */
  durationMs: number;
}

export interface StartVaultStandinOptions {
  world: import("../vault-world").VaultWorld;
  /** 0 (default) picks a free port. */
  port?: number;
  host?: string;
  faults?: FaultConfig;
  /** Keep only the newest N recorded requests (long demo runs); unlimited by default, for tests. */
  maxRecordedRequests?: number;
  /** Enables POST /_standin/faults for tests in another process (see control.ts). Off by default. */
  controlToken?: string;
}

export interface VaultStandin {
  /** Base address, e.g. "http://127.0.0.1:41234" (clients add "/v1/..."). */
  url: string;
  close(): Promise<void>;
  /** Every request received, in order. Tests assert on it (e.g. no `data/` path, no write verb). */
  requests: RecordedRequest[];
  setFaults(faults: FaultConfig): void;
}
