import { describe, expect, it } from "vitest";
import { createLimiter } from "./promise-pool";

const tick = () => new Promise((r) => setTimeout(r, 1));

describe("createLimiter", () => {
  it("never runs more than `size` tasks at once, even with newcomers during hand-over", async () => {
    const limiter = createLimiter(3);
    let active = 0;
    let peak = 0;
    const task = async () => {
      active++;
      peak = Math.max(peak, active);
      await tick();
      active--;
    };
    const first = Array.from({ length: 20 }, () => limiter.run(task));
    await tick();
    const late = Array.from({ length: 20 }, () => limiter.run(task));
    await Promise.all([...first, ...late]);
    expect(peak).toBe(3);
    expect(limiter.active).toBe(0);
  });

  it("frees the slot when a task throws", async () => {
    const limiter = createLimiter(1);
    await expect(limiter.run(() => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    await expect(limiter.run(async () => 42)).resolves.toBe(42);
  });

  it("stops queued tasks after an abort", async () => {
    const controller = new AbortController();
    const limiter = createLimiter(1, controller.signal);
    const ran: number[] = [];
    const runs = [1, 2, 3].map((n) => limiter.run(async () => {
      ran.push(n);
      controller.abort(new Error("stop"));
    }));
    const results = await Promise.allSettled(runs);
    expect(ran).toEqual([1]);
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "rejected", "rejected"]);
  });

  it("rejects a nonsensical size", () => {
    expect(() => createLimiter(0)).toThrow(RangeError);
  });
});
