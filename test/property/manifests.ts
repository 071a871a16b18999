/**
 * fast-check arbitraries for manifests built from the real shapes: every kind of the workload
 * table (and unknown ones) with its pod spec at its real path, the three container lists, and
 * values of any type where the API expects strings; written as block or flow YAML, JSON, with
 * comments, CRLF, a BOM, several documents, or a List.
 */
import fc from 'fast-check';
import { stringify } from 'yaml';
import { workloadKinds } from '@sidecar-lint/core';

const anyScalar = fc.oneof(
  fc.constantFrom('Always', 'always', 'ALWAYS', 'Never', 'OnFailure', 'onfailure', 'Restart', '', 'yes', 'on', '0x10', '1_000'),
  fc.integer({ min: -5, max: 70_000 }),
  fc.boolean(),
  fc.constant(null),
  fc.string({ maxLength: 8 }),
);

/** Any JSON-like value, a few levels deep: what a field that expects a string may hold instead. */
const anyValue: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small', withCrossShrink: true }, anyScalar, fc.array(tie('value'), { maxLength: 3 }), fc.dictionary(fc.constantFrom('a', 'value', 'restartPolicy', '__proto__', 'constructor'), tie('value'), { maxKeys: 3 })),
})).value;

const probe = fc.record(
  {
    exec: fc.record({ command: fc.oneof(fc.constant(['sleep', 'infinity']), fc.constant([]), anyValue) }, { requiredKeys: [] }),
    httpGet: fc.record({ port: fc.oneof(fc.integer({ min: 1, max: 65535 }), fc.constant('http')), path: fc.constant('/ready') }),
    tcpSocket: fc.record({ port: fc.integer({ min: 1, max: 65535 }) }),
    successThreshold: fc.oneof(fc.integer({ min: 0, max: 3 }), anyScalar),
    terminationGracePeriodSeconds: fc.integer({ min: 0, max: 60 }),
  },
  { requiredKeys: [] },
);

const restartRule = fc.record(
  {
    action: fc.oneof(fc.constantFrom('Restart', 'RestartAllContainers', 'restart'), anyValue),
    exitCodes: fc.record({ operator: fc.constantFrom('In', 'NotIn', 'in'), values: fc.array(fc.integer({ min: -1, max: 300 }), { maxLength: 3 }) }, { requiredKeys: [] }),
  },
  { requiredKeys: [] },
);

const container = fc.record(
  {
    name: fc.oneof(fc.constantFrom('app', 'proxy', 'istio-proxy', 'cloud-sql-proxy', 'init', 'fluent-bit'), anyScalar),
    image: fc.constantFrom('nginx', 'envoyproxy/envoy:v1.30', 'docker.io/istio/proxyv2:1.22', 'busybox', 'gcr.io/cloud-sql-connectors/cloud-sql-proxy:2'),
    command: fc.oneof(fc.constant(['sleep', 'infinity']), fc.constant(['sh', '-c', 'echo done']), fc.constant(['tail', '-f', '/dev/null']), anyValue),
    restartPolicy: fc.oneof({ weight: 4, arbitrary: fc.constantFrom('Always', 'always', 'Never', 'OnFailure') }, { weight: 1, arbitrary: anyScalar }, { weight: 1, arbitrary: anyValue }),
    restartPolicyRules: fc.oneof(fc.array(restartRule, { maxLength: 3 }), anyValue),
    startupProbe: probe,
    readinessProbe: probe,
    livenessProbe: probe,
    lifecycle: fc.record({ preStop: fc.record({ sleep: fc.record({ seconds: fc.integer({ min: 0, max: 120 }) }) }) }),
    ports: fc.array(fc.record({ containerPort: fc.integer({ min: 1, max: 65535 }) }), { maxLength: 2 }),
    resources: fc.record({ requests: fc.record({ cpu: fc.constantFrom('100m', '1'), memory: fc.constantFrom('64Mi', '1Gi') }, { requiredKeys: [] }) }, { requiredKeys: [] }),
    resizePolicy: fc.array(fc.record({ resourceName: fc.constantFrom('cpu', 'memory'), restartPolicy: fc.constantFrom('NotRequired', 'RestartContainer', 'Always') }), { maxLength: 2 }),
  },
  { requiredKeys: [] },
);

/** A container list, or something else where a list is expected. */
const containers = fc.oneof({ weight: 6, arbitrary: fc.array(container, { maxLength: 4 }) }, { weight: 1, arbitrary: anyValue });

