// Arity of OPA's built-in functions (by name), for calls whose last argument
// is an output, and for telling a built-in from an undefined function.
const ARITY: Record<string, number> = {
  // natively compiled in our runtime (the arity is also read from the runtime)
  abs: 1, all: 1, any: 1, and: 2, "array.concat": 2, "array.reverse": 1, "array.slice": 3, "array.flatten": 1, count: 1, max: 1, min: 1,
  product: 1, sort: 1, sum: 1, "base64.decode": 1, "base64.encode": 1, "base64.is_valid": 1, "base64url.decode": 1,
  "base64url.encode": 1, "base64url.encode_no_pad": 1, "bits.and": 2, "bits.lsh": 2, "bits.negate": 1, "bits.or": 2,
  "bits.rsh": 2, "bits.xor": 2, ceil: 1, div: 2, equal: 2, floor: 1, gt: 2, gte: 2, lt: 2, lte: 2, minus: 2, mul: 2,
  neq: 2, plus: 2, rem: 2, round: 1, concat: 2, contains: 2, endswith: 2, format_int: 2, indexof: 2, indexof_n: 2,
  lower: 1, replace: 3, split: 2, startswith: 2, "strings.replace_n": 2, "strings.reverse": 1, "strings.count": 2,
  "strings.any_prefix_match": 2, "strings.any_suffix_match": 2, "strings.render_template": 2, substring: 3,
  trim: 2, trim_left: 2, trim_prefix: 2, trim_right: 2, trim_space: 1, trim_suffix: 2, upper: 1, sprintf: 2,
  "glob.match": 3, "glob.quote_meta": 1, "graph.reachable": 2, "graph.reachable_paths": 2, "internal.member_2": 2,
  "internal.member_3": 3, intersection: 1, or: 2, set_diff: 2, union: 1, is_array: 1, is_boolean: 1, is_null: 1,
  is_number: 1, is_object: 1, is_set: 1, is_string: 1, type_name: 1, "json.filter": 2, "json.is_valid": 1,
  "json.marshal": 1, "json.marshal_with_options": 2, "json.remove": 2, "json.unmarshal": 1, "json.patch": 2,
  "json.match_schema": 2, "json.verify_schema": 1, "net.cidr_contains": 2, "net.cidr_intersects": 2,
  "net.cidr_overlap": 2, "net.cidr_contains_matches": 2, "net.cidr_expand": 1, "net.cidr_is_valid": 1,
  "net.cidr_merge": 1, "net.lookup_ip_addr": 1, "numbers.range": 2, "numbers.range_step": 3, to_number: 1,
  "object.filter": 2, "object.get": 3, "object.keys": 1, "object.remove": 2, "object.union": 2, "object.union_n": 1,
  "object.subset": 2, re_match: 2, "regex.find_all_string_submatch_n": 3, "regex.find_n": 3, "regex.is_valid": 1,
  "regex.match": 2, "regex.split": 2, "regex.replace": 3, "regex.globs_match": 2, "regex.template_match": 4, walk: 1,
  "hex.encode": 1, "hex.decode": 1, "urlquery.encode": 1, "urlquery.decode": 1, "urlquery.encode_object": 1,
  "urlquery.decode_object": 1, "yaml.marshal": 1, "yaml.unmarshal": 1, "yaml.is_valid": 1,
  "units.parse": 1, "units.parse_bytes": 1, "uuid.rfc4122": 1, "uuid.parse": 1, "semver.compare": 2, "semver.is_valid": 1,
  "time.now_ns": 0, "time.parse_ns": 2, "time.parse_rfc3339_ns": 1, "time.parse_duration_ns": 1, "time.date": 1,
  "time.clock": 1, "time.weekday": 1, "time.add_date": 4, "time.diff": 2, "time.format": 1,
  "crypto.md5": 1, "crypto.sha1": 1, "crypto.sha256": 1, "crypto.hmac.md5": 2, "crypto.hmac.sha1": 2,
  "crypto.hmac.sha256": 2, "crypto.hmac.sha512": 2, "crypto.hmac.equal": 2, "crypto.x509.parse_certificates": 1,
  "crypto.x509.parse_and_verify_certificates": 1, "crypto.x509.parse_and_verify_certificates_with_options": 2,
  "crypto.x509.parse_certificate_request": 1, "crypto.x509.parse_keypair": 2, "crypto.x509.parse_rsa_private_key": 1,
  "crypto.parse_private_keys": 1, "io.jwt.decode": 1, "io.jwt.decode_verify": 2, "io.jwt.encode_sign": 3,
  "io.jwt.encode_sign_raw": 3, "io.jwt.verify_rs256": 2, "io.jwt.verify_rs384": 2, "io.jwt.verify_rs512": 2,
  "io.jwt.verify_ps256": 2, "io.jwt.verify_ps384": 2, "io.jwt.verify_ps512": 2, "io.jwt.verify_es256": 2,
  "io.jwt.verify_es384": 2, "io.jwt.verify_es512": 2, "io.jwt.verify_hs256": 2, "io.jwt.verify_hs384": 2,
  "io.jwt.verify_hs512": 2, "io.jwt.verify_eddsa": 2, "graphql.parse": 2, "graphql.parse_and_verify": 2,
  "graphql.parse_query": 1, "graphql.parse_schema": 1, "graphql.is_valid": 2, "graphql.schema_is_valid": 1,
  "http.send": 1, "net.cidr_contains_matches_x": 2, "opa.runtime": 0, "rand.intn": 2, "trace": 1, print: -1,
  "rego.parse_module": 2, "rego.metadata.chain": 0, "rego.metadata.rule": 0, "providers.aws.sign_req": 3,
  "cast_array": 1, "cast_set": 1, "cast_string": 1, "cast_boolean": 1, "cast_null": 1, "cast_object": 1,
  "set": 0, "array": 0,
};

