// units.parse and units.parse_bytes, with exact decimal arithmetic: the amount
// times the unit's factor, as OPA computes it with big rationals.
import { V, VNum, VStr, T_STR, asStr, num } from "./value";
import { absMul, builtinErr } from "./builtins";

// A decimal number as digits (no sign, no dot) times 10^exp.
class Dec { neg: bool = false; digits: string = "0"; exp: i32 = 0; }

function isDigit(c: i32): bool { return c >= 48 && c <= 57; }

// Splits s into the amount and the unit the way OPA does: the amount runs to the
// first character that is not a digit, '.', '+', '-' or an exponent marker
// followed by a digit or sign. Returns null when an exponent has more than 6 digits.
function splitAmount(s: string): Array<string> | null {
  let cut = -1;
  for (let i = 0; i < s.length; i++) {
    let c = s.charCodeAt(i);
    if (!isDigit(c) && c != 46 && c != 101 && c != 69 && c != 43 && c != 45) { cut = i; break; }
    if (c == 101 || c == 69) {
      let next = i + 1 < s.length ? s.charCodeAt(i + 1) : -1;
      if (!isDigit(next) && next != 43 && next != 45) { cut = i; break; }
      if (next == 43 || next == 45) i++;
      let e = i + 1;
      while (e < s.length && isDigit(s.charCodeAt(e))) e++;
      if (e - (i + 1) > 6) return null;
    }
  }
  let r = new Array<string>(2);
  if (cut < 0) { r[0] = s; r[1] = ""; } else { r[0] = s.substring(0, cut); r[1] = s.substring(cut); }
  return r;
}

// [+-]digits[.digits][(e|E)[+-]digits], at least one mantissa digit; null otherwise.
function parseDec(s: string): Dec | null {
  let d = new Dec();
  let i = 0, n = s.length;
  if (i < n && (s.charCodeAt(i) == 43 || s.charCodeAt(i) == 45)) { d.neg = s.charCodeAt(i) == 45; i++; }
  let digits = "", frac = 0, seen = 0, dot = false;
  while (i < n) {
    let c = s.charCodeAt(i);
    if (isDigit(c)) { digits += String.fromCharCode(c); seen++; if (dot) frac++; }
    else if (c == 46 && !dot) dot = true;
    else break;
    i++;
  }
  if (seen == 0) return null;
  let exp = 0;
  if (i < n) {
    let c = s.charCodeAt(i);
    if (c != 101 && c != 69) return null;
    i++;
    let eneg = false;
    if (i < n && (s.charCodeAt(i) == 43 || s.charCodeAt(i) == 45)) { eneg = s.charCodeAt(i) == 45; i++; }
    if (i >= n) return null;
    while (i < n) {
      let e = s.charCodeAt(i);
      if (!isDigit(e)) return null;
      exp = exp * 10 + (e - 48);
      i++;
    }
    if (eneg) exp = -exp;
  }
  let a = 0;
  while (a < digits.length - 1 && digits.charCodeAt(a) == 48) a++;
  d.digits = digits.substring(a);
  d.exp = exp - frac;
  return d;
}

// The integer part of d (truncated toward zero), as decimal text.
function intPart(d: Dec): string {
  let t: string;
  if (d.exp >= 0) t = d.digits == "0" ? "0" : d.digits + "0".repeat(d.exp);
  else t = d.digits.length + d.exp > 0 ? d.digits.substring(0, d.digits.length + d.exp) : "0";
  let a = 0;
  while (a < t.length - 1 && t.charCodeAt(a) == 48) a++;
  t = t.substring(a);
  return d.neg && t != "0" ? "-" + t : t;
}

function isIntegral(d: Dec): bool {
  if (d.exp >= 0) return true;
  let k = d.digits.length;
  for (let i = k + d.exp < 0 ? 0 : k + d.exp; i < k; i++) if (d.digits.charCodeAt(i) != 48) return false;
  return true;
}

