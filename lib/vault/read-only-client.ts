import nodeVault from "node-vault";
import { isAllowedVaultRequest, type VaultMethod } from "./request-policy";
import { ForbiddenVaultRequestError, VaultRequestError } from "./errors";

/**
 * The portal's only way to talk to Vault: node-vault underneath (so the same code runs against a
 * real Vault), but with no write call on its surface. Every request passes `isAllowedVaultRequest`
 * first; a LIST that finds nothing (Vault answers 404 `{"errors":[]}`) is an empty list.
 */
export interface VaultReader {
  readonly address: string;
  read<T = unknown>(path: string): Promise<VaultEnvelope<T> | null>;
  list(path: string): Promise<string[]>;
  health(): Promise<VaultHealth>;
  capabilitiesSelf(paths: string[]): Promise<Record<string, string[]>>;
  lookupLease(leaseId: string): Promise<VaultEnvelope<Record<string, unknown>> | null>;
}

export interface VaultEnvelope<T> {
  request_id?: string;
  data: T;
  warnings?: string[] | null;
  [key: string]: unknown;
}

export interface VaultHealth {
  initialized: boolean;
  sealed: boolean;
  standby: boolean;
  version: string;
  cluster_name?: string;
  cluster_id?: string;
  server_time_utc?: number;
}

export interface VaultReaderOptions {
  address: string;
  token: string;
  namespace?: string;
  timeoutMs?: number;
  retries?: number;
  /** Sleep between retries; injectable so tests need not wait. */
  backoffMs?: (attempt: number) => number;
}

type NodeVaultError = Error & { response?: { statusCode?: number; body?: unknown } };

export function createVaultReader(options: VaultReaderOptions): VaultReader {
  const client = nodeVault({
    endpoint: options.address,
    token: options.token,
    namespace: options.namespace,
    requestOptions: { timeout: options.timeoutMs ?? 10_000 },
  });
  const retries = options.retries ?? 3;
  const backoff = options.backoffMs ?? ((attempt: number) => 200 * 2 ** attempt + Math.floor(Math.random() * 100));

  async function send(method: VaultMethod, path: string, json?: unknown): Promise<unknown> {
    if (!isAllowedVaultRequest(method, path)) throw new ForbiddenVaultRequestError(method, path);
    for (let attempt = 0; ; attempt++) {
      try {
        return await client.request({ path: `/${path}`, method, ...(json === undefined ? {} : { json }) });
      } catch (raw) {
        const error = toVaultError(method, path, raw as NodeVaultError);
        if (!error.retryable || attempt >= retries) throw error;
        await new Promise((resolve) => setTimeout(resolve, backoff(attempt)));
      }
    }
  }

  return {
    address: options.address,

    async read<T>(path: string) {
      try {
        return (await send("GET", path)) as VaultEnvelope<T>;
      } catch (error) {
        if (error instanceof VaultRequestError && error.status === 404) return null;
        throw error;
      }
    },

    async list(path: string) {
      try {
        const body = (await send("LIST", path)) as VaultEnvelope<{ keys?: unknown }>;
        const keys = body?.data?.keys;
        if (!Array.isArray(keys) || !keys.every((k) => typeof k === "string")) {
          throw new VaultRequestError("LIST", path, 200, [], `Vault LIST ${path}: response has no string "keys" list`);
        }
        return keys as string[];
      } catch (error) {
        if (error instanceof VaultRequestError && error.status === 404) return [];
        throw error;
      }
    },

    async health() {
      // node-vault resolves sys/health for every status code: 429/472/473/501/503 are states, not errors.
      const body = (await send("GET", "sys/health")) as VaultHealth;
      if (typeof body !== "object" || body === null || typeof body.sealed !== "boolean") {
        throw new VaultRequestError("GET", "sys/health", 200, [], "Vault sys/health: unexpected response");
      }
      return body;
    },

    async capabilitiesSelf(paths: string[]) {
      const body = (await send("POST", "sys/capabilities-self", { paths })) as VaultEnvelope<Record<string, unknown>>;
      const data = body?.data ?? {};
      return Object.fromEntries(paths.map((p) => [p, asStringArray(data[p]) ?? ["deny"]]));
    },

    async lookupLease(leaseId: string) {
      try {
        return (await send("PUT", "sys/leases/lookup", { lease_id: leaseId })) as VaultEnvelope<Record<string, unknown>>;
      } catch (error) {
        // Vault answers 400 "invalid lease" for a lease it does not know.
        if (error instanceof VaultRequestError && error.status === 400) return null;
        throw error;
      }
    },
  };
}

function asStringArray(value: unknown): string[] | null {
  return Array.isArray(value) && value.every((v) => typeof v === "string") ? (value as string[]) : null;
}

function toVaultError(method: string, path: string, raw: NodeVaultError): VaultRequestError {
  const status = raw.response?.statusCode ?? null;
  const body = raw.response?.body as { errors?: unknown } | undefined;
  const errors = Array.isArray(body?.errors) ? body.errors.map(String) : [];
  if (status === null) return new VaultRequestError(method, path, null, [], `Vault ${method} ${path}: ${raw.message}`);
  return new VaultRequestError(method, path, status, errors);
}
