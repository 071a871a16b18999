import { defineRule } from '../rule.js';
import { isObject, type JsonObject } from '../discovery.js';
import type { PathSegment } from '../positions.js';
import type { Report } from '../rule.js';

const probeHandlers = ['exec', 'httpGet', 'tcpSocket', 'grpc'];
const lifecycleHandlers = ['exec', 'httpGet', 'tcpSocket', 'sleep'];
const nonNegative = ['initialDelaySeconds', 'timeoutSeconds', 'periodSeconds', 'successThreshold', 'failureThreshold'];

type Emit = (report: Omit<Report, 'effect'>) => void;

function validatePort(port: unknown, path: PathSegment[], emit: Emit): void {
  if (typeof port === 'number') {
    if (!Number.isInteger(port) || port < 1 || port > 65535) {
      emit({ path, span: port === undefined ? 'missing' : 'value', message: `Invalid value: ${port}: must be between 1 and 65535, inclusive.` });
    }
  } else if (port === undefined || port === null || port === 0 || port === '') {
    emit({ path, span: 'missing', message: 'Invalid value: 0: must be between 1 and 65535, inclusive.' });
  }
}

function validateHandler(handler: JsonObject, path: PathSegment[], kinds: readonly string[], emit: Emit): void {
  const present = kinds.filter((kind) => handler[kind] !== undefined && handler[kind] !== null);
  if (present.length === 0) {
    emit({ path, span: 'entry', message: 'Required value: must specify a handler type.' });
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
  if (kind === 'httpGet' || kind === 'tcpSocket' || kind === 'grpc') validatePort(action['port'], [...actionPath, 'port'], emit);
  if (kind === 'httpGet' && action['scheme'] !== undefined && action['scheme'] !== 'HTTP' && action['scheme'] !== 'HTTPS') {
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
  const success = probe['successThreshold'];
  if ((field === 'livenessProbe' || field === 'startupProbe') && typeof success === 'number' && success !== 1 && success >= 0) {
    emit({ path: [...path, 'successThreshold'], span: 'value', message: `Invalid value: ${success}: must be 1.` });
  }
  const grace = probe['terminationGracePeriodSeconds'];
  if (field === 'readinessProbe' && grace !== undefined && grace !== null) {
    emit({ path: [...path, 'terminationGracePeriodSeconds'], span: 'value', message: `Invalid value: ${JSON.stringify(grace)}: must not be set for readinessProbes.` });
  }
  if (typeof grace === 'number' && grace <= 0 && field !== 'readinessProbe') {
    emit({ path: [...path, 'terminationGracePeriodSeconds'], span: 'value', message: `Invalid value: ${grace}: must be greater than 0.` });
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
