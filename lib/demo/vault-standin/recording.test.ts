import { describe, expect, it } from "vitest";
import { startVaultStandin } from "./server";
import { buildFixtureWorld, TOKENS } from "./test-fixture";

describe("request recording", () => {
  it("records what a test needs to prove the portal never read data/ or wrote", async () => {
    const standin = await startVaultStandin({ world: await buildFixtureWorld(), maxRecordedRequests: 150 });
    try {
      const h = { "X-Vault-Token": TOKENS.readonly };
      await fetch(`${standin.url}/v1/kv/metadata/payments?list=true`, { headers: h });
      await fetch(`${standin.url}/v1/kv/data/payments`, { headers: h });
      const [list, data] = standin.requests;
      expect(list).toMatchObject({ method: "GET", path: "kv/metadata/payments", query: { list: "true" }, operation: "list", tokenAccessor: "acc-readonly", status: 200, fault: null });
      expect(data).toMatchObject({ method: "GET", path: "kv/data/payments", operation: "read", status: 403 });
      expect(standin.requests.filter((r) => /\/data\//.test(r.path))).toHaveLength(1);
      // A capped log keeps the newest requests in the same array object.
      const log = standin.requests;
      for (let i = 0; i < 300; i++) await fetch(`${standin.url}/v1/sys/health`);
      expect(standin.requests).toBe(log);
      expect(log.length).toBeLessThanOrEqual(250);
      expect(log.at(-1)?.path).toBe("sys/health");
    } finally {
      await standin.close();
    }
  });
});
