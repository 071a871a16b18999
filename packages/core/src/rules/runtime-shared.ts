/** Pieces the runtime and advice rules share: what a container is for, and what kind of workload runs it. */
import type { JsonObject, PodSpecSite } from '../discovery.js';
export { valueAt } from '../discovery.js';
import { commandLine, knownLongRunningImage, legacyWorkarounds, longRunningCommand, oneShotCommand } from '../heuristics.js';
import type { ContainerView } from '../view.js';

/** Run-to-completion workloads whose pods must end: Jobs, CronJobs and job-class kinds (KEDA ScaledJob, JobSet, ...). */
export function isBatchWorkload(site: PodSpecSite): boolean {
  return site.workload === 'job' || site.workload === 'cronjob';
}

/** What does not finish when a pod never ends: "the Job", or each Job a CronJob starts. */
export function batchSubject(site: PodSpecSite): string {
  return site.workload === 'cronjob' ? 'the Jobs of the CronJob never complete' : 'the Job never completes';
}

/**
 * Why an init container will not exit on its own, or null. A one-shot command wins (the proxy image
 * also runs istio-iptables), and an image counts only with its own entrypoint: an init container
 * that overrides `command` runs a setup step of that image (linkerd2-network-validator, Datadog's init-config).
 */
export function neverExitsReason(container: JsonObject): string | null {
  if (oneShotCommand(container)) return null;
  const image = container['command'] === undefined ? knownLongRunningImage(container) : null;
  if (image) return `its image is ${image.name}`;
  const command = longRunningCommand(container);
  if (command) return `it runs ${command.name}`;
  return Array.isArray(container['ports']) && container['ports'].length > 0 ? 'it declares ports' : null;
}

/** A helper that runs beside the app for the pod's life: a known image or a command that never ends (ports alone are no evidence). */
export function helperReason(container: JsonObject): string | null {
  if (oneShotCommand(container)) return null;
  const image = knownLongRunningImage(container);
  if (image) return `its image is ${image.name}`;
  const command = longRunningCommand(container);
  return command ? `it runs ${command.name}` : null;
}

/** Image kinds of heuristics.json that carry the traffic of other containers. */
const proxyKinds = new Set(['mesh-proxy', 'db-proxy', 'auth-proxy']);

export function knownProxy(container: JsonObject) {
  const image = knownLongRunningImage(container);
  return image && proxyKinds.has(image.kind ?? '') ? image : null;
}

/** Something later containers wait for: a known proxy or agent (not a log shipper), or a container that serves ports. */
export function providesService(container: JsonObject): boolean {
  const image = knownLongRunningImage(container);
  if (image && image.kind !== 'log-shipper') return true;
  return Array.isArray(container['ports']) && container['ports'].length > 0;
}

/** The command and args of a container, each as one line (where the legacy workarounds are written). */
export function commandTexts(container: JsonObject): Array<{ field: 'command' | 'args'; text: string }> {
  const texts: Array<{ field: 'command' | 'args'; text: string }> = [];
  for (const field of ['command', 'args'] as const) {
    const value = container[field];
    if (Array.isArray(value)) texts.push({ field, text: value.filter((part) => typeof part === 'string').join(' ') });
  }
  return texts.filter((entry) => entry.text !== '');
}

const commandWorkarounds = legacyWorkarounds()
  .filter((entry) => entry.kind === 'command' && entry.pattern !== undefined)
  .map((entry) => ({ entry, regex: new RegExp(entry.pattern!) }));

/** The legacy shutdown or await workaround the command line of a container uses, if any. */
export function commandWorkaround(text: string) {
  return commandWorkarounds.find(({ regex }) => regex.test(text))?.entry ?? null;
}

/** Does some container of the pod stop its legacy sidecars itself (/quitquitquit, linkerd-await --shutdown, ...)? */
export function stopsHelpersItself(containers: readonly ContainerView[]): boolean {
  return containers.some((container) => commandWorkaround(commandLine(container.spec)) !== null);
}

