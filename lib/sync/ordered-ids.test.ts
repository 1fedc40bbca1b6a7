import { describe, expect, it } from "vitest";
import { createOrderedIdGenerator } from "./ordered-ids";

describe("createOrderedIdGenerator", () => {
  it("yields valid, unique, strictly increasing UUIDv7 strings", () => {
    const next = createOrderedIdGenerator(Date.UTC(2026, 11, 3));
    const ids = Array.from({ length: 70_000 }, next);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
  });
});
