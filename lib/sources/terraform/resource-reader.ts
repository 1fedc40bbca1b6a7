/**
 * Reads one resource's attributes through the resolver and reports what could not be resolved
 * (one warning per attribute, located at the resource's header line).
 */
import { durationSeconds } from "../durations";
import type { JsonValue, SourceProblem, TerraformResource } from "../types";
import { resolveValue, type ResolveContext } from "./resolve-expressions";
import type { TerraformOrigin } from "./vault-config-types";

export class ResourceReader {
  readonly origin: TerraformOrigin;

  constructor(readonly resource: TerraformResource, private readonly ctx: ResolveContext, private readonly problems: SourceProblem[]) {
    this.origin = { address: `${resource.type}.${resource.name}`, file: resource.file, line: resource.line };
    for (const meta of ["count", "for_each"]) {
      if (meta in resource.attributes) this.warn(`uses ${meta}; read as a single instance`);
    }
  }

  value(attr: string): JsonValue {
    const r = resolveValue(this.resource.attributes[attr], this.ctx);
    if (r.unresolved.length > 0) this.warn(`${attr} = ${r.unresolved.map((e) => `\${${e}}`).join(", ")} could not be resolved; kept as written`);
    return r.value;
  }

  string(attr: string): string | null {
    const v = this.value(attr);
    return typeof v === "string" ? v : typeof v === "number" || typeof v === "boolean" ? String(v) : null;
  }

  strings(attr: string): string[] {
    const v = this.value(attr);
    if (Array.isArray(v)) return v.flatMap((x) => (typeof x === "string" ? [x] : typeof x === "number" ? [String(x)] : []));
    return typeof v === "string" && v !== "" ? [v] : [];
  }

  seconds(attr: string): number | null {
    const v = this.value(attr);
    return durationSeconds(v, (m) => this.warn(`${attr}: ${m}`));
  }

  /** The raw (unresolved) attribute text, for references to computed attributes like `.id`. */
  raw(attr: string): JsonValue | undefined {
    return this.resource.attributes[attr];
  }

  warn(message: string): void {
    this.problems.push({ source: "terraform", file: this.resource.file, line: this.resource.line, message: `${this.origin.address}: ${message}`, severity: "warning" });
  }
}
