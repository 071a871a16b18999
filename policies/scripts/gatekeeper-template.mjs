// Prints a Gatekeeper ConstraintTemplate for one rule: the rule's package as the template's rego
// and every library module (generated data included) as its libs, except lib/target_source.rego,
// whose `data.sidecar_lint.target` Gatekeeper refuses; the target comes from the constraint's
// parameters instead.
//   node policies/scripts/gatekeeper-template.mjs restart-policy-init-value > template.yaml
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const policies = join(dirname(fileURLToPath(import.meta.url)), '..');
const ruleId = process.argv[2];
const ruleFile = join(policies, 'rules', `${ruleId}.rego`);
if (!ruleId || !existsSync(ruleFile)) {
  console.error(`usage: gatekeeper-template.mjs <rule-id>; rule ids: ${readdirSync(join(policies, 'rules')).filter((f) => !f.endsWith('_test.rego')).map((f) => f.slice(0, -5)).join(', ')}`);
  process.exit(2);
}
execFileSync(process.execPath, [join(policies, 'scripts', 'generate-data.mjs')], { stdio: 'inherit' });

const libDir = join(policies, 'lib');
const libs = [
  ...readdirSync(libDir).filter((f) => f.endsWith('.rego') && f !== 'target_source.rego').map((f) => join(libDir, f)),
  ...readdirSync(join(libDir, 'generated')).filter((f) => f.endsWith('.rego')).map((f) => join(libDir, 'generated', f)),
].sort();

// Kubernetes object names: the kind is the rule id in CamelCase, the template name its lower case.
const kind = `SidecarLint${ruleId.split('-').map((w) => w[0].toUpperCase() + w.slice(1)).join('')}`;
const block = (text, indent) => text.trimEnd().split('\n').map((line) => (line === '' ? '' : indent + line)).join('\n');

const parameters = `            kubernetesVersion: {type: string, description: 'one minor: "1.31"'}
            featureGates: {type: object, additionalProperties: {type: boolean}}
            fieldValidation: {type: string, enum: [strict, warn]}
            kubeletVersion: {type: string}
            sidecarsEverywhere: {type: boolean}
            severities: {type: array, items: {type: string, enum: [error, warning, info]}}`;

process.stdout.write(`apiVersion: templates.gatekeeper.sh/v1
kind: ConstraintTemplate
metadata:
  name: ${kind.toLowerCase()}
spec:
  crd:
    spec:
      names:
        kind: ${kind}
      validation:
        openAPIV3Schema:
          type: object
          properties:
${parameters}
  targets:
    - target: admission.k8s.gatekeeper.sh
      rego: |
${block(readFileSync(ruleFile, 'utf8'), '        ')}
      libs:
${libs.map((file) => `        - |\n${block(readFileSync(file, 'utf8'), '          ')}`).join('\n')}
`);
