/**
 * FormData of the change form -> the plain object changeInputSchema parses (client and server use
 * the same conversion, so they agree on every message). `readers` may be repeated fields or one
 * field of keys separated by commas, spaces or newlines. Safe for the client.
 */
const LIST_FIELDS = new Set(["readers"]);
/** Left out when empty (an unchosen optional select); required fields keep "" so their own message shows. */
const OPTIONAL_FIELDS = new Set(["reviewId", "origin"]);
const MAX_FIELDS = 40;
const MAX_LIST = 200;

export function changeInputFromFormData(form: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  let fields = 0;
  for (const name of new Set(form.keys())) {
    // React adds its own fields to server-action forms ("$ACTION_ID_...").
    if (name.startsWith("$") || ++fields > MAX_FIELDS) continue;
    const values = form.getAll(name).filter((v): v is string => typeof v === "string");
    if (LIST_FIELDS.has(name)) {
      out[name] = values.flatMap((v) => v.split(/[\s,]+/)).map((v) => v.trim()).filter(Boolean).slice(0, MAX_LIST);
    } else if (values.length > 0) {
      const value = values[0] as string;
      const optional = OPTIONAL_FIELDS.has(name) || (name === "ownerTeam" && form.get("kind") === "policy.codify");
      if (value !== "" || !optional) out[name] = value;
    }
  }
  return out;
}
