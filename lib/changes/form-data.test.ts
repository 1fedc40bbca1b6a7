import { describe, expect, it } from "vitest";
import { changeInputFromFormData } from "./form-data";
import { changeInputSchema, fieldErrors } from "./schemas";

describe("changeInputFromFormData", () => {
  it("turns the form into the schema's input: repeated or separated readers, React's own fields dropped", () => {
    const form = new FormData();
    form.set("$ACTION_ID_abc", "");
    form.set("kind", "secret.create");
    form.set("cluster", "primary");
    form.set("mount", "kv");
    form.set("path", "payments/dev/new");
    form.set("environment", "dev");
    form.set("ownerTeam", "team-payments");
    form.set("description", "New key");
    form.set("classification", "internal");
    form.set("rotationPeriodDays", "90");
    form.set("engine", "kv-v2");
    form.append("readers", "primary:kubernetes-nonprod/a, primary:kubernetes-nonprod/b\nprimary:group/team-x");
    form.append("readers", "primary:kubernetes-nonprod/c");
    form.set("reason", "Needed for the new job");
    const input = changeInputFromFormData(form);
    expect(input).not.toHaveProperty("$ACTION_ID_abc");
    expect(input.readers).toEqual(["primary:kubernetes-nonprod/a", "primary:kubernetes-nonprod/b", "primary:group/team-x", "primary:kubernetes-nonprod/c"]);
    expect(changeInputSchema.parse(input)).toMatchObject({ kind: "secret.create", rotationPeriodDays: 90 });
  });

  it("keeps empty required fields (their own message shows) and drops empty optional ones", () => {
    const form = new FormData();
    form.set("kind", "policy.codify");
    form.set("cluster", "primary");
    form.set("policyName", "");
    form.set("ownerTeam", "");
    form.set("reason", "bring it into terraform");
    const result = changeInputSchema.safeParse(changeInputFromFormData(form));
    expect(result.success).toBe(false);
    expect(result.success ? {} : fieldErrors(result.error)).toEqual({ policyName: "Choose a policy" });
  });
});
