/**
 * The first key that appears twice in one object of a JSON text, as a path (`record.decision`), or undefined.
 * `JSON.parse` keeps the last of duplicate keys silently, so a line with `"decision":"escalate"` hidden before a
 * later `"decision":"proceed"` would read as one thing and hash as another. The scan keeps its own stack (no
 * recursion, so any depth is safe) and expects text that `JSON.parse` has already accepted.
 */
export function duplicateKey(text: string): string | undefined {
  const stack: { keys: Set<string> | null; path: string }[] = [];
  let expectKey = false;
  let lastKey = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      let j = i + 1;
      while (text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      const top = stack[stack.length - 1];
      if (expectKey && top?.keys) {
        const key = JSON.parse(text.slice(i, j + 1)) as string;
        const path = top.path ? `${top.path}.${key}` : key;
        if (top.keys.has(key)) return path;
        top.keys.add(key);
        lastKey = path;
        expectKey = false;
      }
      i = j;
    } else if (c === '{' || c === '[') {
      const parent = stack[stack.length - 1];
      const path = parent?.keys ? lastKey : (parent?.path ?? '');
      stack.push({ keys: c === '{' ? new Set() : null, path });
      expectKey = c === '{';
    } else if (c === '}' || c === ']') {
      stack.pop();
      expectKey = false;
    } else if (c === ',') {
      expectKey = stack[stack.length - 1]?.keys != null;
    }
  }
  return undefined;
}

/** `JSON.parse` that also rejects a duplicate key (see `duplicateKey`); throws a SyntaxError naming it. */
export function parseStrictJson(text: string): unknown {
  const value: unknown = JSON.parse(text);
  const dup = duplicateKey(text);
  if (dup !== undefined) throw new SyntaxError(`duplicate key "${dup}"`);
  return value;
}
