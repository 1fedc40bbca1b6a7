/**
 * PKI secrets engine, read side (reference/vault-api.md §9) plus role writes and revoke.
 * cert/*, ca, crl and issuer/:ref/{pem,der,json} and LIST issuers need no token, as in Vault.
 */
import { badRequest, notFound } from "../errors";
import { listOf, ok, type Backend, type BackendResponse } from "../backend";
import { collectionRoutes, list, num } from "./collection-routes";
import { crlDer, derToPem } from "./pki-crl";
import { PkiStore, normalizeSerial, pemToDer, trimPem, unixSeconds } from "./pki-store";
import type { PkiIssuer, PkiMount, PkiRole } from "../../vault-world";

const UNAUTHENTICATED = [
  /^cert\/.+/,
  /^ca(\/pem)?$/,
  /^ca_chain$/,
  /^crl(\/pem|\/delta(\/pem)?)?$/,
  /^issuer\/[^/]+\/(pem|der|json)$/,
  /^issuer\/[^/]+\/crl(\/der|\/pem)?$/,
];

export function createPkiBackend(pki: PkiMount): Backend {
  const store = new PkiStore(pki);
  const raw = (status: number, contentType: string, body: Buffer | string): BackendResponse => ({ kind: "raw", status, contentType, body });
  const defaultIssuer = () => {
    const i = store.defaultIssuer;
    if (!i) throw notFound();
    return i;
  };
  const crlFor = async (issuer: PkiIssuer | undefined, pem: boolean) => {
    if (!issuer) throw notFound();
    const der = await crlDer(store, issuer.id);
    return pem ? raw(200, "application/x-pem-file", derToPem(der, "X509 CRL")) : raw(200, "application/pkix-crl", der);
  };

  return {
    type: "pki",
    unauthenticated: (path, op) => (op === "list" && path === "issuers/") || UNAUTHENTICATED.some((re) => re.test(path)),
    routes: [
      { pattern: /^certs\/revoked\/?$/, ops: { list: () => listOf(store.revokedSerials()) } },
      { pattern: /^certs\/?$/, ops: { list: () => listOf(store.serials()) } },
      {
        pattern: /^cert\/(?<serial>[^/]+)(?<raw>\/raw(?:\/pem)?)?$/,
        ops: {
          read: async (req) => {
            const serial = req.params.serial ?? "";
            if (serial === "crl") {
              const pem = derToPem(await crlDer(store, defaultIssuer().id), "X509 CRL");
              return ok({ certificate: pem, revocation_time: 0, revocation_time_rfc3339: "" });
            }
            const ca = serial === "ca" || serial === "ca_chain" ? defaultIssuer() : undefined;
            const cert = ca ? undefined : store.certs.get(normalizeSerial(serial));
            const pem = ca ? trimPem(ca.certificatePem) : cert ? trimPem(cert.certificatePem) : undefined;
            if (!pem) throw notFound();
            if (req.params.raw === "/raw") return raw(200, "application/pkix-cert", pemToDer(pem));
            if (req.params.raw === "/raw/pem") return raw(200, "application/pem-certificate-chain", pem);
            const data: Record<string, unknown> = { certificate: pem, revocation_time: 0, revocation_time_rfc3339: "" };
            if (serial === "ca_chain" && ca) data.ca_chain = [pem, ...ca.caChainPem.map(trimPem)].join("\n");
            if (cert?.revokedAt) {
              data.revocation_time = unixSeconds(cert.revokedAt);
              data.revocation_time_rfc3339 = cert.revokedAt;
              data.issuer_id = cert.issuerId; // known only from the revocation entry
            }
            return ok(data);
          },
        },
      },
      {
        pattern: /^issuers\/?$/,
        ops: {
          list: () => {
            const keys = pki.issuers.map((i) => i.id).sort();
            const keyInfo = Object.fromEntries(pki.issuers.map((i) => [i.id, { is_default: i === store.defaultIssuer, issuer_name: i.name }]));
            return ok(keys.length > 0 ? { keys, key_info: keyInfo } : null);
          },
        },
      },
      {
        pattern: /^issuer\/(?<ref>[^/]+)$/,
        ops: {
          read: (req) => {
            const i = store.issuer(req.params.ref ?? "");
            if (!i) throw notFound();
            return ok(renderIssuer(i));
          },
        },
      },
      {
        pattern: /^issuer\/(?<ref>[^/]+)\/(?<fmt>pem|der|json)$/,
        ops: {
          read: (req) => {
            const i = store.issuer(req.params.ref ?? "");
            if (!i) throw notFound();
            const pem = trimPem(i.certificatePem);
            if (req.params.fmt === "der") return raw(200, "application/pkix-cert", pemToDer(pem));
            if (req.params.fmt === "pem") return raw(200, "application/pem-certificate-chain", pem);
            return ok({ ca_chain: [pem, ...i.caChainPem.map(trimPem)], certificate: pem, issuer_id: i.id, issuer_name: i.name });
          },
        },
      },
      { pattern: /^issuer\/(?<ref>[^/]+)\/crl(?<fmt>\/der|\/pem)?$/, ops: { read: (req) => crlFor(store.issuer(req.params.ref ?? ""), req.params.fmt === "/pem") } },
      { pattern: /^crl$/, ops: { read: () => crlFor(store.defaultIssuer, false) } },
      { pattern: /^crl\/pem$/, ops: { read: () => crlFor(store.defaultIssuer, true) } },
      { pattern: /^ca$/, ops: { read: () => raw(200, "application/pkix-cert", pemToDer(defaultIssuer().certificatePem)) } },
      { pattern: /^ca\/pem$/, ops: { read: () => raw(200, "application/pem-certificate-chain", trimPem(defaultIssuer().certificatePem)) } },
      {
        pattern: /^revoke$/,
        ops: {
          update: (req) => {
            const serial = typeof req.body.serial_number === "string" ? req.body.serial_number : "";
            if (!serial) throw badRequest("The serial number must be provided");
            const cert = store.revoke(serial, new Date().toISOString());
            if (!cert) throw badRequest(`certificate with serial ${serial} not found.`);
            return ok({ revocation_time: unixSeconds(cert.revokedAt!), revocation_time_rfc3339: cert.revokedAt, state: "revoked" });
          },
        },
      },
      ...collectionRoutes<PkiRole>({ prefix: "roles", store: store.roles, render: renderRole, fromBody: roleFromBody }),
    ],
  };
}