// d rounded to 10 decimals, halves away from zero, with all 10 decimals written.
function fixed10(d: Dec): string {
  let digits = d.digits, exp = d.exp;
  if (exp < -10) {
    let keep = digits.length + exp + 10; // digits left after dropping to 10 decimals
    let up = false;
    if (keep < 0) { digits = "0"; }
    else {
      up = keep < digits.length && digits.charCodeAt(keep) >= 53;
      digits = keep == 0 ? "0" : digits.substring(0, keep);
      if (up) digits = absAdd1(digits);
    }
    exp = -10;
  }
  digits = digits + "0".repeat(exp + 10); // now exactly 10 decimals
  while (digits.length < 11) digits = "0" + digits;
  let r = digits.substring(0, digits.length - 10) + "." + digits.substring(digits.length - 10);
  let zero = true;
  for (let i = 0; i < digits.length; i++) if (digits.charCodeAt(i) != 48) { zero = false; break; }
  return d.neg && !zero ? "-" + r : r;
}
function absAdd1(s: string): string {
  let cs = new Array<i32>(s.length);
  for (let i = 0; i < s.length; i++) cs[i] = s.charCodeAt(i) - 48;
  let i = s.length - 1;
  while (i >= 0) { if (cs[i] < 9) { cs[i]++; break; } cs[i] = 0; i--; }
  let r = i < 0 ? "1" : "";
  for (let j = 0; j < cs.length; j++) r += String.fromCharCode(48 + cs[j]);
  return r;
}

function mulFactor(d: Dec, factor: string, exp: i32): Dec {
  let r = new Dec();
  r.neg = d.neg;
  r.digits = absMul(d.digits, factor);
  r.exp = d.exp + exp;
  return r;
}

function numberFrom(text: string): V {
  let f = parseFloat(text);
  let digits = 0;
  for (let i = 0; i < text.length; i++) if (isDigit(text.charCodeAt(i))) digits++;
  if (digits <= 15 && text.indexOf(".") < 0) return num(f);
  return new VNum(f, text);
}

const KI = ["1", "1024", "1048576", "1073741824", "1099511627776", "1125899906842624", "1152921504606846976"];
const PREFIXES = "kmgtpe";

// Factor of a unit: [digits, power of ten]; null if unknown. `bytes` takes the
// units.parse_bytes spellings (kb, kib, ...) of a lower-cased unit.
function factor(unit: string, bytes: bool): Array<string> | null {
  let r = new Array<string>(2);
  r[1] = "0";
  if (unit == "") { r[0] = "1"; return r; }
  if (!bytes && unit == "m") { r[0] = "1"; r[1] = "-3"; return r; }
  let p = unit.charAt(0).toLowerCase();
  let k = PREFIXES.indexOf(p);
  if (k < 0) return null;
  let rest = unit.substring(1);
  if (bytes) {
    if (rest == "" || rest == "b") { r[0] = "1"; r[1] = ((k + 1) * 3).toString(); return r; }
    if (rest == "i" || rest == "ib") { r[0] = KI[k + 1]; return r; }
    return null;
  }
  if (rest == "") { r[0] = "1"; r[1] = ((k + 1) * 3).toString(); return r; }
  if (rest == "i") { r[0] = KI[k + 1]; return r; }
  return null;
}

export function b_units_parse(a: V): V | null {
  if (a.t != T_STR) return null;
  let name = "units.parse";
  let s = asStr(a).s.replaceAll("\"", "");
  if (s.includes(" ")) return builtinErr(name, "spaces not allowed in resource strings");
  let parts = splitAmount(s);
  if (parts === null) return builtinErr(name, "exponent too large");
  if (parts![0] == "") return builtinErr(name, "no amount provided");
  let unit = parts![1];
  if (unit.length > 1) unit = unit.charAt(0) + unit.substring(1).toLowerCase();
  let f = factor(unit, false);
  if (f === null) return builtinErr(name, "unit " + unit + " not recognized");
  let d = parseDec(parts![0]);
  if (d === null) return builtinErr(name, "could not parse amount to a number");
  let milli = unit == "m";
  let r = mulFactor(d!, f![0], I32.parseInt(f![1]));
  // OPA scales by the double nearest 0.001, so a non-zero milli amount is never integral
  if (isIntegral(r) && !(milli && r.digits != "0")) return numberFrom(intPart(r));
  return numberFrom(fixed10(r));
}

export function b_units_parse_bytes(a: V): V | null {
  if (a.t != T_STR) return null;
  let name = "units.parse_bytes";
  let s = asStr(a).s.toLowerCase().replaceAll("\"", "");
  if (s.includes(" ")) return builtinErr(name, "spaces not allowed in resource strings");
  let parts = splitAmount(s);
  if (parts === null) return builtinErr(name, "exponent too large");
  if (parts![0] == "") return builtinErr(name, "no byte amount provided");
  let f = factor(parts![1], true);
  if (f === null) return builtinErr(name, "byte unit " + parts![1] + " not recognized");
  let d = parseDec(parts![0]);
  if (d === null) return builtinErr(name, "could not parse byte amount to a number");
  return numberFrom(intPart(mulFactor(d!, f![0], I32.parseInt(f![1]))));
}
