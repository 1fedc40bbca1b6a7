/** Transit: key names only (LIST keys + GET keys/:name metadata). Crypto operations are not modelled. */
import { notFound } from "../errors";
import { listOf, ok, type Backend } from "../backend";

export function createTransitBackend(keys: readonly string[], createdAt: string): Backend {
  const names = new Set(keys);
  const sorted = [...names].sort();
  return {
    type: "transit",
    routes: [
      { pattern: /^keys\/?$/, ops: { list: () => listOf(sorted.length > 0 ? sorted : undefined) } },
      {
        pattern: /^keys\/(?<name>[^/]+)$/,
        ops: {
          read: (req) => {
            const name = req.params.name ?? "";
            if (!names.has(name)) throw notFound();
            return ok({
              allow_plaintext_backup: false,
              auto_rotate_period: 0,
              deletion_allowed: false,
              derived: false,
              exportable: false,
              imported_key: false,
              keys: { "1": Math.floor(Date.parse(createdAt) / 1000) },
              latest_version: 1,
              min_available_version: 0,
              min_decryption_version: 1,
              min_encryption_version: 0,
              name,
              supports_decryption: true,
              supports_derivation: true,
              supports_encryption: true,
              supports_signing: false,
              type: "aes256-gcm96",
            });
          },
        },
      },
    ],
  };
}
