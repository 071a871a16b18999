/**
 * The same pod spec cases inside every workload wrapper (k8s-semantics.md §3g): each finding gets
 * the wrapper's path prefix, from the root of the object (of the List item).
 */
import { describe, expect, it } from 'vitest';
import { lintSource, resolveTarget } from '../src/index.js';

const podSpec = (indent: string) =>
  [
    'restartPolicy: Never',
    'initContainers:',
    '  - name: proxy',
    '    image: envoyproxy/envoy:v1.31',
    '    restartPolicy: always',
    'containers:',
    '  - name: app',
    '    image: example/app:1',
    '    restartPolicy: Always',
  ]
    .map((line) => indent + line)
    .join('\n');

const wrappers: Array<{ name: string; text: string; prefix: string; item?: number }> = [
  { name: 'Pod', prefix: 'spec', text: `apiVersion: v1\nkind: Pod\nmetadata:\n  name: w\nspec:\n${podSpec('  ')}\n` },
  { name: 'PodTemplate', prefix: 'template.spec', text: `apiVersion: v1\nkind: PodTemplate\nmetadata:\n  name: w\ntemplate:\n  spec:\n${podSpec('    ')}\n` },
  ...['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet'].map((kind) => ({
    name: kind,
    prefix: 'spec.template.spec',
    text: `apiVersion: apps/v1\nkind: ${kind}\nmetadata:\n  name: w\nspec:\n  template:\n    spec:\n${podSpec('      ').replace('restartPolicy: Never', 'restartPolicy: Always')}\n`,
  })),
  { name: 'Job', prefix: 'spec.template.spec', text: `apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: w\nspec:\n  template:\n    spec:\n${podSpec('      ')}\n` },
  {
    name: 'CronJob',
    prefix: 'spec.jobTemplate.spec.template.spec',
    text: `apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: w\nspec:\n  schedule: "* * * * *"\n  jobTemplate:\n    spec:\n      template:\n        spec:\n${podSpec('          ')}\n`,
  },
  {
    name: 'List item',
    prefix: 'spec',
    item: 1,
    text: `apiVersion: v1\nkind: List\nitems:\n  - apiVersion: v1\n    kind: ConfigMap\n    metadata:\n      name: c\n  - apiVersion: v1\n    kind: Pod\n    metadata:\n      name: w\n    spec:\n${podSpec('      ')}\n`,
  },
];

describe('workload wrappers prefix the API server paths', () => {
  const target = resolveTarget({ kubernetesVersion: '1.31' });
  for (const wrapper of wrappers) {
    it(wrapper.name, () => {
      const lines = wrapper.text.split('\n');
      const at = (needle: string, nth = 0) => lines.findIndex((line, i) => line.includes(needle) && lines.slice(0, i).filter((l) => l.includes(needle)).length === nth) + 1;
      const findings = lintSource({ uri: 'w.yaml', text: wrapper.text }, { target }).findings;
      expect(findings.map((f) => ({ ruleId: f.ruleId, path: f.path, line: f.line, item: f.item }))).toEqual([
        { ruleId: 'restart-policy-init-value', path: `${wrapper.prefix}.initContainers[0].restartPolicy`, line: at('restartPolicy: always'), item: wrapper.item },
        { ruleId: 'restart-policy-app-container', path: `${wrapper.prefix}.containers[0].restartPolicy`, line: at('restartPolicy: Always', wrapper.name.endsWith('Set') || wrapper.name === 'Deployment' ? 1 : 0), item: wrapper.item },
      ]);
      expect(findings.every((f) => f.resource?.name === 'w')).toBe(true);
    });
  }
});

describe('API groups are matched with the kind', () => {
  it('a batch.volcano.sh Job is not a batch/v1 Job: no pod restartPolicy rule for it', () => {
    const text = 'apiVersion: batch.volcano.sh/v1alpha1\nkind: Job\nmetadata:\n  name: v\nspec:\n  template:\n    spec:\n      restartPolicy: Always\n      containers:\n        - name: a\n          image: x\n';
    const findings = lintSource({ uri: 'v.yaml', text }, { target: resolveTarget({ kubernetesVersion: '1.31' }) }).findings;
    expect(findings.filter((f) => f.ruleId === 'pod-restart-policy')).toEqual([]);
  });
});
