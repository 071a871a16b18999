// cdk8s TypeScript: pod specs built in Kube* constructs, ApiObject literals and (typed) generated spec types.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { RuleTester } from '@typescript-eslint/rule-tester';
import plugin from '../src/index.js';
import { spanOf } from './span.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const settings = { 'sidecar-lint': { kubernetesVersion: '1.33' } };
const forbidden = 'Rejected on 1.33: Forbidden: may not be set for non-init containers. Severity error on Kubernetes 1.33.';

const header = `import { App, ApiObject, Chart } from 'cdk8s';
import * as kplus from 'cdk8s-plus-33';
import { k8s } from 'cdk8s-plus-33';
const chart = new Chart(new App(), 'demo');
`;

const literalCase = `${header}new k8s.KubePod(chart, 'p', {
  spec: { containers: [{ name: 'app', image: 'app' }, { name: 'proxy', image: 'envoy', restartPolicy: 'Always' }] },
});`;
const helperCase = `${header}const ALWAYS = 'Always';
const sidecar = (name: string, image = 'envoy') => ({ name, image, restartPolicy: ALWAYS });
new k8s.KubeDeployment(chart, 'd', {
  spec: { selector: {}, template: { spec: { containers: [{ name: 'app', image: 'app' }, sidecar('proxy')] } } },
});`;
const spreadCase = `${header}const ALWAYS = 'Always';
const base = { image: 'envoy', restartPolicy: ALWAYS };
new k8s.KubeDeployment(chart, 'd', {
  spec: { selector: {}, template: { spec: { containers: [{ name: 'app', image: 'app' }, { ...base, name: 'proxy' }] } } },
});
new k8s.KubeStatefulSet(chart, 's', {
  spec: { serviceName: 's', selector: {}, template: { spec: { containers: [{ name: 'app', image: 'app' }, { ...base, name: 'proxy' }] } } },
});`;
const enumCase = `${header}new k8s.KubeJob(chart, 'j', { spec: { template: { spec: {
  restartPolicy: 'Never',
  containers: [{ name: 'a', image: 'a' }, { name: 'b', image: 'b', restartPolicy: kplus.ContainerRestartPolicy.ALWAYS }],
} } } });`;
const initValueCase = `${header}new k8s.KubePod(chart, 'p', { spec: { initContainers: [{ name: 'proxy', image: 'envoy', restartPolicy: 'always' }], containers: [{ name: 'app', image: 'app' }] } });`;
const misplacedCase = `${header}new ApiObject(chart, 'd', {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web' },
  spec: { restartPolicy: 'Always', selector: {}, template: { spec: { containers: [{ name: 'app', image: 'app' }] } } },
});`;
const jobCase = `${header}new k8s.KubeJob(chart, 'j', { spec: { template: { spec: { containers: [{ name: 'a', image: 'a' }] } } } });`;
const typedLiteralCase = `${header}export const spec: k8s.PodSpec = { containers: [{ name: 'app', image: 'app' }, { name: 'proxy', image: 'envoy', restartPolicy: 'Always' }] };`;
const literalTypeCase = `${header}declare function policy(): 'Always';
new k8s.KubePod(chart, 'p', { spec: { containers: [{ name: 'app', image: 'app' }, { name: 'proxy', image: 'envoy', restartPolicy: policy() }] } });`;

const untyped = new RuleTester({ settings });

