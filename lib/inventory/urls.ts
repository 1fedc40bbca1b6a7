/**
 * URL scheme of the inventory pages and API (safe for the client). Stable keys contain slashes and
 * colons ("primary:kv-prod/payments/prod/payments-api/stripe-key"), so each key becomes catch-all
 * path segments, one per "/"-separated part, each percent-encoded (":" kept readable, it is legal
 * in a path segment): /secrets/primary:kv-prod/payments/prod/payments-api/stripe-key
 * A "?" "#" "%" or space in a key is encoded, so every key round-trips. Segments "." and ".." are
 * rejected (browsers would resolve them away); Vault refuses them in paths too.
 */

const encodeSegment = (part: string): string => encodeURIComponent(part).replace(/%3A/gi, ":").replace(/%40/g, "@");

export function keyToPath(key: string): string {
  return key.split("/").map(encodeSegment).join("/");
}

/**
 * The key from catch-all segments. Next.js 16 hands catch-all segments over still percent-encoded
 * (seen: "primary%3Akv-prod"), so each is decoded exactly once here; keyToPath encodes "%" itself,
 * so a key containing "%" round-trips. Malformed encodings, empty and dot segments give null.
 */
export function keyFromSegments(segments: readonly string[] | undefined): string | null {
  if (!segments || segments.length === 0) return null;
  const decoded: string[] = [];
  for (const segment of segments) {
    let part: string;
    try {
      part = decodeURIComponent(segment);
    } catch {
      return null;
    }
    if (part === "" || part === "." || part === ".." || part.includes("/")) return null;
    decoded.push(part);
  }
  return decoded.join("/");
}

export const secretHref = (key: string): string => `/secrets/${keyToPath(key)}`;
export const identityHref = (key: string): string => `/identities/${keyToPath(key)}`;
export const workloadHref = (key: string): string => `/workloads/${keyToPath(key)}`;
export const policyHref = (cluster: string, name: string): string => `/policies/${encodeSegment(cluster)}/${encodeSegment(name)}`;

/** The JSON API mirrors the pages: /api/secrets/<key>, /api/identities/<key>, ... */
export const apiHref = (pageHref: string): string => `/api${pageHref}`;

/** A list URL with some params changed; `undefined` or "" removes a param, and any change but `page` resets to page 1. */
export function withParams(base: string, current: Record<string, string | number | undefined>, changes: Record<string, string | number | undefined>): string {
  const merged: Record<string, string | number | undefined> = { ...current, ...changes };
  if (!("page" in changes)) delete merged.page;
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(merged)) if (v !== undefined && v !== "") search.set(k, String(v));
  const qs = search.toString();
  return qs ? `${base}?${qs}` : base;
}
