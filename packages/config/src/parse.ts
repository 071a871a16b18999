/**
 * Reads a config file's text: YAML 1.2 (so `off` stays a string) or JSON, with positions, checked
 * against schemas/config.schema.json by the validator compiled at build time, and rule ids checked
 * against the core's rules. Every problem is a ConfigError at the file, line and column.
 */
import { findRule } from '@sidecar-lint/core';
import { isMap, isSeq, LineCounter, parseDocument, type Document, type Node, type Pair } from 'yaml';
import { ConfigError } from './errors.js';
import { validateConfig as generatedValidator } from './generated/validate-config.js';
import { configKeys, type ConfigValues } from './values.js';

/** The part of an ajv error the messages use. */
interface ValidationError {
  instancePath: string;
  keyword: string;
  params: Record<string, unknown>;
  /** Set on errors about a key itself (propertyNames). */
  propertyName?: string;
  message?: string;
}

const validateConfig = generatedValidator as unknown as ((data: unknown) => boolean) & { errors?: ValidationError[] | null };

export type ConfigPath = ReadonlyArray<string | number>;

export interface ParsedConfig {
  file: string;
  values: ConfigValues;
  /** The position of a value (or, with `key`, of its key) in the file; the document start when not found. */
  position(path: ConfigPath, key?: boolean): { line: number; column: number };
}

/** `rules.foo`, `podSpecPaths[0].kind`: the form messages use. */
export function formatConfigPath(path: ConfigPath): string {
  return path.map((segment, i) => (typeof segment === 'number' ? `[${segment}]` : i === 0 ? segment : `.${segment}`)).join('');
}

function pairAt(doc: Document, path: ConfigPath): Pair | undefined {
  let node: unknown = doc.contents;
  let pair: Pair | undefined;
  for (const segment of path) {
    if (isMap(node)) {
      pair = node.items.find((item) => (item.key as { value?: unknown } | null)?.value === segment);
      node = pair?.value;
    } else if (isSeq(node) && typeof segment === 'number') {
      pair = undefined;
      node = node.items[segment];
    } else {
      return undefined;
    }
  }
  return pair;
}

function nodeAt(doc: Document, path: ConfigPath): Node | undefined {
  let node: unknown = doc.contents;
  for (const segment of path) {
    if (isMap(node)) node = node.items.find((item) => (item.key as { value?: unknown } | null)?.value === segment)?.value;
    else if (isSeq(node) && typeof segment === 'number') node = node.items[segment];
    else return undefined;
  }
  return (node ?? undefined) as Node | undefined;
}

function pointerToPath(pointer: string): Array<string | number> {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

const versionKeys = new Set(['kubernetesVersion', 'kubeletVersion']);

function describeValue(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value) : value === null ? 'null' : Array.isArray(value) ? 'a list' : typeof value === 'object' ? 'a mapping' : String(value);
}

function valueAt(values: unknown, path: ConfigPath): unknown {
  let current = values;
  for (const segment of path) current = (current as Record<string | number, unknown> | null)?.[segment];
  return current;
}

const typeNames: Record<string, string> = { object: 'a mapping', array: 'a list', string: 'a string', boolean: 'true or false' };

/** One ajv error in our words, with where it points. */
function explain(error: ValidationError, values: unknown): { path: Array<string | number>; key: boolean; reason: string } {
  const path = pointerToPath(error.instancePath);
  const where = path.length === 0 ? 'the config' : formatConfigPath(path);
  const value = valueAt(values, path);
  if (error.propertyName !== undefined || error.keyword === 'propertyNames') {
    const name = error.propertyName ?? String(error.params['propertyName']);
    return { path: [...path, name], key: true, reason: `"${name}" is not a feature gate name (gate names are letters and digits, such as SidecarContainers).` };
  }
  switch (error.keyword) {
    case 'additionalProperties': {
      const name = String(error.params['additionalProperty']);
      const allowed = path.length === 0 ? configKeys.join(', ') : 'apiVersion, kind, path, workload';
      return { path: [...path, name], key: true, reason: `Unknown key "${name}" in ${where}; expected one of ${allowed}.` };
    }
    case 'required':
      return { path, key: false, reason: `${where} is missing "${String(error.params['missingProperty'])}".` };
    case 'type': {
      const expected = typeNames[String(error.params['type'])] ?? String(error.params['type']);
      const hint = versionKeys.has(String(path[0])) && typeof value === 'number' ? ` Quote it: YAML reads 1.30 as the number 1.3.` : '';
      return { path, key: false, reason: `${where} must be ${expected}, not ${describeValue(value)}.${hint}` };
    }
    case 'enum': {
      const allowed = (error.params['allowedValues'] as unknown[]).join(', ');
      return { path, key: false, reason: `${where} must be one of ${allowed}, not ${describeValue(value)}.` };
    }
    case 'pattern':
      return {
        path,
        key: false,
        reason:
          path[0] === 'kubeletVersion'
            ? `kubeletVersion ${describeValue(value)} is not a minor such as "1.31".`
            : `kubernetesVersion ${describeValue(value)} is not a minor such as "1.31" or a range such as "1.31-1.35".`,
      };
    default:
      return { path, key: false, reason: `${where} ${error.message ?? 'is not valid'}.` };
  }
}

/** The first line of a yaml error message, without its "at line x, column y" tail (the position says it). */
function yamlReason(message: string): string {
  const first = message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '').trim();
  return /[.!?]$/.test(first) ? first : `${first}.`;
}

export function parseConfigText(text: string, file: string): ParsedConfig {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, { lineCounter, prettyErrors: true });
  const at = (offset: number) => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  const error = doc.errors[0];
  if (error) {
    const { line, column } = at(error.pos[0]);
    throw new ConfigError(yamlReason(error.message), file, line, column);
  }
  const position = (path: ConfigPath, key = false) => {
    const target = key ? (pairAt(doc, path)?.key as Node | undefined) : nodeAt(doc, path);
    const range = target?.range ?? (key ? nodeAt(doc, path)?.range : undefined);
    return at(range?.[0] ?? doc.contents?.range?.[0] ?? 0);
  };
  let values: unknown;
  try {
    values = doc.contents === null ? {} : doc.toJS({ maxAliasCount: 100 });
  } catch {
    // yaml refuses documents whose aliases expand past the limit (alias bombs).
    throw new ConfigError('Too many alias expansions; a config needs none this large.', file, 1, 1);
  }
  if (typeof values !== 'object' || values === null || Array.isArray(values)) {
    const { line, column } = position([]);
    throw new ConfigError('The config must be a mapping of keys such as kubernetesVersion and rules.', file, line, column);
  }
  if (!validateConfig(values)) {
    const first = validateConfig.errors![0]!;
    const { path, key, reason } = explain(first, values);
    const { line, column } = position(path, key);
    throw new ConfigError(reason, file, line, column);
  }
  const config = values as ConfigValues & { $schema?: string };
  for (const id of Object.keys(config.rules ?? {})) {
    if (!findRule(id)) {
      const { line, column } = position(['rules', id], true);
      throw new ConfigError(`Unknown rule "${id}" in rules; sidecar-lint --list-rules shows the rule ids.`, file, line, column);
    }
  }
  // $schema is for editors; values is our own fresh object, so dropping the key touches nothing else.
  delete config.$schema;
  return { file, values: config, position };
}