untyped.run('restart-policy-app-container', plugin.rules['restart-policy-app-container'] as never, {
  valid: [
    // A sidecar where it belongs.
    `${header}new k8s.KubePod(chart, 'p', { spec: { initContainers: [{ name: 'proxy', image: 'envoy', restartPolicy: 'Always' }], containers: [{ name: 'app', image: 'app' }] } });`,
    // A value the linter cannot know is never guessed.
    `${header}export function build(policy: string) { new k8s.KubePod(chart, 'p', { spec: { containers: [{ name: 'app', image: 'app', restartPolicy: policy }] } }); }`,
    // A look-alike object that no construct receives.
    `${header}const notASpec = { containers: [{ name: 'app', restartPolicy: 'Always' }] }; export default notASpec;`,
    // A Kube* class that does not come from the generated imports.
    `import { KubePod } from './my-own-classes';\nnew KubePod(null as never, 'p', { spec: { containers: [{ name: 'app', image: 'app', restartPolicy: 'Always' }] } });`,
  ],
  invalid: [
    {
      code: literalCase,
      errors: [{ message: forbidden, ...spanOf(literalCase, "restartPolicy: 'Always'") }],
    },
    {
      // Through a const and a helper: reported at the helper's call, where the field lands in this pod spec.
      code: helperCase,
      errors: [{ message: forbidden, ...spanOf(helperCase, "sidecar('proxy')") }],
    },
    {
      // Through a spread: reported where the field is written, once for both constructs that use it.
      code: spreadCase,
      errors: [{ message: forbidden, ...spanOf(spreadCase, 'restartPolicy: ALWAYS') }],
    },
    {
      // cdk8s-plus's own enum value.
      code: enumCase,
      errors: [{ message: forbidden, ...spanOf(enumCase, 'restartPolicy: kplus.ContainerRestartPolicy.ALWAYS') }],
    },
  ],
});

untyped.run('restart-policy-init-value', plugin.rules['restart-policy-init-value'] as never, {
  valid: [`${header}new k8s.KubePod(chart, 'p', { spec: { initContainers: [{ name: 'proxy', image: 'envoy', restartPolicy: 'Always' }], containers: [{ name: 'app', image: 'app' }] } });`],
  invalid: [
    {
      code: initValueCase,
      errors: [{ message: 'Rejected on 1.33: Unsupported value: "always": supported values: "Always". Severity error on Kubernetes 1.33.', ...spanOf(initValueCase, "'always'") }],
    },
  ],
});

untyped.run('restart-policy-misplaced', plugin.rules['restart-policy-misplaced'] as never, {
  valid: [],
  invalid: [
    {
      code: misplacedCase,
      errors: [{ message: 'Rejected on 1.33: strict decoding error: unknown field "spec.restartPolicy". Severity error on Kubernetes 1.33.', ...spanOf(misplacedCase, "restartPolicy: 'Always'") }],
    },
  ],
});

untyped.run('pod-restart-policy', plugin.rules['pod-restart-policy'] as never, {
  valid: [
    // The pod restartPolicy comes from a parameter: unknown, so no "missing value defaults to Always".
    `${header}export const job = (policy: string) => new k8s.KubeJob(chart, 'j', { spec: { template: { spec: { restartPolicy: policy, containers: [{ name: 'a', image: 'a' }] } } } });`,
  ],
  invalid: [
    {
      code: jobCase,
      errors: [{ message: 'Rejected on 1.33: Required value: valid values: "OnFailure", "Never". Severity error on Kubernetes 1.33.', ...spanOf(jobCase, 'spec', 2) }],
    },
  ],
});

const typed = new RuleTester({ settings, languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: path.join(here, 'fixtures/typed') } } });

typed.run('restart-policy-app-container (typed)', plugin.rules['restart-policy-app-container'] as never, {
  valid: [`${header}export const spec: k8s.PodSpec = { initContainers: [{ name: 'proxy', image: 'envoy', restartPolicy: 'Always' }], containers: [{ name: 'app', image: 'app' }] };`],
  invalid: [
    {
      // A PodSpec typed literal that no construct in this file receives.
      code: typedLiteralCase,
      errors: [{ message: forbidden, ...spanOf(typedLiteralCase, "restartPolicy: 'Always'") }],
    },
    {
      // A value from elsewhere, known by its literal type.
      code: literalTypeCase,
      errors: [{ message: forbidden, ...spanOf(literalTypeCase, 'restartPolicy: policy()') }],
    },
  ],
});
