export { createVaultReader, type VaultReader, type VaultHealth, type VaultEnvelope } from "./read-only-client";
export { isAllowedVaultRequest } from "./request-policy";
export { VaultRequestError, ForbiddenVaultRequestError } from "./errors";
