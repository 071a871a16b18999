/**
 * Built-ins our compiler leaves to the host (declared to it at compile time with their arity). They
 * use JavaScript's RegExp, exactly as the core matches the heuristics patterns (which are valid RE2
 * as well, so OPA itself gives the same answers).
 */
const compiled = new Map<string, RegExp>();

/** The policies ask the same few patterns thousands of times: compile each once. */
function regex(pattern: string, flags = ''): RegExp {
  const key = `${flags}/${pattern}`;
  let found = compiled.get(key);
  if (!found) {
    found = new RegExp(pattern, flags);
    compiled.set(key, found);
  }
  return found;
}

export const hostBuiltins = {
  'regex.match': (pattern: string, value: string) => regex(pattern).test(value),
  'regex.find_all_string_submatch_n': (pattern: string, value: string, n: number) => {
    const all = [...value.matchAll(regex(pattern, 'g'))].map((match) => match.map((group) => group ?? ''));
    return n < 0 ? all : all.slice(0, n);
  },
};

/** name -> arity, as the compiler takes them. */
export const hostBuiltinArities: Record<string, number> = Object.fromEntries(
  Object.entries(hostBuiltins).map(([name, fn]) => [name, fn.length]),
);

/** The compiled modules need more initial memory than the SDK's default. */
export const memoryDescriptor = { initial: 64 };
