/**
 * The target of a linted file: ESLint `settings["sidecar-lint"]` over the table's default range
 * (DESIGN §3). Resolved once per settings object, since every rule of every file shares it.
 */
import { resolveTarget, TargetError, type FieldValidation, type PodSpecPathConfig, type ResolvedTarget, type TargetInput } from '@sidecar-lint/core';

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

const byKey = new Map<string, TargetResult>();

function targetInput(settings: SidecarLintSettings): TargetInput {
  const input: TargetInput = {};
  if (settings.kubernetesVersion !== undefined) input.kubernetesVersion = String(settings.kubernetesVersion);
  if (settings.featureGates !== undefined) input.featureGates = settings.featureGates;
  if (settings.fieldValidation !== undefined) input.fieldValidation = settings.fieldValidation;
  if (settings.kubeletVersion !== undefined) input.kubeletVersion = String(settings.kubeletVersion);
  return input;
}

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

/** The target for ESLint settings; a bad setting becomes a message, never an exception. */
export function targetFromSettings(settings: Record<string, unknown> | undefined): TargetResult {
  const own = settings?.['sidecar-lint'];
  const key = JSON.stringify(own ?? null);
  const cached = byKey.get(key);
  if (cached) return cached;
  let result: TargetResult;
  const shapeError = checkShape(own);
  if (shapeError) {
    result = { ok: false, message: shapeError };
  } else {
    const given = (own ?? {}) as SidecarLintSettings;
    try {
      result = { ok: true, target: resolveTarget(targetInput(given)), podSpecPaths: given.podSpecPaths ?? [] };
    } catch (error) {
      if (!(error instanceof TargetError)) throw error;
      result = { ok: false, message: error.message };
    }
  }
  byKey.set(key, result);
  return result;
}
