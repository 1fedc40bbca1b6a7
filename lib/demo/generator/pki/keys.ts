import { createECDH, createHash, createPrivateKey, createPublicKey, type KeyObject } from "node:crypto";
import type { Rng } from "../prng";

/**
 * Keys for the demo PKI. Issuers sign with Ed25519 derived from the seed: RFC 8032 signatures are
 * deterministic, so certificates are byte-identical for a seed (ECDSA in OpenSSL/WebCrypto uses a
 * random nonce). Leaf public keys: EC P-256 derived from the seed; RSA moduli cannot be derived
 * cheaply, so a few RSA public keys generated once are embedded (public keys only, no secret here).
 */
const RSA_2048_SPKI = [
  "MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAnn6Rnls5oRaj6zPDD+0I08Pdov5yloLTfBpyjLwwq28t+EeCdLhI+JwY16wAt2oJlIFY9yman+f+76G1ZUv+dIa1uCbbn2WMCfuqvYrMwGRoEtlo06QoYraVE/6NqEtPfnu1dNtDbpRhv1JmmdXmipPUAn7YT1pJgYqfbS2WSaqkNjMZo5ihzcMx6gqILdoybZ+KJ1SqA87jjQvwqBfH0NZM89CFnAooCHJ7kJ9rxdEpgmeqpgtVYDs44Y/BpZcAINPaiXiWBETitjalYw3raU71XU3bHXelPXMym9nlyrcxcDqW0GZJuUfRoR+jk5ViwqC67aepUMxpM2tXQjNkqQIDAQAB",
  "MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAzlFnukl909XTzEzuLNop6Khq5jh47ESc/rIozSY4P1kGgtKCwHJVCPYxWVUPqBvBFTCpHZcPfN4iXUU9hEq1U9PqkfODmotw80cgrrg2wLj8z2UsVmP2A6NMIHdUz2L889LzHCwe96EmtYnEw8YkfsvuV/3+Hh0EeGEINZWrxuCXdGuwSHX9biWcMGPZiE8P8Bv0RU+1sfTrX3EoMi7NxrYYa3hwdIvH/l+1VDa3W8xw75siUvXcWY4/pBX79gJq3h9OZYJ9+AdAFecs4LEsswtAeUjCA2VWlJyuR00OVYzzG64/Av9XOFfMzJEd087NHE1g+HJIXGhKCFoenwyyjQIDAQAB",
];
const RSA_1024_SPKI = "MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQDaejs4pNoJWphrKV+w78oPM5waZV85N+Z/Ky0SjgpNx4D15fe4g3TrO1pgHeFIoLqAfZrp2Yjc5Vz4G/yEhrQDCZx/z9oTVPGy8LSiBRkJyiUi5+dLbbqjB5JGww2zKejx+bP8iaamM41+XbKKDUSBZatDC74udyaDX+owte/jTwIDAQAB";

const ED25519_PKCS8_PREFIX = Buffer.from("302e020100300506032b657004220420", "hex");
const P256_SPKI_PREFIX = Buffer.from("3059301306072a8648ce3d020106082a8648ce3d030107034200", "hex");

export interface SigningKey {
  privateKey: KeyObject;
  spki: Buffer;
}

export function ed25519FromSeed(rng: Rng): SigningKey {
  const privateKey = createPrivateKey({ key: Buffer.concat([ED25519_PKCS8_PREFIX, rng.bytes(32)]), format: "der", type: "pkcs8" });
  return { privateKey, spki: createPublicKey(privateKey).export({ type: "spki", format: "der" }) };
}

export function p256PublicKeyFromSeed(rng: Rng): Buffer {
  const ecdh = createECDH("prime256v1");
  // A hash of the draw is always below the curve order for all practical purposes (2^-32 chance otherwise).
  ecdh.setPrivateKey(createHash("sha256").update(rng.bytes(32)).digest());
  return Buffer.concat([P256_SPKI_PREFIX, ecdh.getPublicKey()]);
}

const RSA_2048 = RSA_2048_SPKI.map((k) => Buffer.from(k, "base64"));
const RSA_1024 = Buffer.from(RSA_1024_SPKI, "base64");
/** The same Buffer objects every time, so derived key identifiers can be cached by identity. */
export const rsaPublicKey = (bits: 1024 | 2048, i: number): Buffer => (bits === 1024 ? RSA_1024 : (RSA_2048[i % RSA_2048.length] as Buffer));
