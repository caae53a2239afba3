import { PictoError } from './errors.js';

// [Note: Names people type]
//
// Album and person names are shown everywhere (grid headers, the CLI's columns, XMP sidecars
// other programs read, exported JSON), so every name a user gives passes through cleanName:
//
// - Unicode NFC, so "é" typed two ways is one name (and one album, when names must be unique);
// - any run of white space (tabs, newlines, no-break and other Unicode spaces, a stray byte-order
//   mark) becomes one space, and the ends are trimmed: a name is one line;
// - refused with a message naming the character: control characters (NUL, escape…: they cut or
//   repaint terminal output), bidirectional embedding, override and isolate controls (U+202A–
//   U+202E, U+2066–U+2069: "Trojan Source" text that displays in another order than it reads),
//   and lone surrogates (not text at all; SQLite and JSON would mangle them).
//
// Refusing rather than silently dropping keeps what is stored equal to what the user sees.
// Letters of every script, emoji (with their zero-width joiners) and the left-to-right and
// right-to-left marks that mixed-script names need are all kept.

// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/u;

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

function describe(ch: string): string {
  const hex = ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
  const cp = ch.codePointAt(0)!;
  const kind = cp <= 0x9f ? 'a control character' : 'a bidirectional text control';
  return `${kind} (U+${hex})`;
}

/**
 * A user-given name made safe to store and show (see the note above); `what` names it in errors
 * ("album name"). Returns '' for a name of only white space: callers decide what empty means.
 */
export function cleanName(raw: string, what: string, maxLength: number): string {
  if (LONE_SURROGATE.test(raw))
    throw new PictoError('invalid', `${what} is not valid Unicode text`);
  const name = raw.normalize('NFC').replace(/\s+/gu, ' ').trim();
  const bad = FORBIDDEN.exec(name);
  if (bad) throw new PictoError('invalid', `${what} contains ${describe(bad[0])}`);
  if (name.length > maxLength)
    throw new PictoError('invalid', `${what} is longer than ${maxLength} characters`);
  return name;
}

/**
 * The longest description Picto keeps (Collection.setDescription says so when refused). Here, not
 * with the schemas, so the app opens without TypeBox ([Note: lazy start] in cli/main.ts).
 */
export const MAX_DESCRIPTION = 5000;
