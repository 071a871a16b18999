import { describe, expect, it } from 'vitest';
import { ruleTable, yaml } from '../helpers.js';
import { preStopSleep } from '../../src/rules/sidecar-termination-grace.js';

const pod = (grace: string[], appLifecycle: string[], proxyLifecycle: string[] = []) =>
  yaml(
    'apiVersion: v1',
    'kind: Pod',
    'metadata:',
    '  name: web',
    'spec:',
    ...grace,
    '  initContainers:',
    '    - name: proxy',
    '      image: envoyproxy/envoy:v1.31.0',
    '      restartPolicy: Always',
    ...proxyLifecycle,
    '  containers:',
    '    - name: app',
    '      image: example/app:1',
    ...appLifecycle,
  );

const sleepAction = (seconds: number) => ['      lifecycle:', '        preStop:', '          sleep:', `            seconds: ${seconds}`];
const sleepExec = (script: string) => ['      lifecycle:', '        preStop:', '          exec:', `            command: ["sh", "-c", "${script}"]`];
const recent = ['1.31', '1.32', '1.33', '1.34', '1.35'];

describe('preStopSleep', () => {
  it('reads the sleep action and sums the sleeps of an exec hook', () => {
    expect(preStopSleep({ lifecycle: { preStop: { sleep: { seconds: 12 } } } })).toBe(12);
    expect(preStopSleep({ lifecycle: { preStop: { exec: { command: ['sh', '-c', 'sleep 5 && nginx -s quit; sleep 10s'] } } } })).toBe(15);
    expect(preStopSleep({ lifecycle: { preStop: { httpGet: { path: '/drain', port: 8080 } } } })).toBe(0);
    expect(preStopSleep({})).toBe(0);
  });
});

ruleTable('sidecar-termination-grace', {
  valid: [
    { name: 'a preStop sleep shorter than the default 30 seconds', text: pod([], sleepAction(20)) },
    { name: 'a long sleep with a longer grace period', text: pod(['  terminationGracePeriodSeconds: 90'], sleepAction(60), sleepExec('sleep 60')) },
    { name: 'no sidecar where 1.28 drops the Always (not this rule\'s concern)', text: pod([], sleepAction(45)), target: '1.28' },
    {
      name: 'a pod without sidecars',
      text: yaml('apiVersion: v1', 'kind: Pod', 'metadata:', '  name: web', 'spec:', '  containers:', '    - name: app', '      image: example/app:1', ...sleepAction(45)),
    },
  ],
  invalid: [
    {
      name: 'an app sleeping as long as the default grace period',
      text: pod([], sleepAction(30)),
      findings: [
        {
          severity: 'warning',
          path: 'spec.terminationGracePeriodSeconds',
          line: 5,
          column: 1,
          endLine: 5,
          endColumn: 5,
          message:
            "The pod's terminationGracePeriodSeconds is 30 (the default) but the preStop hook of \"app\" sleeps 30 seconds, so sidecar \"proxy\" gets SIGTERM only when the grace period has run out and is killed 2 seconds later.",
          versions: recent,
        },
      ],
    },
    {
      name: 'a sidecar exec sleep longer than the declared grace period',
      text: pod(['  terminationGracePeriodSeconds: 10'], sleepExec('sleep 5'), sleepExec('sleep 15 && pkill envoy')),
      findings: [
        {
          severity: 'warning',
          path: 'spec.terminationGracePeriodSeconds',
          line: 6,
          column: 34,
          endLine: 6,
          endColumn: 36,
          message:
            "The pod's terminationGracePeriodSeconds is 10 but the preStop hook of sidecar \"proxy\" sleeps 15 seconds, so it gets SIGTERM only when the grace period has run out and is killed 2 seconds later.",
          versions: recent,
        },
      ],
    },
  ],
});
