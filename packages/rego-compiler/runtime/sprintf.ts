// Go's fmt.Sprintf, as OPA's sprintf applies it to Rego values: integers are
// Go integers, other numbers float64, strings Go strings, and every other value
// its Rego text.
import { V, VStr, T_NULL, T_BOOL, T_NUM, T_STR, T_ARR, T_OBJ, T_SET, TRUE, asNum, asStr, asArr, asObj, asSet, fmtNum, numToText, isInt } from "./value";

const HEXL = "0123456789abcdef";
const HEXU = "0123456789ABCDEF";

export function goQuote(s: string): string {
  let r = "\"";
  for (let i = 0; i < s.length; i++) {
    let c = s.charCodeAt(i);
    if (c == 34) r += "\\\"";
    else if (c == 92) r += "\\\\";
    else if (c == 10) r += "\\n";
    else if (c == 13) r += "\\r";
    else if (c == 9) r += "\\t";
    else if (c < 32 || c == 127) r += "\\x" + HEXL.charAt(c >> 4) + HEXL.charAt(c & 15);
    else r += String.fromCharCode(c);
  }
  return r + "\"";
}

export function regoString(v: V): string {
  switch (v.t) {
    case T_NULL: return "null";
    case T_BOOL: return v === TRUE ? "true" : "false";
    case T_NUM: return numToText(asNum(v));
    case T_STR: return goQuote(asStr(v).s);
    case T_ARR: {
      let a = asArr(v).a;
      let p = new Array<string>(a.length);
      for (let i = 0; i < a.length; i++) p[i] = regoString(a[i]);
      return "[" + p.join(", ") + "]";
    }
    case T_SET: {
      let a = asSet(v).a;
      if (a.length == 0) return "set()";
      let p = new Array<string>(a.length);
      for (let i = 0; i < a.length; i++) p[i] = regoString(a[i]);
      return "{" + p.join(", ") + "}";
    }
    case T_OBJ: {
      let o = asObj(v);
      let p = new Array<string>(o.k.length);
      for (let i = 0; i < o.k.length; i++) p[i] = regoString(o.k[i]) + ": " + regoString(o.v[i]);
      return "{" + p.join(", ") + "}";
    }
  }
  return "";
}

// Kinds of Go operands
const K_INT = 0, K_FLOAT = 1, K_STR = 2;

function pad(s: string, width: i32, left: bool, zero: bool): string {
  let n = s.length;
  if (width <= n) return s;
  if (left) return s + " ".repeat(width - n);
  if (zero) {
    let sign = s.startsWith("-") || s.startsWith("+") ? s.charAt(0) : "";
    let body = sign.length > 0 ? s.substring(1) : s;
    return sign + "0".repeat(width - n) + body;
  }
  return " ".repeat(width - n) + s;
}

function intDigits(t: string, base: i32, upper: bool): string {
  // t is a decimal integer text (maybe negative)
  let neg = t.startsWith("-");
  let d = neg ? t.substring(1) : t;
  if (base == 10) return (neg ? "-" : "") + d;
  // convert decimal text to base via repeated division
  let digits = new Array<i32>();
  for (let i = 0; i < d.length; i++) digits.push(d.charCodeAt(i) - 48);
  let out = "";
  let H = upper ? HEXU : HEXL;
  while (digits.length > 0 && !(digits.length == 1 && digits[0] == 0)) {
    let rem = 0;
    let q = new Array<i32>();
    for (let i = 0; i < digits.length; i++) {
      let cur = rem * 10 + digits[i];
      let qd = cur / base;
      rem = cur % base;
      if (q.length > 0 || qd > 0) q.push(qd);
    }
    out = H.charAt(rem) + out;
    digits = q;
  }
  if (out.length == 0) out = "0";
  return (neg ? "-" : "") + out;
}

