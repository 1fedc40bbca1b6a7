import type { SecretSort } from "./schemas";

/** Direction each secret column sorts in when the URL does not say: the interesting end first. Safe for the client. */
export const SECRET_DEFAULT_DIR_PUBLIC: Record<SecretSort, "asc" | "desc"> = {
  path: "asc", score: "desc", readers: "desc", consumers: "desc", propagation: "desc", rotated: "asc",
};
