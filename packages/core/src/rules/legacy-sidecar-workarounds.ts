import { containerLabel, defineRule, quote } from '../rule.js';
import { isObject } from '../discovery.js';
import { legacyWorkarounds } from '../heuristics.js';
import type { PathSegment } from '../positions.js';
import { sidecarsEverywhere } from './shared.js';
import { commandWorkaround, valueAt } from './runtime-shared.js';

const annotationWorkarounds = legacyWorkarounds()
  .filter((entry) => entry.kind === 'annotation' && entry.key !== undefined)
  .map((entry) => ({ entry, regex: entry.pattern === undefined ? null : new RegExp(entry.pattern) }));

const why = 'native sidecars, which every targeted version runs, start before the app containers and stop after them.';

export const legacySidecarWorkarounds = defineRule({
  id: 'legacy-sidecar-workarounds',
  defaultSeverity: 'info',
  category: 'advice',
  description: 'A workaround for legacy sidecars (holdApplicationUntilProxyStarts, linkerd-await, /quitquitquit) where native sidecars are available',
  rationale:
    'Before native sidecars, pods ordered and stopped their helpers by hand: Istio\'s holdApplicationUntilProxyStarts, Linkerd\'s linkerd-await and proxy-wait-before-exit-seconds, and /quitquitquit or /shutdown calls at the end of a Job (istio/istio.io#10316, linkerd/linkerd2#12951). Where every targeted version runs native sidecars, the kubelet starts a sidecar before the app containers and stops it after them, so these workarounds are dead weight and a source of bugs (a missed /quitquitquit leaves the Job running).',
  howToFix: 'Run the proxy as a native sidecar (Istio: ENABLE_NATIVE_SIDECARS or the sidecar.istio.io/nativeSidecar annotation; Linkerd: config.linkerd.io/proxy-enable-native-sidecar) and remove the workaround.',
  fixable: null,
  example: {
    bad: 'metadata:\n  annotations:\n    proxy.istio.io/config: |\n      holdApplicationUntilProxyStarts: true',
    good: 'metadata:\n  annotations:\n    sidecar.istio.io/nativeSidecar: "true"',
  },
  check({ site, view, target, report }) {
    if (!sidecarsEverywhere(target.minors)) return;
    const metadataPath = site.templateMetadataPath;
    const metadata = metadataPath ? valueAt(site.object, metadataPath) : undefined;
    const annotations = isObject(metadata) ? metadata['annotations'] : undefined;
    if (metadataPath && isObject(annotations)) {
      for (const { entry, regex } of annotationWorkarounds) {
        const value = annotations[entry.key!];
        if (value === undefined || value === null || (regex && !regex.test(String(value)))) continue;
        report({
          path: [...metadataPath, 'annotations', entry.key!],
          span: 'entry',
          message: `annotation ${quote(entry.key)} is a legacy sidecar workaround (${entry.name}); ${why}`,
        });
      }
    }
    for (const container of view.containers) {
      for (const field of ['command', 'args'] as const) {
        const parts = container.spec[field];
        if (!Array.isArray(parts)) continue;
        const index = parts.findIndex((part) => typeof part === 'string' && commandWorkaround(part) !== null);
        const whole = parts.filter((part) => typeof part === 'string').join(' ');
        const found = commandWorkaround(index >= 0 ? (parts[index] as string) : whole);
        if (!found) continue;
        const path: PathSegment[] = index >= 0 ? [...container.path, field, index] : [...container.path, field];
        report({
          path,
          span: 'value',
          message: `container ${containerLabel(container)} uses a legacy sidecar workaround (${found.name}); ${why}`,
        });
      }
    }
  },
});
