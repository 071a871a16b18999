/** Built-ins our compiler leaves to the host; the heuristics match with JavaScript regexes, as in the core. */
export const hostBuiltins = {
  'regex.match': (pattern: string, value: string) => new RegExp(pattern).test(value),
};
