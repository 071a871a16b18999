/** Explicit values over the file over the defaults, key by key; featureGates and rules entry by entry. */
import type { ConfigValues } from './values.js';

export function mergeConfig(file: ConfigValues, explicit: ConfigValues): ConfigValues {
  const merged: ConfigValues = { ...stripUndefined(file), ...stripUndefined(explicit) };
  if (file.featureGates || explicit.featureGates) merged.featureGates = { ...file.featureGates, ...explicit.featureGates };
  if (file.rules || explicit.rules) merged.rules = { ...file.rules, ...explicit.rules };
  return merged;
}

function stripUndefined(values: ConfigValues): ConfigValues {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined)) as ConfigValues;
}
