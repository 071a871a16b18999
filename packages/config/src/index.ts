/** @sidecar-lint/config: where the target and the rule settings come from, for every front door. */
export { ConfigLoader, loadConfigFor, clearConfigCache, type LoadOptions, type LoadedConfig } from './loader.js';
export { ConfigError } from './errors.js';
export { parseConfigText, formatConfigPath, type ParsedConfig } from './parse.js';
export { mergeConfig } from './merge.js';
export { matchesGlob, isIgnoredBy } from './ignore.js';
export { configFileNames, configKeys, type ConfigValues } from './values.js';
