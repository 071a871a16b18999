// semver.is_valid and semver.compare: SemVer 2.0.0 versions and their precedence.
import { V, T_STR, TRUE, FALSE, asStr, num } from "./value";
import { builtinErr } from "./builtins";
import { regoString } from "./sprintf";

class Version { core: Array<string> = new Array<string>(); pre: Array<string> = new Array<string>(); }

function isDigits(s: string): bool {
  if (s.length == 0) return false;
  for (let i = 0; i < s.length; i++) { let c = s.charCodeAt(i); if (c < 48 || c > 57) return false; }
  return true;
}
function isIdent(s: string): bool {
  if (s.length == 0) return false;
  for (let i = 0; i < s.length; i++) {
    let c = s.charCodeAt(i);
    if (!((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c == 45)) return false;
  }
  return true;
}
function noLeadingZero(s: string): bool { return s.length == 1 || s.charCodeAt(0) != 48; }

function parse(s: string): Version | null {
  let v = new Version();
  let plus = s.indexOf("+");
  if (plus >= 0) {
    let build = s.substring(plus + 1).split(".");
    for (let i = 0; i < build.length; i++) if (!isIdent(build[i])) return null;
    s = s.substring(0, plus);
  }
  let dash = s.indexOf("-");
  if (dash >= 0) {
    let pre = s.substring(dash + 1).split(".");
    for (let i = 0; i < pre.length; i++) {
      if (!isIdent(pre[i]) || (isDigits(pre[i]) && !noLeadingZero(pre[i]))) return null;
      v.pre.push(pre[i]);
    }
    s = s.substring(0, dash);
  }
  let core = s.split(".");
  if (core.length != 3) return null;
  for (let i = 0; i < 3; i++) {
    if (!isDigits(core[i]) || !noLeadingZero(core[i])) return null;
    v.core.push(core[i]);
  }
  return v;
}

// Numeric identifiers by value (as decimal texts of any length), others in ASCII order, numeric first.
function cmpIdent(a: string, b: string, numericOnly: bool): i32 {
  let an = isDigits(a), bn = isDigits(b);
  if (an && bn || numericOnly) {
    if (a.length != b.length) return a.length < b.length ? -1 : 1;
    return a < b ? -1 : a > b ? 1 : 0;
  }
  if (an) return -1;
  if (bn) return 1;
  return a < b ? -1 : a > b ? 1 : 0;
}
function compareVersions(x: Version, y: Version): i32 {
  for (let i = 0; i < 3; i++) { let c = cmpIdent(x.core[i], y.core[i], true); if (c != 0) return c; }
  // a pre-release comes before its release
  if (x.pre.length == 0 || y.pre.length == 0) return x.pre.length == y.pre.length ? 0 : (x.pre.length == 0 ? 1 : -1);
  for (let i = 0; i < x.pre.length && i < y.pre.length; i++) { let c = cmpIdent(x.pre[i], y.pre[i], false); if (c != 0) return c; }
  return x.pre.length == y.pre.length ? 0 : (x.pre.length < y.pre.length ? -1 : 1);
}

export function b_semver_is_valid(a: V): V | null {
  return a.t == T_STR && parse(asStr(a).s) !== null ? TRUE : FALSE;
}
export function b_semver_compare(a: V, b: V): V | null {
  if (a.t != T_STR || b.t != T_STR) return null;
  let x = parse(asStr(a).s);
  if (x === null) return builtinErr("semver.compare", "operand 1: string " + regoString(a) + " is not a valid SemVer");
  let y = parse(asStr(b).s);
  if (y === null) return builtinErr("semver.compare", "operand 2: string " + regoString(b) + " is not a valid SemVer");
  return num(<f64>compareVersions(x!, y!));
}
