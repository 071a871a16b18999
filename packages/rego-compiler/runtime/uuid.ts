// uuid.parse: the forms google/uuid accepts, and the fields OPA reports.
import { V, VObj, VStr, VNum, T_STR, asStr, objPut, num } from "./value";

function hexv(c: i32): i32 {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 97 && c <= 102) return c - 87;
  if (c >= 65 && c <= 70) return c - 55;
  return -1;
}
// 16 bytes, or null
function parseUUID(s: string): Array<i32> | null {
  if (s.length == 45) {
    if (s.substring(0, 9).toLowerCase() != "urn:uuid:") return null;
    s = s.substring(9);
  } else if (s.length == 38) {
    if (s.charCodeAt(0) != 123 || s.charCodeAt(37) != 125) return null;
    s = s.substring(1, 37);
  }
  let hex: string;
  if (s.length == 36) {
    if (s.charCodeAt(8) != 45 || s.charCodeAt(13) != 45 || s.charCodeAt(18) != 45 || s.charCodeAt(23) != 45) return null;
    hex = s.substring(0, 8) + s.substring(9, 13) + s.substring(14, 18) + s.substring(19, 23) + s.substring(24);
  } else if (s.length == 32) hex = s;
  else return null;
  let b = new Array<i32>();
  for (let i = 0; i < 32; i += 2) {
    let hi = hexv(hex.charCodeAt(i)), lo = hexv(hex.charCodeAt(i + 1));
    if (hi < 0 || lo < 0) return null;
    b.push((hi << 4) | lo);
  }
  return b;
}

function key(o: VObj, k: string, v: V): void { objPut(o, new VStr(k), v); }
function hex2(b: i32): string { let h = "0123456789abcdef"; return h.charAt(b >> 4) + h.charAt(b & 15); }

export function b_uuid_parse(a: V): V | null {
  if (a.t != T_STR) return null;
  let u = parseUUID(asStr(a).s);
  if (u === null) return null;
  let b = u!;
  let o = new VObj();
  let version = b[6] >> 4;
  key(o, "version", num(<f64>version));
  let v8 = b[8];
  key(o, "variant", new VStr((v8 & 0xc0) == 0x80 ? "RFC4122" : (v8 & 0xe0) == 0xc0 ? "Microsoft" : (v8 & 0xe0) == 0xe0 ? "Future" : "Reserved"));
  if (version == 1 || version == 2) {
    // 100 ns intervals since 1582-10-15, as nanoseconds since 1970 (int64 arithmetic, like Go's)
    let t: i64 = (<i64>b[0] << 24) | (<i64>b[1] << 16) | (<i64>b[2] << 8) | <i64>b[3];
    t |= ((<i64>b[4] << 8) | <i64>b[5]) << 32;
    t |= (((<i64>b[6] << 8) | <i64>b[7]) & 0xfff) << 48;
    let d = t - 122192928000000000;
    let ns: i64 = (d / 10000000) * 1000000000 + (d % 10000000) * 100;
    let f = <f64>ns;
    key(o, "time", Math.abs(f) <= 9007199254740992.0 ? num(f) : new VNum(f, ns.toString()));
    let node = new Array<string>();
    for (let i = 10; i < 16; i++) node.push(hex2(b[i]));
    key(o, "nodeid", new VStr(node.join("-")));
    let m = b[10];
    key(o, "macvariables", new VStr((m & 3) == 3 ? "local:multicast" : (m & 1) == 1 ? "global:multicast" : (m & 2) == 2 ? "local:unicast" : "global:unicast"));
    key(o, "clocksequence", num(<f64>(((b[8] << 8) | b[9]) & 0x3fff)));
    if (version == 2) {
      key(o, "id", num(<f64>((<u32>b[0] << 24) | (<u32>b[1] << 16) | (<u32>b[2] << 8) | <u32>b[3])));
      let dom = b[9];
      key(o, "domain", new VStr(dom == 0 ? "Person" : dom == 1 ? "Group" : dom == 2 ? "Org" : "Domain" + dom.toString()));
    }
  }
  return o;
}
