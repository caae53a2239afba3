// Whose sidecar is this? Picto replaces only its own sidecars, and must still know them after
// another tool has rewritten them.
//
// [Note: sidecar ownership mark] Picto's sidecars carry `picto:Sidecar` in Picto's namespace
// (https://picto.local/ns/1.0/). Tools that rewrite XMP keep properties of namespaces they do not
// know, but not their form: ExifTool turns the attribute into an element, may move it to its own
// rdf:Description, and another tool may pick another prefix. So ownership is read from the
// namespace URI, whatever the prefix and whether attribute or element. The mark's value is
// `v2-` and 16 hex digits of a SHA-256 over the document as Picto wrote it (with the value
// blanked): it still matches when nobody touched the file, and stops matching once anyone did.
// An untouched sidecar is Picto's to regenerate; a rewritten one is merged into, so what the other
// tool added (a rating, a keyword, a face) survives. Sidecars from before the digest carry
// `picto:Sidecar="1"` and count as untouched while still in Picto's own attribute form.

import { createHash } from 'node:crypto';

export const PICTO_NS = 'https://picto.local/ns/1.0/';

const PLACEHOLDER = 'v2-0000000000000000';
const LEGACY = '1';

export function markPlaceholder(): string {
  return PLACEHOLDER;
}

function digest(doc: string): string {
  return createHash('sha256').update(doc, 'utf8').digest('hex').slice(0, 16);
}

/** Replaces the placeholder mark value in a freshly built document by the document's digest. */
export function stampSidecar(doc: string): string {
  const at = `picto:Sidecar="${PLACEHOLDER}"`;
  if (!doc.includes(at)) throw new Error('sidecar document has no ownership mark to stamp');
  return doc.replace(at, `picto:Sidecar="v2-${digest(doc)}"`);
}

export type Ownership =
  /** Not Picto's: another program's, never overwritten. */
  | 'foreign'
  /** Picto's, exactly as Picto wrote it. */
  | 'picto'
  /** Picto's, rewritten since by another tool. */
  | 'picto-modified';

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The prefixes bound to Picto's namespace anywhere in the document. */
function pictoPrefixes(text: string): string[] {
  const re = new RegExp(`xmlns:([\\w.-]+)\\s*=\\s*(["'])${escapeRe(PICTO_NS)}\\2`, 'g');
  return [...new Set([...text.matchAll(re)].map((m) => m[1]))];
}

/** The mark's value in any form a tool may have left it in; null when there is no mark. */
export function markValue(text: string): { value: string; attribute: boolean } | null {
  for (const p of pictoPrefixes(text)) {
    const q = escapeRe(p);
    const attr = new RegExp(`\\s${q}:Sidecar\\s*=\\s*(["'])([^"']*)\\1`).exec(text);
    if (attr) return { value: attr[2].trim(), attribute: true };
    const el = new RegExp(`<${q}:Sidecar(?:\\s[^>]*)?>([^<]*)</${q}:Sidecar>`).exec(text);
    if (el) return { value: el[1].trim(), attribute: false };
  }
  return null;
}

export function sidecarOwnership(text: string): Ownership {
  const mark = markValue(text);
  if (!mark) return 'foreign';
  if (!mark.attribute) return 'picto-modified';
  if (mark.value === LEGACY) {
    // Picto's pre-digest writer: its own packet header and the mark on the first Description.
    return /x:xmptk="Picto"/.test(text) && text.includes('picto:Sidecar="1"')
      ? 'picto'
      : 'picto-modified';
  }
  const m = /^v2-([0-9a-f]{16})$/.exec(mark.value);
  if (!m) return 'picto-modified';
  const blank = text.replace(`picto:Sidecar="${mark.value}"`, `picto:Sidecar="${PLACEHOLDER}"`);
  return blank !== text && digest(blank) === m[1] ? 'picto' : 'picto-modified';
}
