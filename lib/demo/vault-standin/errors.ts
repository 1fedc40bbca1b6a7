/**
 * Vault's error answers, with the exact bodies real Vault sends (see reference/vault-api.md §0).
 * The multi-line texts come from go-multierror, which Vault core wraps ACL and routing errors in.
 */

export class VaultHttpError extends Error {
  constructor(
    readonly status: number,
    readonly errors: string[],
  ) {
    super(errors[0] ?? `status ${status}`);
  }
}

const multi = (msg: string) => `1 error occurred:\n\t* ${msg}\n\n`;

export const permissionDenied = () => new VaultHttpError(403, [multi("permission denied")]);
export const invalidToken = () =>
  new VaultHttpError(403, ["2 errors occurred:\n\t* permission denied\n\t* invalid token\n\n"]);
export const missingToken = () => new VaultHttpError(400, ["missing client token"]);
export const noHandler = (path: string) =>
  new VaultHttpError(404, [`no handler for route "${path}". route entry not found.`]);
export const unsupportedPath = () => new VaultHttpError(404, [multi("unsupported path")]);
export const unsupportedOperation = () => new VaultHttpError(405, [multi("unsupported operation")]);
/** A read (or LIST) that found nothing: Vault sends no message at all. */
export const notFound = () => new VaultHttpError(404, []);
export const sealedError = () => new VaultHttpError(503, ["Vault is sealed"]);
/** A backend's own `logical.ErrorResponse`: the message is returned as-is, not multierror-wrapped. */
export const badRequest = (msg: string) => new VaultHttpError(400, [msg]);
export const internalError = () => new VaultHttpError(500, ["internal error"]);
