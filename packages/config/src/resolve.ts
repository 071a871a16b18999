/**
 * Turns merged values into what the core takes: the TargetInput and its ResolvedTarget, rule
 * severities, pod spec paths. A target problem caused by the file is reported at the file's key;
 * one caused by an explicit value keeps the core's message without a position.
 */
import { findRule, resolveTarget, TargetError, type ResolvedTarget, type TargetInput } from '@sidecar-lint/core';
import { ConfigError } from './errors.js';
import type { ParsedConfig } from './parse.js';
import type { ConfigValues } from './values.js';

export function targetInputOf(values: ConfigValues): TargetInput {
  const input: TargetInput = {};
  if (values.kubernetesVersion !== undefined) input.kubernetesVersion = values.kubernetesVersion;
  if (values.featureGates !== undefined) input.featureGates = values.featureGates;
  if (values.fieldValidation !== undefined) input.fieldValidation = values.fieldValidation;
  if (values.kubeletVersion !== undefined) input.kubeletVersion = values.kubeletVersion;
  return input;
}

function tryResolve(input: TargetInput): TargetError | null {
  try {
    resolveTarget(input);
    return null;
  } catch (error) {
    if (error instanceof TargetError) return error;
    throw error;
  }
}

function atKey(parsed: ParsedConfig, path: ReadonlyArray<string>, error: TargetError): ConfigError {
  const { line, column } = parsed.position(path, path.length > 1);
  return new ConfigError(sentence(error.message), parsed.file, line, column);
}

/** Core messages in kube-apiserver's words may start in lower case; ours are sentences. */
function sentence(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function unpositioned(error: TargetError): ConfigError {
  return new ConfigError(sentence(error.message));
}

/**
 * Checks step by step, so an error points at what causes it: the file's versions (at their keys),
 * then the merged versions (an explicit value), then the file's gates one by one (at each gate),
 * then everything together.
 */
export function resolveConfigTarget(merged: ConfigValues, explicit: ConfigValues, parsed: ParsedConfig | null): { input: TargetInput; target: ResolvedTarget } {
  const input = targetInputOf(merged);
  const file = parsed?.values ?? {};
  if (parsed && file.kubernetesVersion !== undefined && explicit.kubernetesVersion === undefined) {
    const error = tryResolve({ kubernetesVersion: file.kubernetesVersion });
    if (error) throw atKey(parsed, ['kubernetesVersion'], error);
  }
  if (parsed && file.kubeletVersion !== undefined && explicit.kubeletVersion === undefined) {
    const error = tryResolve({ kubeletVersion: file.kubeletVersion });
    if (error) throw atKey(parsed, ['kubeletVersion'], error);
  }
  const versionsOnly = { ...input, featureGates: {} };
  const versionError = tryResolve(versionsOnly);
  if (versionError) throw unpositioned(versionError);
  if (parsed) {
    for (const [gate, value] of Object.entries(file.featureGates ?? {})) {
      if (explicit.featureGates?.[gate] !== undefined) continue;
      const error = tryResolve({ ...versionsOnly, featureGates: { [gate]: value } });
      if (error) throw atKey(parsed, ['featureGates', gate], error);
    }
  }
  try {
    return { input, target: resolveTarget(input) };
  } catch (error) {
    if (error instanceof TargetError) throw unpositioned(error);
    throw error;
  }
}

/** Explicit rule settings name real rules too; a flag with an unknown id is a usage error. */
export function checkExplicitRules(explicit: ConfigValues): void {
  for (const id of Object.keys(explicit.rules ?? {})) {
    if (!findRule(id)) throw new ConfigError(`Unknown rule "${id}"; sidecar-lint --list-rules shows the rule ids.`);
  }
}
