// A web Deployment with a native sidecar proxy, and a Job whose log shipper is a native sidecar too.
// `cdk8s synth` runs sidecar-lint on the output (cdk8s.yaml); ESLint shows the same findings while typing.
import { App, Chart } from 'cdk8s';
import type { Construct } from 'constructs';
import { k8s } from 'cdk8s-plus-33';

const proxy = { name: 'proxy', image: 'envoyproxy/envoy:v1.31', restartPolicy: 'Always' } as const;

export class WebChart extends Chart {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    const labels = { app: 'web' };
    new k8s.KubeDeployment(this, 'web', {
      metadata: { name: 'web' },
      spec: {
        selector: { matchLabels: labels },
        template: {
          metadata: { labels },
          spec: {
            initContainers: [proxy],
            containers: [{ name: 'app', image: 'nginx:1.27' }],
          },
        },
      },
    });
    new k8s.KubeJob(this, 'ingest', {
      metadata: { name: 'ingest' },
      spec: {
        template: {
          spec: {
            restartPolicy: 'Never',
            initContainers: [{ name: 'logs', image: 'fluent/fluent-bit:3', restartPolicy: 'Always' }],
            containers: [{ name: 'ingest', image: 'example/ingest:1' }],
          },
        },
      },
    });
  }
}

const app = new App();
new WebChart(app, 'demo');
app.synth();
