/**
 * The one lookup of DESIGN §3: explicit values over the nearest config file found upward from the
 * linted file's folder, over the version table's defaults. Lookups are cached per folder and
 * results per config file, so a run over many files reads and checks each config once.
 */
import { readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import type { PodSpecPathConfig, ResolvedTarget, RuleSetting, TargetInput } from '@sidecar-lint/core';
import { ConfigError } from './errors.js';
import { isIgnoredBy } from './ignore.js';
import { mergeConfig } from './merge.js';
import { parseConfigText, type ParsedConfig } from './parse.js';
import { checkExplicitRules, resolveConfigTarget } from './resolve.js';
import { configFileNames, type ConfigValues } from './values.js';

export interface LoadOptions {
  /** CLI flags, ESLint settings, cdk8s properties: they win over the file, key by key. */
  explicit?: ConfigValues;
  /** Use this config file for every linted file instead of the lookup (the CLI's --config). */
  configPath?: string;
  /** Explicit ignorePatterns are relative to it, and messages name files relative to it. Default: process.cwd(). */
  cwd?: string;
}

export interface LoadedConfig {
  /** The config file used (absolute), or null when none was found. */
  configFile: string | null;
  /** The merged values. */
  values: ConfigValues;
  /** What to give the core's resolveTarget, and what it gave. */
  targetInput: TargetInput;
  target: ResolvedTarget;
  rules: Record<string, RuleSetting>;
  ignorePatterns: string[];
  /** The folder ignorePatterns are relative to: the config file's, or the cwd for explicit ones. */
  ignoreBase: string;
  podSpecPaths: PodSpecPathConfig[];
}

export class ConfigLoader {
  private readonly explicit: ConfigValues;
  private readonly cwd: string;
  private readonly configPath: string | null;
  private readonly fileByDirectory = new Map<string, string | null>();
  private readonly loaded = new Map<string | null, LoadedConfig>();

  constructor(options: LoadOptions = {}) {
    this.explicit = options.explicit ?? {};
    this.cwd = resolve(options.cwd ?? process.cwd());
    this.configPath = options.configPath === undefined ? null : resolve(this.cwd, options.configPath);
    checkExplicitRules(this.explicit);
  }

  /** The nearest config file upward from `directory` (absolute), or null. */
  configFileIn(directory: string): string | null {
    if (this.configPath !== null) return this.configPath;
    const visited: string[] = [];
    let found: string | null = null;
    for (let dir = resolve(this.cwd, directory); ; dir = dirname(dir)) {
      const cached = this.fileByDirectory.get(dir);
      if (cached !== undefined) {
        found = cached;
        break;
      }
      visited.push(dir);
      found = configFileNames.map((name) => join(dir, name)).find(isFile) ?? null;
      if (found !== null || dirname(dir) === dir) break;
    }
    for (const dir of visited) this.fileByDirectory.set(dir, found);
    return found;
  }

  /** The config for a linted file (for stdin, pass a path in the folder it stands for). */
  loadFor(filePath: string): LoadedConfig {
    return this.loadForDirectory(dirname(resolve(this.cwd, filePath)));
  }

  loadForDirectory(directory: string): LoadedConfig {
    const configFile = this.configFileIn(directory);
    let loaded = this.loaded.get(configFile);
    if (!loaded) {
      loaded = this.build(configFile);
      this.loaded.set(configFile, loaded);
    }
    return loaded;
  }

  /** Whether the config that applies to `filePath` ignores it. */
  isIgnored(filePath: string, config: LoadedConfig = this.loadFor(filePath)): boolean {
    return isIgnoredBy(resolve(this.cwd, filePath), config.ignorePatterns, config.ignoreBase);
  }

  /** A path for messages: relative to the cwd when inside it. */
  display(file: string): string {
    const rel = relative(this.cwd, file);
    return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel) ? rel : file;
  }

  private build(configFile: string | null): LoadedConfig {
    const parsed = configFile === null ? null : this.parse(configFile);
    const values = mergeConfig(parsed?.values ?? {}, this.explicit);
    const { input, target } = resolveConfigTarget(values, this.explicit, parsed);
    const explicitIgnores = this.explicit.ignorePatterns !== undefined;
    return {
      configFile,
      values,
      targetInput: input,
      target,
      rules: values.rules ?? {},
      ignorePatterns: values.ignorePatterns ?? [],
      ignoreBase: explicitIgnores || configFile === null ? this.cwd : dirname(configFile),
      podSpecPaths: values.podSpecPaths ?? [],
    };
  }

  private parse(configFile: string): ParsedConfig {
    const shown = this.display(configFile);
    let text: string;
    try {
      text = readFileSync(configFile, 'utf8');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : code === 'EACCES' ? 'permission denied' : (code ?? 'unreadable');
      throw new ConfigError(`Cannot read the config file: ${why}.`, shown);
    }
    return parseConfigText(text, shown);
  }
}

function isFile(path: string): boolean {
  return statSync(path, { throwIfNoEntry: false })?.isFile() === true;
}

const sharedLoaders = new Map<string, ConfigLoader>();

/**
 * The config for one file, through a loader shared by calls with the same options (ESLint and
 * cdk8s call this per file). `clearConfigCache` forgets everything, for editors after a config changes.
 */
export function loadConfigFor(filePath: string, options: LoadOptions = {}): LoadedConfig {
  const key = JSON.stringify([options.explicit ?? {}, options.configPath ?? null, resolve(options.cwd ?? process.cwd())]);
  let loader = sharedLoaders.get(key);
  if (!loader) {
    loader = new ConfigLoader(options);
    sharedLoaders.set(key, loader);
  }
  return loader.loadFor(filePath);
}

export function clearConfigCache(): void {
  sharedLoaders.clear();
}
