import { defineRule, quote } from '../rule.js';
import type { ContainerView } from '../view.js';

export const duplicateContainerName = defineRule({
  id: 'duplicate-container-name',
  defaultSeverity: 'error',
  category: 'api',
  description: 'A container name used twice across init, app and ephemeral containers',
  rationale:
    'Names must be unique across initContainers (sidecars included), containers and ephemeralContainers. The API server reports "Duplicate value" at the init container that repeats a regular container\'s name or an earlier init container\'s, at the later of two regular containers, and at the ephemeral container that repeats any name. Moving a legacy sidecar into initContainers while leaving a copy behind is the usual way to get here.',
  howToFix: 'Rename one of the containers, or remove the leftover copy.',
  fixable: null,
  check({ view, report }) {
    const duplicate = (container: ContainerView) =>
      report({ path: [...container.path, 'name'], span: 'value', effect: 'Rejected', message: `Duplicate value: ${quote(container.name)}.` });
    const regular = new Set<string>();
    for (const container of view.byList.containers) {
      if (container.name === undefined || container.name === '') continue;
      if (regular.has(container.name)) duplicate(container);
      else regular.add(container.name);
    }
    // Init container names are checked against every regular container, then against earlier init containers.
    const all = new Set(regular);
    for (const container of view.byList.initContainers) {
      if (container.name === undefined || container.name === '') continue;
      if (all.has(container.name)) duplicate(container);
      else all.add(container.name);
    }
    for (const container of view.byList.ephemeralContainers) {
      if (container.name === undefined || container.name === '') continue;
      if (all.has(container.name)) duplicate(container);
      else all.add(container.name);
    }
  },
});