function renderIssuer(i: PkiIssuer): Record<string, unknown> {
  return {
    ca_chain: [trimPem(i.certificatePem), ...i.caChainPem.map(trimPem)],
    certificate: trimPem(i.certificatePem),
    crl_distribution_points: [],
    issuer_id: i.id,
    issuer_name: i.name,
    issuing_certificates: [],
    key_id: i.keyId,
    leaf_not_after_behavior: "err",
    manual_chain: null,
    ocsp_servers: [],
    revocation_signature_algorithm: "",
    revoked: false,
    usage: "crl-signing,issuing-certificates,ocsp-signing,read-only",
  };
}

function renderRole(r: PkiRole): Record<string, unknown> {
  return {
    allow_any_name: false,
    allow_bare_domains: false,
    allow_glob_domains: false,
    allow_ip_sans: true,
    allow_localhost: true,
    allow_subdomains: r.allowSubdomains,
    allowed_domains: r.allowedDomains,
    allowed_uri_sans: [],
    client_flag: true,
    code_signing_flag: false,
    enforce_hostnames: true,
    issuer_ref: "default",
    key_bits: r.keyBits,
    key_type: r.keyType,
    key_usage: ["DigitalSignature", "KeyAgreement", "KeyEncipherment"],
    max_ttl: r.maxTtl,
    no_store: false,
    require_cn: true,
    server_flag: true,
    ttl: r.ttl,
  };
}

function roleFromBody(name: string, b: Record<string, unknown>, e: PkiRole | undefined): PkiRole {
  return {
    name,
    allowedDomains: list(b.allowed_domains, e?.allowedDomains ?? []),
    allowSubdomains: b.allow_subdomains === undefined ? (e?.allowSubdomains ?? false) : b.allow_subdomains === true || b.allow_subdomains === "true",
    maxTtl: num(b.max_ttl, e?.maxTtl ?? 0),
    ttl: num(b.ttl, e?.ttl ?? 0),
    keyType: (b.key_type as PkiRole["keyType"] | undefined) ?? e?.keyType ?? "rsa",
    keyBits: num(b.key_bits, e?.keyBits ?? 2048),
  };
}
