/** A Vault request failed: carries the HTTP status and Vault's own error strings. */
export class VaultRequestError extends Error {
  constructor(
    readonly method: string,
    readonly path: string,
    readonly status: number | null,
    readonly vaultErrors: string[],
    message?: string,
  ) {
    super(message ?? `Vault ${method} ${path} failed${status ? ` (${status})` : ""}: ${vaultErrors.join("; ") || "no details"}`);
    this.name = "VaultRequestError";
  }

  /** 5xx, 429 and network failures are worth retrying; 4xx answers are final. */
  get retryable(): boolean {
    return this.status === null || this.status >= 500 || this.status === 429;
  }
}

/** The portal refused to send a request that could write to Vault or read a secret value. */
export class ForbiddenVaultRequestError extends Error {
  constructor(method: string, path: string) {
    super(`Radius never sends ${method} ${path} to Vault: only metadata reads are allowed`);
    this.name = "ForbiddenVaultRequestError";
  }
}
