// io.jwt.decode: header, payload and hex signature of a JWS in compact form,
// following nested tokens (cty "JWT"), as OPA decodes them (no verification).
import { V, VArr, VStr, T_STR, T_OBJ, asStr, asObj, objGet } from "./value";
import { builtinErr } from "./builtins";
import { parseString } from "./json";
import { base64urlBytes, fromBytes, badAt } from "./encoding";

const NAME = "io.jwt.decode";

function hexOf(b: Array<i32>): string {
  let h = "0123456789abcdef", out = new Array<string>();
  for (let i = 0; i < b.length; i++) out.push(h.charAt(b[i] >> 4) + h.charAt(b[i] & 15));
  return out.join("");
}
function trimQuotes(s: string): string {
  let a = 0, b = s.length;
  while (a < b && (s.charCodeAt(a) == 34 || s.charCodeAt(a) == 39)) a++;
  while (b > a && (s.charCodeAt(b - 1) == 34 || s.charCodeAt(b - 1) == 39)) b--;
  return s.substring(a, b);
}

function decodeToken(t: string, depth: i32): V | null {
  if (!t.includes(".")) return builtinErr(NAME, "encoded JWT had no period separators");
  let parts = t.split(".");
  if (parts.length != 3) return builtinErr(NAME, "encoded JWT must have 3 sections, found " + parts.length.toString());
  let hb = base64urlBytes(parts[0]);
  if (hb === null) return builtinErr(NAME, "JWT header had invalid encoding: illegal base64 data at input byte " + badAt.toString());
  let header = parseString(fromBytes(hb!), false);
  if (header === null) return builtinErr(NAME, "bad JWT header: invalid JSON");
  if (header!.t != T_OBJ) return builtinErr(NAME, "bad JWT header: decoded JSON type was not an Object");
  if (objGet(asObj(header!), new VStr("enc")) !== null) return builtinErr(NAME, "JWT is a JWE object, which is not supported");
  let pb = base64urlBytes(parts[1]);
  if (pb === null) return builtinErr(NAME, "JWT payload had invalid encoding: illegal base64 data at input byte " + badAt.toString());
  let payloadText = fromBytes(pb!);
  let cty = objGet(asObj(header!), new VStr("cty"));
  if (cty !== null && cty!.t == T_STR && asStr(cty!).s == "JWT") {
    if (depth > 32) return builtinErr(NAME, "nested JWT too deep");
    return decodeToken(trimQuotes(payloadText), depth + 1);
  }
  let payload = parseString(payloadText, false);
  if (payload === null) return builtinErr(NAME, "bad JWT payload: invalid JSON");
  if (payload!.t != T_OBJ) return builtinErr(NAME, "bad JWT payload: decoded JSON type was not an Object");
  let sb = base64urlBytes(parts[2]);
  if (sb === null) return builtinErr(NAME, "JWT signature had invalid encoding: illegal base64 data at input byte " + badAt.toString());
  let out = new Array<V>();
  out.push(header!); out.push(payload!); out.push(new VStr(hexOf(sb!)));
  return new VArr(out);
}

export function b_io_jwt_decode(a: V): V | null {
  if (a.t != T_STR) return null;
  return decodeToken(asStr(a).s, 0);
}
