import { defineRule } from '../rule.js';
import { isObject, type PodSpecSite } from '../discovery.js';
import type { PathSegment } from '../positions.js';
import { strictUnknownField } from './shared.js';
import { containerLists } from '../view.js';

const restartFields = new Set(['restartPolicy', 'restartPolicyRules']);
/** Maps whose keys are data (labels, selectors, parameters), where any key name is fine. */
const freeFormMaps = new Set(['labels', 'annotations', 'nodeSelector', 'matchLabels', 'volumeAttributes', 'options', 'parameters', 'data', 'stringData']);

export const restartPolicyMisplaced = defineRule({
  id: 'restart-policy-misplaced',
  defaultSeverity: 'error',
  category: 'api',
  description: 'restartPolicy or restartPolicyRules where the schema has no such field',
  rationale:
    'restartPolicy belongs to the pod spec and to containers, restartPolicyRules to containers only. Written anywhere else (the document root, metadata, a workload\'s own spec, the template, resources, a probe) it is not a field at all: kubectl\'s strict field validation refuses the object, and without it the API server drops the field silently, so the restart behaviour the author meant never happens.',
  howToFix: 'Move the field to the container (or, for restartPolicy, the pod spec) it was meant for.',
  fixable: null,
  check({ site, minor, report }) {
    for (const path of misplacedFields(site)) {
      if (minor.fieldValidation === 'strict') report({ path, span: 'entry', effect: 'Rejected', message: strictUnknownField(path) });
      else report({ path, span: 'entry', effect: 'Dropped with a warning', severity: 'warning', message: 'unknown field, the API server ignores it.' });
    }
  },
});

/** Where a site has restart fields the schema does not have: the same on every minor, so found once. */
const misplacedBySite = new WeakMap<PodSpecSite, PathSegment[][]>();

function misplacedFields(site: PodSpecSite): PathSegment[][] {
  const cached = misplacedBySite.get(site);
  if (cached) return cached;
  const found: PathSegment[][] = [];
  const { specPath } = site;
  const specLength = specPath.length;
  // One path, grown and shrunk as the walk goes: the walk visits every node of the object.
  const path: PathSegment[] = [];
  const isSpecPath = () => path.length === specLength && path.every((segment, i) => String(segment) === String(specPath[i]));
  const visit = (value: unknown, insideSpec: boolean) => {
    if (path.length > 64) return;
    if (Array.isArray(value)) {
      for (let index = 0; index < value.length; index++) {
        path.push(index);
        visit(value[index], insideSpec);
        path.pop();
      }
      return;
    }
    if (!isObject(value)) return;
    const atSpec = insideSpec && path.length === specLength;
    const inContainerList = insideSpec && path.length >= specLength + 2 && containerLists.includes(path[specLength] as never);
    const isContainer = inContainerList && path.length === specLength + 2;
    // A container's resizePolicy entries have a restartPolicy of their own (NotRequired, RestartContainer).
    const isResizeEntry = inContainerList && path.length === specLength + 4 && path[specLength + 2] === 'resizePolicy';
    for (const key of Object.keys(value)) {
      const allowed = isContainer || (atSpec && key === 'restartPolicy') || (isResizeEntry && key === 'restartPolicy');
      if (restartFields.has(key) && !allowed) found.push([...path, key]);
      if (freeFormMaps.has(key) || key === 'status') continue;
      path.push(key);
      visit(value[key], insideSpec || isSpecPath());
      path.pop();
    }
  };
  // Outside the pod spec only built-in kinds have a schema we know; for the others, look inside it.
  if (!site.builtin) {
    path.push(...specPath);
    visit(site.spec, true);
  } else {
    visit(site.object, false);
  }
  misplacedBySite.set(site, found);
  return found;
}
