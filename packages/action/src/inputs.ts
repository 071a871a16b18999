/**
 * The Action's inputs, read the way the runner passes them: `INPUT_<NAME>` with the name upper-cased
 * and spaces turned into underscores (hyphens stay: `INPUT_FAIL-ON`). Empty means not given.
 */
export type FailOn = 'error' | 'warning' | 'never';

const FAIL_ON: readonly FailOn[] = ['error', 'warning', 'never'];
const FORMATS = ['stylish', 'json', 'sarif', 'github', 'junit'] as const;
export type LogFormat = (typeof FORMATS)[number];

export interface ActionInputs {
  paths: string[];
  kubeVersion: string | undefined;
  featureGates: string | undefined;
  config: string | undefined;
  /** What the step log shows besides the annotations. */
  format: LogFormat;
  /** Where the SARIF report goes; undefined when neither the input nor RUNNER_TEMP gives a place. */
  sarifFile: string | undefined;
  failOn: FailOn;
}

/** A bad input value: the step fails with this message, before anything is linted. */
export class InputError extends Error {
  override name = 'InputError';
}

export function input(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const value = env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`]?.trim();
  return value === undefined || value === '' ? undefined : value;
}

function oneOf<T extends string>(env: NodeJS.ProcessEnv, name: string, allowed: readonly T[], fallback: T): T {
  const value = input(env, name) ?? fallback;
  if (!(allowed as readonly string[]).includes(value)) {
    throw new InputError(`Invalid input ${name}: "${value}"; expected one of ${allowed.join(', ')}.`);
  }
  return value as T;
}

/** Paths are separated by new lines (a YAML block scalar in the workflow) or by spaces. */
function pathList(value: string | undefined): string[] {
  const paths = (value ?? '').split(/\s+/).filter((path) => path !== '');
  return paths.length > 0 ? paths : ['.'];
}

export function readInputs(env: NodeJS.ProcessEnv): ActionInputs {
  const runnerTemp = env['RUNNER_TEMP'];
  return {
    paths: pathList(input(env, 'paths')),
    kubeVersion: input(env, 'kube-version'),
    featureGates: input(env, 'feature-gates'),
    config: input(env, 'config'),
    format: oneOf(env, 'format', FORMATS, 'stylish'),
    sarifFile: input(env, 'sarif-file') ?? (runnerTemp ? `${runnerTemp.replace(/[\\/]$/, '')}/sidecar-lint.sarif` : undefined),
    failOn: oneOf(env, 'fail-on', FAIL_ON, 'error'),
  };
}
