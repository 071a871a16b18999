// Built-ins our compiler does not implement yet, given to the opa-wasm SDK by the host. They use
// JavaScript's RegExp, exactly as the core matches the heuristics patterns (valid RE2 as well).
export const hostBuiltins = {
  'regex.match': (pattern, value) => new RegExp(pattern).test(value),
  'regex.find_all_string_submatch_n': (pattern, value, n) => {
    const all = [...value.matchAll(new RegExp(pattern, 'g'))].map((match) => match.map((group) => group ?? ''));
    return n < 0 ? all : all.slice(0, n);
  },
};
