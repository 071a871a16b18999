/**
 * The YAML 1.1 tags as kubectl reads them. kubectl decodes YAML with go-yaml v2 into plain JSON
 * values, so the yaml package's JavaScript-only results (Uint8Array, Set, Map, Date, sexagesimal
 * numbers) would make the linter judge values the API server never sees: `restartPolicy: !!binary
 * QWx3YXlz` is the string "Always" to kubectl, and `2024-01-01` stays the text as written.
 */
import type { CollectionTag, ScalarTag } from 'yaml';

type Tag = ScalarTag | CollectionTag;

const yamlTag = (name: string) => `tag:yaml.org,2002:${name}`;

/** go-yaml v2 decodes !!binary into the string of its bytes. */
const binaryAsString: ScalarTag = {
  tag: yamlTag('binary'),
  default: false,
  identify: () => false,
  resolve(source, onError) {
    try {
      const bytes = Uint8Array.from(atob(source.replace(/\s+/g, '')), (c) => c.charCodeAt(0));
      return new TextDecoder('utf-8').decode(bytes);
    } catch {
      onError('!!binary value contains invalid base64 data');
      return source;
    }
  },
};

/** go-yaml v2 has no sets or ordered maps: they are the map or sequence they are written as. */
const setAsMap: CollectionTag = { tag: yamlTag('set'), collection: 'map', default: false, identify: () => false, resolve: (map) => map };
const omapAsSeq: CollectionTag = { tag: yamlTag('omap'), collection: 'seq', default: false, identify: () => false, resolve: (seq) => seq };
const pairsAsSeq: CollectionTag = { tag: yamlTag('pairs'), collection: 'seq', default: false, identify: () => false, resolve: (seq) => seq };

const replaced = new Map<string, Tag>([binaryAsString, setAsMap, omapAsSeq, pairsAsSeq].map((tag) => [tag.tag, tag]));

/** For the `customTags` option: timestamps and base-60 numbers stay strings, the rest as above. */
export function kubectlTags<Name extends string>(tags: Array<Tag | Name>): Array<Tag | Name> {
  return tags
    .filter((tag) => typeof tag === 'string' || (tag.tag !== yamlTag('timestamp') && tag.format !== 'TIME'))
    .map((tag) => (typeof tag === 'string' ? tag : (replaced.get(tag.tag) ?? tag)));
}