// strconv.FormatFloat(f, 'e', prec, 64)
function fmtE(f: f64, prec: i32, upper: bool): string {
  let neg = f < 0 || (f == 0 && 1 / f < 0);
  let a = Math.abs(f);
  let exp = 0;
  let mant = "";
  if (a == 0) { mant = prec > 0 ? "0." + "0".repeat(prec) : "0"; }
  else {
    let s: string;
    if (prec < 0) {
      s = shortestDigits(a);
      exp = shortExp;
      mant = s.length > 1 ? s.charAt(0) + "." + s.substring(1) : s;
    } else {
      exp = <i32>Math.floor(Math.log10(a));
      let m = a / Math.pow(10, exp);
      if (m >= 10) { m /= 10; exp++; }
      if (m < 1) { m *= 10; exp--; }
      let r = toFixed(m, prec);
      if (r.startsWith("10")) { exp++; r = toFixed(m / 10, prec); }
      mant = r;
    }
  }
  let es = (exp < 0 ? "-" : "+") + (Math.abs(exp) < 10 ? "0" : "") + Math.abs(exp).toString();
  return (neg ? "-" : "") + mant + (upper ? "E" : "e") + es;
}

let shortExp: i32 = 0;
// Shortest decimal digits of a > 0, and its exponent (value = d.ddd * 10^shortExp).
function shortestDigits(a: f64): string {
  let s = a.toString(); // shortest round-trip form, maybe with exponent
  let e = 0;
  let ei = s.indexOf("e");
  if (ei >= 0) { e = I32.parseInt(s.substring(ei + 1)); s = s.substring(0, ei); }
  let dot = s.indexOf(".");
  let ip = dot >= 0 ? s.substring(0, dot) : s;
  let fp = dot >= 0 ? s.substring(dot + 1) : "";
  if (fp == "0") fp = "";
  let digits = ip + fp;
  let pointPos = ip.length + e; // digits[0..pointPos) are the integer part
  let lead = 0;
  while (lead < digits.length - 1 && digits.charCodeAt(lead) == 48) lead++;
  digits = digits.substring(lead);
  pointPos -= lead;
  let end = digits.length;
  while (end > 1 && digits.charCodeAt(end - 1) == 48) end--;
  digits = digits.substring(0, end);
  shortExp = pointPos - 1;
  return digits;
}

// %v / %g with shortest precision
export function fmtG(f: f64): string {
  if (f == 0) return 1 / f < 0 ? "-0" : "0";
  if (!isFinite(f)) return isNaN(f) ? "NaN" : (f > 0 ? "+Inf" : "-Inf");
  let neg = f < 0;
  let d = shortestDigits(Math.abs(f));
  let exp = shortExp;
  let eprec = 21;
  if (exp < -4 || exp >= eprec) {
    let m = d.length > 1 ? d.charAt(0) + "." + d.substring(1) : d;
    let es = (exp < 0 ? "-" : "+") + (Math.abs(exp) < 10 ? "0" : "") + Math.abs(exp).toString();
    return (neg ? "-" : "") + m + "e" + es;
  }
  let r: string;
  if (exp < 0) r = "0." + "0".repeat(-exp - 1) + d;
  else if (d.length <= exp + 1) r = d + "0".repeat(exp + 1 - d.length);
  else r = d.substring(0, exp + 1) + "." + d.substring(exp + 1);
  return (neg ? "-" : "") + r;
}

function fmtF(f: f64, prec: i32): string {
  if (prec < 0) prec = 6;
  let s = toFixed(f, prec);
  return s;
}

function badVerb(verb: string, kind: i32, v: V, text: string): string {
  let tn = kind == K_INT ? "int" : (kind == K_FLOAT ? "float64" : "string");
  return "%!" + verb + "(" + tn + "=" + text + ")";
}