/** Built-ins the SDK implements in JavaScript (host calls). */
export const SDK_BUILTINS = new Set(["json.is_valid", "sprintf", "regex.split", "yaml.is_valid", "yaml.marshal", "yaml.unmarshal"]);

export function builtinArity(name: string): number | undefined {
  return ARITY[name];
}

export function runtimeName(name: string): string {
  return "b_" + name.replace(/\./g, "_");
}

// ---- operand types, for the eval_type_error checks before native calls ----
import { createRequire } from "node:module";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";

const TYPE_BITS: Record<string, number> = { null: 1, boolean: 2, number: 4, string: 8, array: 16, object: 32, set: 64 };
interface Decl { type: string; of?: Decl[] | Decl }
function declMask(d: Decl): number {
  if (d.type === "any") {
    if (Array.isArray(d.of)) return d.of.reduce((m, x) => m | declMask(x), 0);
    return 127;
  }
  return TYPE_BITS[d.type] ?? 127;
}
let SIGS: Map<string, number[]> | null = null;
/** Bit masks of the accepted types of each operand (bit i = type i in the runtime's order). */
export function operandMasks(name: string): number[] | undefined {
  if (!SIGS) {
    SIGS = new Map();
    try {
      const req = createRequire(import.meta.url);
      let dir = dirname(req.resolve("@open-policy-agent/opa-wasm"));
      while (!existsSync(join(dir, "capabilities.json")) && dirname(dir) !== dir) dir = dirname(dir);
      const caps = JSON.parse(readFileSync(join(dir, "capabilities.json"), "utf8")) as { builtins: { name: string; decl: { args?: Decl[] } }[] };
      for (const b of caps.builtins) SIGS.set(b.name, (b.decl.args ?? []).map(declMask));
    } catch { /* no signatures: no checks */ }
    SIGS.set("strings.reverse", [8]);
    SIGS.set("array.flatten", [16]);

    SIGS.set("object.keys", [32]);
    SIGS.set("array.reverse", [16]);
    SIGS.set("units.parse", [8]);
    // operand types that the runtime checks itself, with OPA's texts
    for (const n of ["json.remove", "json.filter", "object.subset", "glob.match", "net.cidr_contains_matches", "graph.reachable", "graph.reachable_paths", "semver.is_valid", "urlquery.encode_object", "json.marshal_with_options"]) SIGS.delete(n);
    SIGS.set("units.parse_bytes", [8]);
    SIGS.set("strings.count", [8, 8]);
    SIGS.set("indexof_n", [8, 8]);
    SIGS.set("numbers.range_step", [4, 4, 4]);
    for (const n of ["equal", "neq", "lt", "lte", "gt", "gte", "internal.member_2", "internal.member_3", "walk", "json.is_valid", "json.marshal", "type_name", "minus", "sprintf"]) SIGS.delete(n);
  }
  return SIGS.get(name);
}
const ORDER = ["null", "boolean", "number", "string", "array", "object", "set"];
export function maskText(name: string, i: number, mask: number): string {
  if ((name === "object.filter" || name === "object.remove") && i === 1) return "one of {object, set, array}";
  const names = ORDER.filter((_, b) => mask & (1 << b)).sort();
  return names.length === 1 ? names[0]! : `one of {${names.join(", ")}}`;
}
export const TYPE_NAMES = ORDER;
