// Blast radius of secrets (DESIGN.md "Core algorithms"): readers, propagation, what breaks,
// rotation simulation, exposure score, reverse and policy blast radius. Pure: no I/O, no Prisma.
export { materialiseGrants, type MaterialiseGrantsInput, type MaterialiseGrantsResult, type MaterialiseStats, type PrivilegedIdentity } from "./materialise-grants";
export { resolvePolicySets, addsDefaultPolicy, type EffectivePolicies, type PolicySource } from "./resolve-policy-sets";
export { computePropagation, consumerPropagation, type ConsumerPropagation, type Propagation, type PropagationWait } from "./compute-propagation";
export { PROPAGATION_DEFAULTS } from "./read-consumption-timing";
export { transitiveDependents, indexReverseDependencies, type Dependent, type ReverseDependencyIndex } from "./transitive-dependents";
export { whatBreaks, type BrokenConsumer, type BrokenDependent, type WhatBreaks } from "./what-breaks";
export { simulateRotation, type RotationEvent, type RotationEventKind, type RotationSimulation } from "./simulate-rotation";
export { EXPOSURE_WEIGHTS, DEFAULT_ROTATION_PERIOD_SECONDS, type ExposureTerm } from "./exposure-weights";
export { scoreExposure, rescoreWithEvidence, type ExposureEvidence, type ExposureInput, type ExposureScore, type ExposureTermScore, type ScoredGrant } from "./score-exposure";
export { summariseSecrets } from "./summarise-secrets";
export { computeSecretEvidence, toExposureEvidence, staleVerdict, UNUSED_AFTER_DAYS, type AccessStatInput, type ReaderEvidence, type SecretEvidence, type StaleVerdict } from "./audit-evidence";
export { readableBy, type ReadableBy, type ReadableThroughPolicy } from "./readable-by";
export { policyBlastRadius, type DecidedGrant, type PolicyBlastRadius, type PolicyCarrier } from "./policy-blast-radius";