export function goSprintf(fmt: string, args: Array<V>): V {
  let out = "";
  let ai = 0;
  let n = fmt.length;
  let i = 0;
  while (i < n) {
    let c = fmt.charCodeAt(i);
    if (c != 37) {
      let j = fmt.indexOf("%", i);
      if (j < 0) j = n;
      out += fmt.substring(i, j);
      i = j;
      continue;
    }
    i++;
    if (i >= n) { out += "%!(NOVERB)"; break; }
    let left = false, plus = false, zero = false, space = false, sharp = false;
    while (i < n) {
      let f = fmt.charCodeAt(i);
      if (f == 45) left = true;
      else if (f == 43) plus = true;
      else if (f == 48) zero = true;
      else if (f == 32) space = true;
      else if (f == 35) sharp = true;
      else break;
      i++;
    }
    let width = -1, prec = -1;
    while (i < n && fmt.charCodeAt(i) >= 48 && fmt.charCodeAt(i) <= 57) { width = (width < 0 ? 0 : width) * 10 + fmt.charCodeAt(i) - 48; i++; }
    if (i < n && fmt.charCodeAt(i) == 46) {
      i++; prec = 0;
      while (i < n && fmt.charCodeAt(i) >= 48 && fmt.charCodeAt(i) <= 57) { prec = prec * 10 + fmt.charCodeAt(i) - 48; i++; }
    }
    if (i >= n) { out += "%!(NOVERB)"; break; }
    let verb = fmt.charAt(i);
    i++;
    if (verb == "%") { out += "%"; continue; }
    if (ai >= args.length) { out += "%!" + verb + "(MISSING)"; continue; }
    let v = args[ai++];
    // classify
    let kind = K_STR;
    let text = "";
    let fv: f64 = 0;
    if (v.t == T_NUM) {
      let nv = asNum(v);
      let t = numToText(nv);
      let isI = isInt(v) && t.indexOf(".") < 0 && t.indexOf("e") < 0 && t.indexOf("E") < 0;
      if (isI) { kind = K_INT; text = t; } else { kind = K_FLOAT; fv = nv.f; text = isFinite(fv) || nv.s === null ? fmtG(fv) : nv.s!; }
    } else if (v.t == T_STR) { text = asStr(v).s; }
    else text = regoString(v);
    let s = "";
    if (verb == "v") {
      if (kind == K_STR && v.t == T_STR && sharp) s = goQuote(text); else s = text;
      if (kind == K_INT && plus && !text.startsWith("-")) s = "+" + s;
    } else if (verb == "s") {
      if (kind == K_INT && Math.abs(asNum(v).f) >= 9.2e18) s = text;
      else if (kind == K_STR) s = prec >= 0 && prec < text.length ? text.substring(0, prec) : text;
      else s = badVerb(verb, kind, v, text);
    } else if (verb == "q") {
      if (kind == K_STR) s = goQuote(text); else if (kind == K_INT) s = "'" + String.fromCharCode(<i32>asNum(v).f) + "'"; else s = badVerb(verb, kind, v, text);
    } else if (verb == "d") {
      if (kind == K_INT) { s = text; if (plus && !s.startsWith("-")) s = "+" + s; else if (space && !s.startsWith("-")) s = " " + s; }
      else s = badVerb(verb, kind, v, text);
    } else if (verb == "x" || verb == "X" || verb == "o" || verb == "b") {
      let up = verb == "X";
      if (kind == K_INT) {
        let base = verb == "o" ? 8 : (verb == "b" ? 2 : 16);
        s = intDigits(text, base, up);
        if (sharp) s = (verb == "o" ? "0" : (verb == "b" ? "0b" : (up ? "0X" : "0x"))) + s;
      } else if (kind == K_STR && (verb == "x" || verb == "X")) {
        let bytes = String.UTF8.encode(text);
        let u = Uint8Array.wrap(bytes);
        let H = up ? HEXU : HEXL;
        for (let q = 0; q < u.length; q++) s += H.charAt(u[q] >> 4) + H.charAt(u[q] & 15);
      } else s = badVerb(verb, kind, v, text);
    } else if (verb == "f" || verb == "F" || verb == "e" || verb == "E" || verb == "g" || verb == "G") {
      let f: f64 = kind == K_INT ? asNum(v).f : fv;
      if (kind == K_STR) s = badVerb(verb, kind, v, text);
      else if (kind == K_INT) s = "%!" + verb + "(int=" + text + ")";
      else {
        if (verb == "f" || verb == "F") s = fmtF(f, prec);
        else if (verb == "e" || verb == "E") s = fmtE(f, prec < 0 ? 6 : prec, verb == "E");
        else s = prec < 0 ? fmtG(f) : fmtGPrec(f, prec);
        if (plus && f >= 0) s = "+" + s;
      }
    } else if (verb == "t") {
      if (v.t == T_BOOL) s = text; else s = badVerb(verb, kind, v, text);
    } else {
      s = badVerb(verb, kind, v, text);
    }
    if (width >= 0) s = pad(s, width, left, zero && !left && verb != "s" && verb != "v" && verb != "q");
    out += s;
  }
  if (ai < args.length) {
    let extra = new Array<string>();
    for (let q = ai; q < args.length; q++) {
      let v = args[q];
      let tn = v.t == T_NUM ? (isInt(v) ? "int" : "float64") : "string";
      let t = v.t == T_STR ? asStr(v).s : (v.t == T_NUM ? numToText(asNum(v)) : regoString(v));
      extra.push(tn + "=" + t);
    }
    out += "%!(EXTRA " + extra.join(", ") + ")";
  }
  return new VStr(out);
}

