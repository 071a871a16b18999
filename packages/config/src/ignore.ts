/**
 * ignorePatterns: globs matched against a file's path relative to the folder they belong to, with
 * forward slashes. `*` and `?` stay within one path segment, `**` spans segments, `{a,b}` and
 * `[abc]` as in shells. As in .gitignore, a pattern without a slash matches at any depth, and a
 * pattern that matches a folder ignores everything under it.
 */
import { isAbsolute, relative, sep } from 'node:path';

const cache = new Map<string, RegExp>();

function escape(char: string): string {
  return /[\\^$.*+?()[\]{}|/]/.test(char) ? `\\${char}` : char;
}

function translate(pattern: string): string {
  let out = '';
  let braces = 0;
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i]!;
    if (char === '*') {
      if (pattern[i + 1] === '*') {
        const atStart = i === 0 || pattern[i - 1] === '/';
        const atEnd = i + 2 === pattern.length || pattern[i + 2] === '/';
        if (atStart && atEnd) {
          // `**/` matches zero or more whole segments; a final `**` everything below.
          out += i + 2 === pattern.length ? '.*' : '(?:[^/]*/)*';
          i += 2;
          continue;
        }
        i++;
      }
      out += '[^/]*';
    } else if (char === '?') {
      out += '[^/]';
    } else if (char === '[') {
      const close = pattern.indexOf(']', i + 2);
      if (close < 0) {
        out += '\\[';
        continue;
      }
      const body = pattern.slice(i + 1, close).replace(/^!/, '^').replace(/\\/g, '\\\\');
      out += `[${body}]`;
      i = close;
    } else if (char === '{') {
      braces++;
      out += '(?:';
    } else if (char === '}' && braces > 0) {
      braces--;
      out += ')';
    } else if (char === ',' && braces > 0) {
      out += '|';
    } else {
      out += escape(char);
    }
  }
  return out + ')'.repeat(braces);
}

function compile(pattern: string): RegExp {
  let regex = cache.get(pattern);
  if (!regex) {
    let body = pattern.trim().replace(/^\.\//, '');
    const anchored = body.replace(/\/$/, '').includes('/');
    body = body.replace(/^\//, '').replace(/\/$/, '');
    regex = new RegExp(`^${anchored ? '' : '(?:.*/)?'}${translate(body)}(?:/.*)?$`);
    cache.set(pattern, regex);
  }
  return regex;
}

export function matchesGlob(relativePath: string, pattern: string): boolean {
  return compile(pattern).test(relativePath);
}

/** Whether `file` (absolute) is ignored by patterns that belong to the folder `base`. */
export function isIgnoredBy(file: string, patterns: readonly string[], base: string): boolean {
  if (patterns.length === 0) return false;
  const rel = relative(base, file);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return false;
  const path = sep === '/' ? rel : rel.split(sep).join('/');
  return patterns.some((pattern) => matchesGlob(path, pattern));
}
