/** The config keys (DESIGN §3), shared by the file, the explicit values and the merged result. */
import type { FieldValidation, PodSpecPathConfig, RuleSetting } from '@sidecar-lint/core';

export interface ConfigValues {
  /** "1.31", "v1.31", "1.31.4" or an ascending range "1.29-1.33". */
  kubernetesVersion?: string;
  featureGates?: Record<string, boolean>;
  fieldValidation?: FieldValidation;
  kubeletVersion?: string;
  rules?: Record<string, RuleSetting>;
  /** Globs of files not to lint, relative to the config file's folder (explicit ones: to the cwd). */
  ignorePatterns?: string[];
  podSpecPaths?: PodSpecPathConfig[];
}

export const configKeys = [
  'kubernetesVersion',
  'featureGates',
  'fieldValidation',
  'kubeletVersion',
  'rules',
  'ignorePatterns',
  'podSpecPaths',
] as const satisfies ReadonlyArray<keyof ConfigValues>;

export const configFileNames = ['.sidecar-lint.yaml', '.sidecar-lint.yml', '.sidecar-lint.json'] as const;
