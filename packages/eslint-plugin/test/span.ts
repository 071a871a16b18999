/** The 1-based range of the n-th occurrence of a snippet in a text, as RuleTester expects it. */
export function spanOf(code: string, snippet: string, occurrence = 1): { line: number; column: number; endLine: number; endColumn: number } {
  let at = -1;
  for (let i = 0; i < occurrence; i++) {
    at = code.indexOf(snippet, at + 1);
    if (at < 0) throw new Error(`snippet ${JSON.stringify(snippet)} (occurrence ${occurrence}) is not in the code`);
  }
  const position = (offset: number) => {
    const before = code.slice(0, offset);
    const line = before.split('\n').length;
    return { line, column: offset - before.lastIndexOf('\n') };
  };
  const start = position(at);
  const end = position(at + snippet.length);
  return { line: start.line, column: start.column, endLine: end.line, endColumn: end.column };
}
