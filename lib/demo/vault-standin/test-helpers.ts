/** Shared setup for the stand-in's tests: start over the fixture, call with raw fetch. */
import { afterAll, beforeAll } from "vitest";
import { startVaultStandin } from "./server";
import { buildFixtureWorld } from "./test-fixture";
import type { VaultStandin } from "./types";
import type { VaultWorld } from "../vault-world";

export interface CallResult {
  status: number;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- tests inspect arbitrary JSON
  text: string;
  headers: Headers;
}

export function setupStandin(mutate?: (w: VaultWorld) => void) {
  const ctx = { standin: null as unknown as VaultStandin, world: null as unknown as VaultWorld };
  beforeAll(async () => {
    ctx.world = await buildFixtureWorld();
    mutate?.(ctx.world);
    ctx.standin = await startVaultStandin({ world: ctx.world });
  });
  afterAll(async () => {
    await ctx.standin?.close();
  });
  const call = async (method: string, path: string, opts: { token?: string; body?: unknown; headers?: Record<string, string> } = {}): Promise<CallResult> => {
    const headers: Record<string, string> = { ...opts.headers };
    if (opts.token) headers["X-Vault-Token"] = opts.token;
    const res = await fetch(`${ctx.standin.url}/v1/${path}`, { method, headers, body: opts.body === undefined ? undefined : JSON.stringify(opts.body) });
    const text = await res.text();
    let body: unknown = null;
    try {
      body = text ? JSON.parse(text) : null;
    } catch {
      body = null;
    }
    return { status: res.status, body, text, headers: res.headers };
  };
  return { ctx, call };
}

export const PERMISSION_DENIED = { errors: ["1 error occurred:\n\t* permission denied\n\n"] };
export const INVALID_TOKEN = { errors: ["2 errors occurred:\n\t* permission denied\n\t* invalid token\n\n"] };
export const EMPTY_404 = { errors: [] };