function fmtGPrec(f: f64, prec: i32): string {
  if (prec == 0) prec = 1;
  if (f == 0) return "0";
  let exp = <i32>Math.floor(Math.log10(Math.abs(f)));
  if (exp < -4 || exp >= prec) {
    let s = fmtE(f, prec - 1, false);
    // strip trailing zeros in mantissa
    let ei = s.indexOf("e");
    let m = s.substring(0, ei);
    if (m.indexOf(".") >= 0) { while (m.endsWith("0")) m = m.substring(0, m.length - 1); if (m.endsWith(".")) m = m.substring(0, m.length - 1); }
    return m + s.substring(ei);
  }
  let s = toFixed(f, max(0, prec - 1 - exp));
  if (s.indexOf(".") >= 0) { while (s.endsWith("0")) s = s.substring(0, s.length - 1); if (s.endsWith(".")) s = s.substring(0, s.length - 1); }
  return s;
}

export function toFixed(f: f64, prec: i32): string {
  let neg = f < 0;
  let a = Math.abs(f);
  if (prec > 17 || a >= 1e17) {
    // large values: integer digits then zeros
    let ip = fmtG(Math.floor(a));
    if (ip.indexOf("e") >= 0) ip = bigIntText(Math.floor(a));
    return (neg ? "-" : "") + ip + (prec > 0 ? "." + "0".repeat(prec) : "");
  }
  let scale = Math.pow(10, prec);
  let scaled = a * scale;
  let r = Math.floor(scaled);
  let frac = scaled - r;
  if (frac > 0.5 || (frac == 0.5 && (<i64>r) % 2 == 1)) r += 1;
  let digits = (<u64>r).toString();
  if (prec > 0) {
    while (digits.length <= prec) digits = "0" + digits;
    digits = digits.substring(0, digits.length - prec) + "." + digits.substring(digits.length - prec);
  }
  let z = true;
  for (let i = 0; i < digits.length; i++) { let c = digits.charCodeAt(i); if (c != 48 && c != 46) { z = false; break; } }
  return (neg && !z ? "-" : "") + digits;
}

function bigIntText(a: f64): string {
  // exact decimal expansion of an integral double
  let d = shortestDigits(a);
  let e = shortExp;
  if (d.length <= e + 1) return d + "0".repeat(e + 1 - d.length);
  return d;
}
