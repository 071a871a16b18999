import { defineRule } from '../rule.js';
import { isObject, type JsonObject } from '../discovery.js';
import type { PathSegment } from '../positions.js';
import type { Report } from '../rule.js';

const probeHandlers = ['exec', 'httpGet', 'tcpSocket', 'grpc'];
const lifecycleHandlers = ['exec', 'httpGet', 'tcpSocket', 'sleep'];
const nonNegative = ['initialDelaySeconds', 'timeoutSeconds', 'periodSeconds', 'successThreshold', 'failureThreshold'];

type Emit = (report: Omit<Report, 'effect'>) => void;

/** apimachinery's IsValidPortName: an IANA service name (15 characters of [-a-z0-9], a letter, no edge or double hyphens). */
function portNameProblems(name: string): string[] {
  const problems: string[] = [];
  if (name.length > 15) problems.push('must be no more than 15 characters');
  if (!/^[-a-z0-9]+$/.test(name)) problems.push('must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)');
  if (!/[a-z]/.test(name)) problems.push('must contain at least one letter (a-z)');
  if (name.includes('--')) problems.push('must not contain consecutive hyphens');
  if (name.length > 0 && (name.startsWith('-') || name.endsWith('-'))) problems.push('must not begin or end with a hyphen');
  return problems;
}

/** `named`: an IntOrString port (httpGet, tcpSocket); grpc's port is an int32, where a string does not decode at all. */
function validatePort(port: unknown, named: boolean, path: PathSegment[], emit: Emit): void {
  if (typeof port === 'number') {
    if (!Number.isInteger(port) || port < 1 || port > 65535) {
      emit({ path, span: 'value', message: `Invalid value: ${port}: must be between 1 and 65535, inclusive.` });
    }
  } else if (typeof port === 'string' && named) {
    for (const problem of portNameProblems(port)) emit({ path, span: 'value', message: `Invalid value: ${JSON.stringify(port)}: ${problem}.` });
  } else if (port === undefined || port === null) {
    // A missing port decodes as the integer 0.
    emit({ path, span: 'missing', message: 'Invalid value: 0: must be between 1 and 65535, inclusive.' });
  }
}

function validateHandler(handler: JsonObject, path: PathSegment[], kinds: readonly string[], emit: Emit): void {
  const present = kinds.filter((kind) => handler[kind] !== undefined && handler[kind] !== null);
  if (present.length === 0) {
    emit({ path, span: 'missing', message: 'Required value: must specify a handler type.' });
    return;
  }
  for (const extra of present.slice(1)) {
    emit({ path: [...path, extra], span: 'entry', message: 'Forbidden: may not specify more than 1 handler type.' });
  }
  const kind = present[0]!;
  const action = handler[kind];
  const actionPath = [...path, kind];
  if (!isObject(action)) return;
  if (kind === 'exec' && !(Array.isArray(action['command']) && action['command'].length > 0)) {
    emit({ path: [...actionPath, 'command'], span: 'missing', message: 'Required value.' });
  }
  if (kind === 'httpGet' || kind === 'tcpSocket' || kind === 'grpc') validatePort(action['port'], kind !== 'grpc', [...actionPath, 'port'], emit);
  // An empty or missing scheme is defaulted to HTTP before validation.
  const scheme = action['scheme'];
  if (kind === 'httpGet' && scheme !== undefined && scheme !== null && scheme !== '' && scheme !== 'HTTP' && scheme !== 'HTTPS') {
    emit({ path: [...actionPath, 'scheme'], span: 'value', message: `Unsupported value: ${JSON.stringify(action['scheme'])}: supported values: "HTTP", "HTTPS".` });
  }
}

function validateProbe(field: string, probe: JsonObject, path: PathSegment[], emit: Emit): void {
  validateHandler(probe, path, probeHandlers, emit);
  for (const key of nonNegative) {
    const value = probe[key];
    if (typeof value === 'number' && value < 0) {
      emit({ path: [...path, key], span: 'value', message: `Invalid value: ${value}: must be greater than or equal to 0.` });
    }
  }
  // Order as in validateProbe, then the liveness/startup and readiness checks after it.
  const grace = probe['terminationGracePeriodSeconds'];
  if (typeof grace === 'number' && grace <= 0) {
    emit({ path: [...path, 'terminationGracePeriodSeconds'], span: 'value', message: `Invalid value: ${grace}: must be greater than 0.` });
  }
  // successThreshold 0 (or unset) is defaulted to 1 before validation.
  const success = probe['successThreshold'];
  if ((field === 'livenessProbe' || field === 'startupProbe') && typeof success === 'number' && success !== 1 && success !== 0) {
    emit({ path: [...path, 'successThreshold'], span: 'value', message: `Invalid value: ${success}: must be 1.` });
  }
  if (field === 'readinessProbe' && grace !== undefined && grace !== null) {
    emit({ path: [...path, 'terminationGracePeriodSeconds'], span: 'value', message: `Invalid value: ${JSON.stringify(grace)}: must not be set for readinessProbes.` });
  }
}

export const sidecarProbeFields = defineRule({
  id: 'sidecar-probe-fields',
  defaultSeverity: 'error',
  category: 'api',
  description: 'Probes and lifecycle hooks of a sidecar that the API server rejects',
  rationale:
    'A sidecar\'s probes and lifecycle hooks are validated exactly like an app container\'s: one handler each, exec.command required, ports between 1 and 65535, liveness and startup successThreshold of 1, no terminationGracePeriodSeconds on a readinessProbe, no negative timings. Linters that treat sidecars as plain init containers either flag all of them or check none.',
  howToFix: 'Correct the probe or hook as the message says.',
  fixable: null,
  check({ view, report }) {
    for (const container of view.byList.initContainers) {
      if (container.role !== 'sidecar') continue;
      const emit: Emit = (r) => report({ ...r, effect: 'Rejected' });
      for (const field of ['livenessProbe', 'readinessProbe', 'startupProbe']) {
        const probe = container.spec[field];
        if (isObject(probe)) validateProbe(field, probe, [...container.path, field], emit);
      }
      const lifecycle = container.spec['lifecycle'];
      if (isObject(lifecycle)) {
        for (const hook of ['postStart', 'preStop']) {
          const handler = lifecycle[hook];
          if (isObject(handler)) validateHandler(handler, [...container.path, 'lifecycle', hook], lifecycleHandlers, emit);
        }
      }
    }
  },
});
