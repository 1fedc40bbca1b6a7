/**
 * The whole cluster could not be read (Vault down or sealed, sys/health or sys/mounts unreadable).
 * The sync catches this one and keeps the last good snapshot; item-level failures never throw,
 * they become SyncProblems.
 */
export class VaultUnavailableError extends Error {
  constructor(
    readonly address: string,
    readonly reason: string,
    options?: { cause?: unknown },
  ) {
    super(`Vault at ${address} is unavailable: ${reason}. The last good snapshot is kept.`, options);
    this.name = "VaultUnavailableError";
  }
}
