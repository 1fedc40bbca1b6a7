import type { Rng } from "./prng";

/** Vault-shaped identifiers: mount accessors ("kv_1a2b3c4d"), lease suffixes (24 base62 chars). */
export const accessorFor = (rng: Rng, type: string): string => `${type}_${rng.hex(4)}`;

const BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
export const leaseSuffix = (rng: Rng): string => {
  let out = "";
  for (const b of rng.bytes(24)) out += BASE62[b % 62]; // slight bias is irrelevant for identifiers
  return out;
};
