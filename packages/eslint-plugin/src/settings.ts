/**
 * The target of a linted file (DESIGN §3): ESLint `settings["sidecar-lint"]` over the nearest
 * .sidecar-lint.yaml/.yml/.json upward from the file, over the table's default range. One loader per
 * settings object, so each config file is read and checked once per run.
 */
import { ConfigError, ConfigLoader, type ConfigValues } from '@sidecar-lint/config';
import { TargetError, type FieldValidation, type PodSpecPathConfig, type ResolvedTarget } from '@sidecar-lint/core';

export interface SidecarLintSettings {
  kubernetesVersion?: string;
  featureGates?: Record<string, boolean>;
  fieldValidation?: FieldValidation;
  kubeletVersion?: string;
  podSpecPaths?: PodSpecPathConfig[];
}

export type TargetResult =
  | { ok: true; target: ResolvedTarget; podSpecPaths: PodSpecPathConfig[] }
  | { ok: false; message: string };

const loaders = new Map<string, ConfigLoader | string>();
/** The same, by settings object: ESLint hands every file of a config the same one. */
const loadersBySettings = new WeakMap<object, ConfigLoader | string>();

function checkShape(settings: unknown): string | null {
  if (settings === undefined) return null;
  if (typeof settings !== 'object' || settings === null || Array.isArray(settings)) return 'settings["sidecar-lint"] must be an object.';
  const known = new Set(['kubernetesVersion', 'featureGates', 'fieldValidation', 'kubeletVersion', 'podSpecPaths']);
  const unknown = Object.keys(settings).filter((key) => !known.has(key));
  if (unknown.length > 0) return `unknown key ${JSON.stringify(unknown[0])} in settings["sidecar-lint"] (known keys: ${[...known].join(', ')}).`;
  const { featureGates, fieldValidation } = settings as SidecarLintSettings;
  if (featureGates !== undefined && (typeof featureGates !== 'object' || featureGates === null || Object.values(featureGates).some((v) => typeof v !== 'boolean'))) {
    return 'featureGates must map gate names to true or false.';
  }
  if (fieldValidation !== undefined && fieldValidation !== 'strict' && fieldValidation !== 'warn') return 'fieldValidation must be "strict" or "warn".';
  return null;
}

function message(error: unknown): string {
  if (error instanceof TargetError || error instanceof ConfigError) return error.message;
  throw error;
}

/** The loader for one settings value (or the message of what is wrong with it). */
function loaderFor(own: unknown): ConfigLoader | string {
  const byObject = typeof own === 'object' && own !== null ? own : undefined;
  const known = byObject ? loadersBySettings.get(byObject) : undefined;
  if (known !== undefined) return known;
  const key = JSON.stringify(own ?? null);
  let loader = loaders.get(key);
  if (loader === undefined) {
    const shapeError = checkShape(own);
    try {
      loader = shapeError ?? new ConfigLoader({ explicit: (own ?? {}) as ConfigValues });
    } catch (error) {
      loader = message(error);
    }
    loaders.set(key, loader);
  }
  if (byObject) loadersBySettings.set(byObject, loader);
  return loader;
}

/** The target for a file under these settings; a bad setting or config file becomes a message, never an exception. */
export function targetFromSettings(settings: Record<string, unknown> | undefined, filename?: string): TargetResult {
  const loader = loaderFor(settings?.['sidecar-lint']);
  if (typeof loader === 'string') return { ok: false, message: loader };
  try {
    const loaded = filename === undefined ? loader.loadForDirectory(process.cwd()) : loader.loadFor(filename);
    return { ok: true, target: loaded.target, podSpecPaths: loaded.podSpecPaths };
  } catch (error) {
    return { ok: false, message: message(error) };
  }
}
