import { describe, expect, it } from "vitest";
import { outcomeProblem } from "./check-outcome";
import { code, fenced } from "./markdown";
import { renderPrBody } from "./pr-body";
import { changeInputSchema } from "./schemas";

describe("pull request body", () => {
  const input = changeInputSchema.parse({
    kind: "access.grant", identityKey: "primary:kubernetes-prod/payments-api", secretKey: "primary:kv/payments/staging/deploy-key", access: "read",
    reason: "~~~\n</details><img src=x onerror=alert(1)> @security-team [click](javascript:alert(1)) ```".replace("\n", " "),
  });
  const body = renderPrBody({
    changeId: "0b7c3e52-1a2b-4c3d-8e9f-001122334455", title: "t", input, requester: { name: "Erin", email: "erin@radius.example" },
    portalUrl: "https://radius.example/", summary: ["Adds a rule."], notes: [], files: [{ path: "team-payments.tf", before: "x" }],
    delta: { gains: [{ identityKey: "primary:kubernetes-prod/payments-api", secretKey: "primary:kv/payments/staging/deploy-key", capabilities: ["read", "list"], policy: "svc|x", rule: "kv/data/payments/staging/deploy-key" }], losses: [], newPaths: [] },
  });

  it("keeps what the user typed literal (fenced), links back to the change and the secret pages", () => {
    const why = body.slice(body.indexOf("### Why"), body.indexOf("### Request"));
    expect(why).toBe(`### Why\n${fenced(input.reason)}\n\n`);
    expect(fenced(input.reason).startsWith("~~~~text\n")).toBe(true);
    expect(body).toContain("https://radius.example/changes/0b7c3e52-1a2b-4c3d-8e9f-001122334455");
    expect(body).toContain("(https://radius.example/secrets/primary:kv/payments/staging/deploy-key)");
    expect(body).toContain("(https://radius.example/identities/primary:kubernetes-prod/payments-api)");
    expect(body).toContain("`svc\\|x` rule `kv/data/payments/staging/deploy-key`");
    expect(body.split("\n").filter((l) => l.includes("<img"))).toHaveLength(1); // only inside the fence
  });

  it("code spans cannot be closed from inside", () => {
    expect(code("a`b")).toBe("``a`b``");
    expect(code("`x`")).toBe("`` `x` ``");
    expect(code("a\nb")).toBe("`a b`");
  });

  it("refuses a change whose delta does not show the requested outcome", () => {
    const delta = { gains: [], losses: [], newPaths: [] };
    expect(outcomeProblem({ kind: "gain", identityKey: "i", secretKey: "s", capability: "read" }, delta)).toMatchObject({ field: "secretKey" });
    expect(outcomeProblem({ kind: "new-readers", identityKeys: ["i"] }, delta)).toMatchObject({ field: "readers" });
    expect(outcomeProblem({ kind: "none" }, delta)).toBeNull();
  });
});
