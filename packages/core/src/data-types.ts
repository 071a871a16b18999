/** Shapes of the data files in `schemas/` that the core reads (generated into `src/generated/`). */

export type GateStage = 'alpha' | 'beta' | 'GA' | 'deprecated';

export interface GateState {
  stage: GateStage;
  default: boolean;
  locked: boolean;
}

export interface VersionEntry {
  version: string;
  provisional: boolean;
  gates: Record<string, GateState>;
  sources?: string[];
}

export interface KubernetesVersionsTable {
  defaultRange: string;
  gates: Record<string, { kep?: string; description?: string }>;
  fields: Record<string, { since: string; source?: string }>;
  behaviours: Record<string, { since: string; description?: string; source?: string }>;
  versions: VersionEntry[];
}

export type WorkloadClass = 'pod' | 'template' | 'controller' | 'job' | 'cronjob' | 'other';

export interface WorkloadKind {
  group: string;
  kind: string;
  podSpecPath: string;
  workload: WorkloadClass;
  /** A kind whose pods are meant to run to completion (batch-like CRDs of class `other`). */
  completes?: boolean;
  source?: string;
}

export interface WorkloadKindsTable {
  builtin: WorkloadKind[];
  crds: WorkloadKind[];
  nonWorkloadKinds: string[];
  fallbackExcludedKinds: Array<{ group: string; kind: string } | string>;
}

export interface PatternEntry {
  pattern: string;
  name: string;
  kind?: string;
}

export interface HeuristicsTable {
  longRunningImages: PatternEntry[];
  longRunningCommands: PatternEntry[];
  oneShotCommands: PatternEntry[];
  serverCommands?: PatternEntry[];
  /** A sleep in a command line; group 2 is its seconds. */
  sleepCommand?: PatternEntry;
  meshAnnotations: Array<{ key: string; values?: string[]; mesh: string }>;
  legacyWorkarounds: Array<{ kind: 'annotation' | 'command' | 'env' | string; key?: string; contains?: string; pattern?: string; name?: string }>;
}
