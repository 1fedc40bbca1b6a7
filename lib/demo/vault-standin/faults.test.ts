import { afterEach, describe, expect, it } from "vitest";
import { setupStandin } from "./test-helpers";
import { TOKENS } from "./test-fixture";

const { call, ctx } = setupStandin();
const RO = { token: TOKENS.readonly };

afterEach(() => ctx.standin.setFaults({}));

async function statuses(n: number): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < n; i++) out.push((await call("GET", "sys/mounts", RO)).status);
  return out;
}

describe("faults", () => {
  it("errorRate answers 500 internal error, deterministically for a seed", async () => {
    ctx.standin.setFaults({ errorRate: 0.5, seed: 42 });
    const first = await statuses(20);
    ctx.standin.setFaults({ errorRate: 0.5, seed: 42 });
    expect(await statuses(20)).toEqual(first);
    expect(first).toContain(500);
    expect(first).toContain(200);
    ctx.standin.setFaults({ errorRate: 1 });
    expect(await call("GET", "sys/mounts", RO)).toMatchObject({ status: 500, body: { errors: ["internal error"] } });
  });
  it("malformedJsonRate keeps the status but breaks the body", async () => {
    ctx.standin.setFaults({ malformedJsonRate: 1 });
    const r = await call("GET", "sys/mounts", RO);
    expect(r.status).toBe(200);
    expect(() => JSON.parse(r.text)).toThrow();
  });
  it("sealed: 503 Vault is sealed; health reports sealed without cluster identity", async () => {
    ctx.standin.setFaults({ sealed: true });
    expect(await call("GET", "sys/mounts", RO)).toMatchObject({ status: 503, body: { errors: ["Vault is sealed"] } });
    const h = await call("GET", "sys/health");
    expect(h.status).toBe(503);
    expect(h.body).toMatchObject({ sealed: true });
    expect(h.body.cluster_id).toBeUndefined();
  });
  it("failPaths fails only matching paths; latency delays", async () => {
    ctx.standin.setFaults({ failPaths: /^sys\/auth/ });
    expect((await call("GET", "sys/auth", RO)).status).toBe(500);
    expect((await call("GET", "sys/mounts", RO)).status).toBe(200);
    ctx.standin.setFaults({ latencyMs: 120 });
    const t0 = Date.now();
    await call("GET", "sys/mounts", RO);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(110);
  });
  it("down drops connections, and recovers", async () => {
    ctx.standin.setFaults({ down: true });
    await expect(fetch(`${ctx.standin.url}/v1/sys/health`)).rejects.toThrow();
    expect(ctx.standin.requests.at(-1)).toMatchObject({ fault: "down", status: 0 });
    ctx.standin.setFaults({});
    expect((await call("GET", "sys/health")).status).toBe(200);
  });
});
