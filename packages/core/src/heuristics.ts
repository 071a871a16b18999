/**
 * Reading intent from a container: is it a known long-running helper (mesh proxy, DB proxy, log
 * shipper, agent), does its command run forever or to completion? The patterns live in
 * schemas/heuristics.json, shared with the Rego twins.
 */
import { heuristics } from './generated/data.js';
import type { PatternEntry } from './data-types.js';
import type { JsonObject } from './discovery.js';

interface Compiled {
  entry: PatternEntry;
  regex: RegExp;
}

const compile = (entries: readonly PatternEntry[] | undefined): Compiled[] =>
  (entries ?? []).map((entry) => ({ entry, regex: new RegExp(entry.pattern) }));

const longRunningImages = compile(heuristics.longRunningImages);
const longRunningCommands = compile(heuristics.longRunningCommands);
const oneShotCommands = compile(heuristics.oneShotCommands);
const serverCommands = compile(heuristics.serverCommands);

/** `docker.io/istio/proxyv2:1.22@sha256:...` -> `docker.io/istio/proxyv2`. */
export function imageName(image: unknown): string {
  if (typeof image !== 'string') return '';
  let name = image.trim();
  const at = name.indexOf('@');
  if (at >= 0) name = name.slice(0, at);
  const colon = name.lastIndexOf(':');
  if (colon > name.lastIndexOf('/')) name = name.slice(0, colon);
  return name;
}

/** The command line as one string: command and args joined by spaces. */
export function commandLine(container: JsonObject): string {
  const parts: string[] = [];
  for (const field of ['command', 'args']) {
    const value = container[field];
    if (Array.isArray(value)) for (const part of value) if (typeof part === 'string') parts.push(part);
  }
  return parts.join(' ');
}

const first = (list: readonly Compiled[], text: string): PatternEntry | null => {
  if (text === '') return null;
  for (const { entry, regex } of list) if (regex.test(text)) return entry;
  return null;
};

export function knownLongRunningImage(container: JsonObject): PatternEntry | null {
  return first(longRunningImages, imageName(container['image']));
}

export function longRunningCommand(container: JsonObject): PatternEntry | null {
  return first(longRunningCommands, commandLine(container)) ?? first(serverCommands, commandLine(container));
}

export function oneShotCommand(container: JsonObject): PatternEntry | null {
  return first(oneShotCommands, commandLine(container));
}

function declaresPorts(container: JsonObject): boolean {
  return Array.isArray(container['ports']) && container['ports'].length > 0;
}

/** Why a container looks like it never exits on its own, or null. */
export function longRunningReason(container: JsonObject): string | null {
  const image = knownLongRunningImage(container);
  if (image) return `its image is ${image.name}`;
  const command = longRunningCommand(container);
  if (command) return `it runs ${command.name}`;
  if (declaresPorts(container)) return 'it declares ports';
  return null;
}

/** Probes are no evidence: the rules that ask are the ones that fire because probes are there. */
export function looksLongRunning(container: JsonObject): boolean {
  return longRunningReason(container) !== null;
}

const sleepCommand = heuristics.sleepCommand ? new RegExp(heuristics.sleepCommand.pattern, 'g') : null;

/** The seconds a command line sleeps in total (a preStop hook's `sleep 5`), 0 when it does not. */
export function preStopSleepSeconds(line: string): number {
  if (!sleepCommand) return 0;
  let total = 0;
  for (const match of line.matchAll(sleepCommand)) total += Number(match[2]);
  return total;
}

export function meshAnnotations() {
  return heuristics.meshAnnotations;
}

export function legacyWorkarounds() {
  return heuristics.legacyWorkarounds;
}
