/**
 * Vault Agent templates (consul-template syntax) may read paths other than the annotated one:
 * `{{ with secret "database/creds/app" }}`, `{{ secret "kv/data/x" "k=v" }}`, `{{ pkiCert "pki/issue/x" ... }}`.
 * Paths built at render time (`secret (printf ...)`, a variable) cannot be known statically.
 * Reference: https://github.com/hashicorp/consul-template/blob/main/docs/templating-language.md#secret
 */
export interface TemplatePaths {
  paths: string[];
  /** Number of secret calls whose path is computed, not a literal. */
  dynamic: number;
}

const SECRET_CALL = /\b(?:secret|pkiCert)\s+(?:"((?:[^"\\]|\\.)*)"|`([^`]*)`|([^\s}]+))/g;

export function secretPathsInTemplate(template: string): TemplatePaths {
  const paths: string[] = [];
  let dynamic = 0;
  for (const m of template.matchAll(SECRET_CALL)) {
    const literal = m[1] !== undefined ? m[1].replace(/\\(.)/g, "$1") : m[2];
    if (literal === undefined) dynamic += 1;
    else if (!paths.includes(literal)) paths.push(literal);
  }
  return { paths, dynamic };
}
