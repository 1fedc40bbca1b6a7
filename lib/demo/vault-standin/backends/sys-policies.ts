/** sys/policies/acl (data only under `data`) and the legacy sys/policy (copied to the top level, `rules`). */
import { badRequest, notFound } from "../errors";
import { empty, listOf, ok, str, type BackendRequest, type Route } from "../backend";
import type { StandinState } from "../state";

export function policyRoutes(state: StandinState): Route[] {
  const store = state.policies;
  // Stored names in storage order, then "root" appended last (root namespace).
  const names = () => [...store.names(), "root"];
  const read = (field: "policy" | "rules") => (req: BackendRequest) => {
    const name = (req.params.name ?? "").toLowerCase();
    // "root" is built in: Vault answers with an empty text rather than 404.
    if (name === "root") return ok({ name, [field]: "" });
    const p = store.get(name);
    if (!p) throw notFound();
    return ok({ name, [field]: p.raw });
  };
  const write = async (req: BackendRequest) => {
    const name = (req.params.name ?? "").toLowerCase();
    if (name === "root") throw badRequest(`cannot update "root" policy`);
    let text = str(req.body, "policy") ?? str(req.body, "rules") ?? "";
    if (text === "") throw badRequest("'policy' parameter not supplied or empty");
    // Vault also accepts the policy base64-encoded.
    if (!text.includes("path")) {
      const decoded = Buffer.from(text, "base64").toString("utf8");
      if (decoded.includes("path")) text = decoded;
    }
    try {
      await store.put(name, text);
    } catch (e) {
      throw badRequest((e as Error).message);
    }
    return empty();
  };
  const remove = (req: BackendRequest) => {
    const name = (req.params.name ?? "").toLowerCase();
    if (name === "root" || name === "default") throw badRequest(`cannot delete "${name}" policy`);
    store.delete(name);
    return empty();
  };
  const exists = (req: { path: string }) => !!store.get(req.path.replace(/^policies\/acl\/|^policy\//, ""));

  return [
    { pattern: /^policies\/acl\/?$/, ops: { list: () => listOf(names()) } },
    { pattern: /^policies\/acl\/(?<name>.+)$/, exists, ops: { read: read("policy"), update: write, delete: remove } },
    { pattern: /^policy$/, ops: { read: () => ok({ keys: names(), policies: names() }) } },
    { pattern: /^policy\/(?<name>.+)$/, exists, ops: { read: read("rules"), update: write, delete: remove } },
  ];
}
