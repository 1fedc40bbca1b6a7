// Vault ACL policies: parsing (HCL/JSON, async, uses a WebAssembly HCL parser) and evaluation
// (pure, synchronous, safe anywhere). See DESIGN.md "ACL evaluation".
export { parsePolicy, type ParsePolicyOptions } from "./parse-policy";
export { PolicyParseError } from "./policy-parse-error";
export { evaluateAcl, kvDataPath, kvMetadataPath } from "./evaluate";
export { compileAcl, type CompiledAcl, type RulePrefix } from "./compile-acl";
export { findCandidateRanges, type PathRange } from "./find-candidate-ranges";
export { mergeRules, type MergedRule } from "./merge-rules";
export { CAPABILITIES } from "./types";
export type {
  AclDecision,
  Capability,
  DecidedBy,
  EvaluateOptions,
  ParsedPolicy,
  PolicyRule,
  RuleConstraints,
  RuleKind,
} from "./types";
