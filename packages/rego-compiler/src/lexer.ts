import { RegoError, type Loc } from "./ast.js";

export type TokKind = "ident" | "number" | "string" | "punct" | "nl" | "eof";
export interface Token { kind: TokKind; text: string; value?: string; loc: Loc; raw?: boolean }

const PUNCT3 = [":="];
const PUNCT2 = [":=", "==", "!=", "<=", ">="];
const PUNCT1 = "{}[]().,;:=<>+-*/%|&";

export function lex(src: string, file: string): Token[] {
  const toks: Token[] = [];
  let i = 0, row = 1, lineStart = 0;
  const n = src.length;
  const loc = (at: number): Loc => ({ file, row, col: at - lineStart + 1 });
  while (i < n) {
    const c = src[i]!;
    if (c === "\n") {
      toks.push({ kind: "nl", text: "\n", loc: loc(i) });
      i++; row++; lineStart = i;
      continue;
    }
    if (c === " " || c === "\t" || c === "\r") { i++; continue; }
    if (c === "#") { while (i < n && src[i] !== "\n") i++; continue; }
    if (/[A-Za-z_]/.test(c)) {
      const s = i;
      while (i < n && /[A-Za-z0-9_]/.test(src[i]!)) i++;
      toks.push({ kind: "ident", text: src.slice(s, i), loc: loc(s) });
      continue;
    }
    if (/[0-9]/.test(c) || (c === "." && /[0-9]/.test(src[i + 1] ?? ""))) {
      const s = i;
      while (i < n && /[0-9]/.test(src[i]!)) i++;
      if (src[i] === "." && /[0-9]/.test(src[i + 1] ?? "")) { i++; while (i < n && /[0-9]/.test(src[i]!)) i++; }
      if (src[i] === "e" || src[i] === "E") {
        let j = i + 1;
        if (src[j] === "+" || src[j] === "-") j++;
        if (/[0-9]/.test(src[j] ?? "")) { i = j; while (i < n && /[0-9]/.test(src[i]!)) i++; }
      }
      toks.push({ kind: "number", text: src.slice(s, i), loc: loc(s) });
      continue;
    }
    if (c === '"') {
      const s = i;
      i++;
      let out = "";
      for (;;) {
        if (i >= n || src[i] === "\n") throw new RegoError("rego_parse_error", "non-terminated string", loc(s));
        const d = src[i]!;
        if (d === '"') { i++; break; }
        if (d === "\\") {
          const e = src[i + 1];
          i += 2;
          switch (e) {
            case "n": out += "\n"; break;
            case "t": out += "\t"; break;
            case "r": out += "\r"; break;
            case "b": out += "\b"; break;
            case "f": out += "\f"; break;
            case "/": out += "/"; break;
            case "\\": out += "\\"; break;
            case '"': out += '"'; break;
            case "u": {
              const h = src.slice(i, i + 4);
              if (!/^[0-9a-fA-F]{4}$/.test(h)) throw new RegoError("rego_parse_error", "illegal escape sequence", loc(i - 2));
              out += String.fromCharCode(parseInt(h, 16));
              i += 4;
              break;
            }
            default: throw new RegoError("rego_parse_error", "illegal escape sequence", loc(i - 2));
          }
          continue;
        }
        out += d;
        i++;
      }
      toks.push({ kind: "string", text: src.slice(s, i), value: out, loc: loc(s) });
      continue;
    }
    if (c === "`") {
      const s = i;
      const sl = loc(s);
      const e = src.indexOf("`", i + 1);
      if (e < 0) throw new RegoError("rego_parse_error", "non-terminated raw string", sl);
      const v = src.slice(i + 1, e);
      for (let k = i; k < e; k++) if (src[k] === "\n") { row++; lineStart = k + 1; }
      i = e + 1;
      toks.push({ kind: "string", text: src.slice(s, i), value: v, loc: sl, raw: true });
      continue;
    }
    const two = src.slice(i, i + 2);
    if (PUNCT2.includes(two) || PUNCT3.includes(two)) { toks.push({ kind: "punct", text: two, loc: loc(i) }); i += 2; continue; }
    if (PUNCT1.includes(c)) { toks.push({ kind: "punct", text: c, loc: loc(i) }); i++; continue; }
    throw new RegoError("rego_parse_error", `unexpected character ${JSON.stringify(c)}`, loc(i));
  }
  toks.push({ kind: "eof", text: "<eof>", loc: loc(i) });
  return toks;
}
