/**
 * Control-list entry codes in one form, so `5A001.f.1` (US ECCN, EU with dots), `5A001f1` (EU Annex I without
 * dots), `5a001 f 1` (typed by hand) and `5.A.1.f.1` (Wassenaar) are one code: `5A001.f.1`.
 *
 * The head of a dual-use entry is category digit, product-group letter and three digits (`5A001`); what follows is
 * a path of sub-items, letters and numbers alternating (`f`, `1`, `a`, `ii`). Other codes (`ML11.a`, `EAR99`) keep
 * their head in upper case and get the same sub-item path.
 */
export function normaliseControlCode(code: string): string {
  const text = code.normalize('NFKC').trim();
  const head = /^(\d)\s*\.?\s*([A-Ea-e])\s*\.?\s*(\d{1,3})(?!\d)/.exec(text);
  let start: string;
  let rest: string;
  if (head) {
    start = `${head[1]}${head[2]!.toUpperCase()}${head[3]!.padStart(3, '0')}`;
    rest = text.slice(head[0].length);
  } else {
    const other = /^([A-Za-z]+\s*\d*)/.exec(text);
    start = (other?.[1] ?? '').replace(/\s+/g, '').toUpperCase();
    rest = text.slice(other?.[1]?.length ?? 0);
  }
  const parts = controlCodePath(rest);
  return parts.length > 0 ? `${start}.${parts.join('.')}` : start;
}

/** Sub-item path: letters and digits alternate, separators are anything else (`.f.1`, `f1`, ` f 1`). */
function controlCodePath(rest: string): string[] {
  return rest.toLowerCase().match(/[a-z]+|\d+/g) ?? [];
}

/**
 * The code and every entry above it: `5A001.f.1` → `5A001`, `5A001.f`, `5A001.f.1`. A listed parent entry covers
 * its children, so a code is covered when one of these is listed.
 */
export function controlCodeLineage(code: string): string[] {
  const normal = normaliseControlCode(code);
  const segments = normal.split('.');
  const lineage: string[] = [];
  for (let i = 1; i <= segments.length; i++) lineage.push(segments.slice(0, i).join('.'));
  return lineage;
}

/** Whether `code` is the entry `listed` or one of its children (both normalised first). */
export function controlCodeCovers(listed: string, code: string): boolean {
  return controlCodeLineage(code).includes(normaliseControlCode(listed));
}

/**
 * Whether a code has the form of a Wassenaar / EU Annex I / US CCL dual-use entry (category 0–9, product group
 * A–E, a three-digit number below 900). `x9xx` ECCNs (EAR99-like "anti-terrorism only" entries such as 3A981 or
 * 5A992) and `EAR99` are not Annex I items.
 */
export function isDualUseListedCode(code: string): boolean {
  const m = /^(\d)([A-E])(\d{3})/.exec(normaliseControlCode(code));
  return m !== null && Number(m[3]) < 900;
}
