/** Lease and certificate health from Vault (read-only): the collectors the sync calls. */
export { collectLeases, type CollectLeasesOptions, type CollectedLeases } from "./collect-leases";
export { collectCertificates, type CollectCertificatesOptions, type CollectedCertificates } from "./collect-certificates";
export { parseCertificatePem, isWeakKey, type ParsedCertificate } from "./parse-certificate";
export { parseCrl } from "./parse-crl";
export { leaseOrigin } from "./lease-key";
