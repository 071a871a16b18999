// The JSON image of a TypeScript site hands the core its document already decoded; the results
// must be exactly those of the core parsing the image's JSON text, for every stand-in.
import { describe, expect, it } from 'vitest';
import { lintDocuments, lintSource, resolveTarget } from '@sidecar-lint/core';
import { JsonImage, type StandIn } from '../src/typescript/json-image.js';
import type { Node, ObjectEntry, StaticValue } from '../src/typescript/static-value.js';

// AST nodes only matter for mapping findings back; these tests compare the core's results.
const node = {} as Node;
const scalar = (value: string | number | boolean | null): StaticValue => ({ kind: 'scalar', value, node });
const unknown: StaticValue = { kind: 'unknown', node };
const entry = (key: string, value: StaticValue): ObjectEntry => ({ key, value, keyNode: node, entryNode: node, valueNode: node });
const object = (fields: Array<[string, StaticValue]>): StaticValue => ({ kind: 'object', entries: fields.map(([key, value]) => entry(key, value)), node });
const array = (...items: StaticValue[]): StaticValue => ({ kind: 'array', items, node });

const standIns: StandIn[] = [{ absent: true }, { json: '"Always"' }, { json: '"sidecar-lint-unknown"' }, { json: '0' }, { json: 'true' }, { json: '{}' }, { json: '[]' }];

function pod(init: Array<[string, StaticValue]>, extra: Array<[string, StaticValue]> = []): StaticValue {
  return object([
    ['apiVersion', scalar('v1')],
    ['kind', scalar('Pod')],
    ['metadata', object([['name', scalar('web')]])],
    ['spec', object([
      ['initContainers', array(object([['name', scalar('proxy')], ['image', scalar('envoy')], ...init]))],
      ['containers', array(object([['name', scalar('app')], ['image', scalar('app')]]))],
      ...extra,
    ])],
  ]);
}

const cases: Record<string, StaticValue> = {
  'a typo': pod([['restartPolicy', scalar('always')]]),
  'an unknown restartPolicy': pod([['restartPolicy', unknown]]),
  'a number where a string belongs': pod([['restartPolicy', scalar(1e21)]]),
  'numbers JSON and YAML 1.1 write differently': pod([['restartPolicy', scalar('Always')]], [['terminationGracePeriodSeconds', scalar(-0)], ['activeDeadlineSeconds', scalar(0.5)], ['priority', scalar(Number.POSITIVE_INFINITY)]]),
  'a boolean and null': pod([['restartPolicy', scalar(true)], ['startupProbe', scalar(null)]]),
  'strings YAML reads as line breaks': pod([['restartPolicy', scalar('Always\u2028')]], [['hostname', scalar('a\u0085b')]]),
  'control characters, quotes and backslashes': pod([['restartPolicy', scalar('Al"ways\\\t')]]),
  'astral characters': pod([['restartPolicy', scalar('Always 🚀')]]),
  'a key written twice': pod([['restartPolicy', scalar('Always')], ['restartPolicy', scalar('always')]]),
  '__proto__ and other inherited names': pod([['restartPolicy', scalar('Always')], ['__proto__', scalar('x')], ['toString', scalar('y')]]),
  'no container list at all': object([['apiVersion', scalar('v1')], ['kind', scalar('ConfigMap')], ['data', object([['a', unknown]])]]),
  'unknowns in a list': pod([['restartPolicy', scalar('Always')], ['args', array(unknown, scalar('x'))]]),
};

describe('the JSON image decoded for the core gives the results of parsing its text', () => {
  const target = resolveTarget({ kubernetesVersion: '1.27-1.36' });
  for (const [name, value] of Object.entries(cases)) {
    it(name, () => {
      for (const standIn of standIns) {
        const image = new JsonImage(value, standIn);
        const source = { uri: 'chart.ts', text: image.json };
        expect(lintDocuments(source, image.documents(), { target })).toEqual(lintSource(source, { target }));
      }
    });
  }

  it('finds something in the cases that should have findings, so the comparison is not of empties', () => {
    const image = new JsonImage(cases['a typo']!, { absent: true });
    expect(lintDocuments({ uri: 'chart.ts', text: image.json }, image.documents(), { target }).findings.map((f) => f.ruleId)).toContain('restart-policy-init-value');
  });
});