const podSpec = fc.record(
  {
    initContainers: containers,
    containers,
    ephemeralContainers: fc.oneof(fc.array(container, { maxLength: 2 }), anyValue),
    restartPolicy: fc.oneof(fc.constantFrom('Always', 'OnFailure', 'Never', 'never'), anyScalar),
    terminationGracePeriodSeconds: fc.integer({ min: 0, max: 120 }),
  },
  { requiredKeys: ['containers'] },
);

interface KindEntry {
  apiVersion: string;
  kind: string;
  /** Dotted path of the pod spec; `*` and `[*]` become one concrete key or item. */
  path: string;
}

function apiVersionOf(group: string): string {
  return group === '' ? 'v1' : `${group}/v1`;
}

const knownKinds: KindEntry[] = [
  ...workloadKinds.builtin.map((entry) => ({ apiVersion: apiVersionOf(entry.group), kind: entry.kind, path: entry.podSpecPath })),
  ...workloadKinds.crds.map((entry) => ({ apiVersion: apiVersionOf(entry.group), kind: entry.kind, path: entry.podSpecPath })),
  { apiVersion: 'example.com/v1', kind: 'Unknown', path: 'spec.template.spec' },
  { apiVersion: 'v1', kind: 'ConfigMap', path: 'data' },
];

function place(path: string, spec: unknown): Record<string, unknown> {
  const parts = path.split('.').filter((part) => part !== '');
  let value: unknown = spec;
  for (let i = parts.length - 1; i >= 0; i--) {
    const part = parts[i]!;
    if (part === '[*]') value = [value];
    else if (part === '*') value = { main: value };
    else if (part.endsWith('[*]')) value = { [part.slice(0, -3)]: [value] };
    else value = { [part]: value };
  }
  return value as Record<string, unknown>;
}

const metadata = fc.record(
  {
    name: fc.oneof(fc.constantFrom('web', 'job'), anyScalar),
    annotations: fc.dictionary(fc.constantFrom('ignore.sidecar-lint.io/all', 'ignore.sidecar-lint.io/sidecar-resources', 'sidecar.istio.io/inject'), fc.constantFrom('because', 'true')),
  },
  { requiredKeys: [] },
);

export const manifest: fc.Arbitrary<Record<string, unknown>> = fc
  .record({
    kind: fc.oneof({ weight: 8, arbitrary: fc.constantFrom(...knownKinds) }, { weight: 1, arbitrary: fc.record({ apiVersion: fc.oneof(fc.constant('v1'), anyScalar), kind: anyScalar, path: fc.constant('spec') }) }),
    metadata,
    spec: podSpec,
    extra: fc.dictionary(fc.constantFrom('restartPolicy', 'status', '__proto__', 'constructor'), anyValue, { maxKeys: 2 }),
  })
  .map(({ kind, metadata: meta, spec, extra }) => ({ apiVersion: kind.apiVersion, kind: kind.kind, metadata: meta, ...place(kind.path as string, spec), ...extra }));

export interface ManifestText {
  text: string;
  documents: number;
}

const style = fc.record({
  format: fc.constantFrom('block', 'flow', 'json', 'list'),
  indent: fc.integer({ min: 1, max: 4 }),
  quote: fc.boolean(),
  crlf: fc.boolean(),
  bom: fc.boolean(),
  comments: fc.boolean(),
});

/** One to three manifests written out in one file, in some style. */
export const manifestText: fc.Arbitrary<ManifestText> = fc.tuple(fc.array(manifest, { minLength: 1, maxLength: 3 }), style).map(([manifests, how]) => {
  let documents: string[];
  if (how.format === 'json') documents = manifests.map((m) => JSON.stringify(m, null, how.indent));
  else if (how.format === 'list') documents = [stringify({ apiVersion: 'v1', kind: 'List', items: manifests }, { indent: how.indent, defaultStringType: how.quote ? 'QUOTE_DOUBLE' : 'PLAIN' })];
  else documents = manifests.map((m) => stringify(m, { indent: how.indent, defaultStringType: how.quote ? 'QUOTE_DOUBLE' : 'PLAIN', collectionStyle: how.format === 'flow' ? 'flow' : 'block' }));
  if (how.comments) documents = documents.map((doc) => `# sidecar-lint-disable-next-line sidecar-resources\n${doc.replace(/\n(?=\s*containers:)/, '\n# containers follow\n')}`);
  let text = documents.join(how.format === 'json' ? '\n---\n' : '---\n');
  if (how.crlf) text = text.replace(/\n/g, '\r\n');
  if (how.bom) text = `\uFEFF${text}`;
  return { text, documents: documents.length };
});
