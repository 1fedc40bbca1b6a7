/** The standard response envelope (logical.HTTPResponse) and the LIST 404-on-empty rule. */
import { randomUUID } from "node:crypto";
import { copiesDataToTopLevel, sortKeysDeep } from "./json";

export interface EnvelopeInput {
  path: string;
  data: Record<string, unknown> | null;
  warnings?: string[];
  mountType: string;
}

export function buildEnvelope(input: EnvelopeInput): Record<string, unknown> {
  const data = input.data === null ? null : (sortKeysDeep(input.data) as Record<string, unknown>);
  const body: Record<string, unknown> = {
    request_id: randomUUID(),
    lease_id: "",
    renewable: false,
    lease_duration: 0,
    data,
    wrap_info: null,
    warnings: input.warnings && input.warnings.length > 0 ? input.warnings : null,
    auth: null,
    mount_type: input.mountType,
  };
  if (!data || !copiesDataToTopLevel(input.path)) return body;
  // Vault re-marshals these bodies as a map, so the whole body comes out with sorted keys.
  return sortKeysDeep({ ...body, ...data }) as Record<string, unknown>;
}

/** Vault's RespondErrorCommon turns an empty LIST result into 404 {"errors":[]}. */
export function isEmptyListResult(data: Record<string, unknown> | null, warnings?: string[]): boolean {
  if (!data) return true;
  const keys = Object.keys(data);
  if (keys.length === 0) return !warnings || warnings.length === 0;
  if (!("keys" in data)) return false; // key_info or other data without keys is returned as-is
  const list = data.keys;
  if (Array.isArray(list) && list.length === 0) return true;
  return list === undefined && keys.length === 1;
}
