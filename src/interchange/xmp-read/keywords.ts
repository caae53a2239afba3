// Keywords other tools wrote, flat and hierarchical, folded into one list.
//
// - flat: `dc:subject` (everyone), IPTC `Keywords` (Picasa, cameras, older tools), Windows
//   `XPKeywords` ("a;b").
// - `/` paths: `digiKam:TagsList` ("Places/Korea/Seoul"), Microsoft `LastKeywordXMP`.
// - `|` paths: `lr:hierarchicalSubject` (Lightroom, digiKam), `mediapro:CatalogSets`.
//
// Lightroom and digiKam also put every level of a path into dc:subject ("Places", "Korea",
// "Seoul"), so a flat keyword that is a level of some path adds nothing and is dropped. Paths under
// a people root ("People/Ana") are names, not keywords; so are flat keywords equal to a name found
// elsewhere (digiKam writes the name to dc:subject too). Picto's own `Picto/…` branch (object
// tags it wrote itself) and digiKam's internal tags are never imported.

export interface Keyword {
  /** The levels, root first: ["Places", "Korea", "Seoul"]; one level for a flat keyword. */
  path: string[];
  /** The path as digiKam writes it: "Places/Korea/Seoul". */
  text: string;
  /** The last level ("Seoul"): what a plain search for the word should find, with every level. */
  leaf: string;
}

export interface KeywordSources {
  flat: unknown[];
  slashPaths: unknown[];
  pipePaths: unknown[];
  /** Names without regions: IPTC Extension PersonInImage. */
  people: unknown[];
}

/** Roots whose children are people, as digiKam, Lightroom users and Picto name them. */
const PEOPLE_ROOTS = new Set(['people', 'persons', 'person', 'personen', 'personnes', 'personas']);

/** digiKam's bookkeeping under People, never a person. */
const NOT_PEOPLE = new Set(['unknown', 'unconfirmed', 'ignored', 'unknown person']);

/** Roots that are some program's own machinery, never the user's keywords. */
const SKIPPED_ROOTS = new Set(['picto', '_digikam_internal_tags_']);

function clean(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

function strings(values: unknown[]): string[] {
  const out: string[] = [];
  for (const v of values.flat()) {
    if (typeof v === 'string') out.push(v);
    else if (typeof v === 'number') out.push(String(v));
  }
  return out;
}

function splitPath(value: string, sep: string): string[] {
  return value
    .split(sep)
    .map(clean)
    .filter((l) => l !== '');
}

export interface KeywordResult {
  keywords: Keyword[];
  /** Names from people branches and PersonInImage (no boxes), in order of first appearance. */
  people: string[];
}

export function foldKeywords(
  src: KeywordSources,
  knownNames: readonly string[] = [],
): KeywordResult {
  const people: string[] = [];
  const addPerson = (n: string) => {
    const name = clean(n);
    if (name && !people.some((p) => p.toLowerCase() === name.toLowerCase())) people.push(name);
  };
  for (const n of strings(src.people)) addPerson(n);

  const paths: string[][] = [];
  // Levels of people paths ("People", "Family"): Lightroom repeats them in dc:subject too.
  const peopleLevels = new Set<string>();
  const collect = (values: unknown[], sep: string) => {
    for (const v of strings(values)) {
      const path = splitPath(v, sep);
      if (path.length === 0) continue;
      const root = path[0].toLowerCase();
      if (SKIPPED_ROOTS.has(root)) continue;
      if (PEOPLE_ROOTS.has(root)) {
        // A nested people tag ("People/Family/Ana") names its leaf.
        const leaf = path[path.length - 1];
        for (const l of path) peopleLevels.add(l.toLowerCase());
        if (path.length > 1 && !NOT_PEOPLE.has(leaf.toLowerCase())) addPerson(leaf);
        continue;
      }
      paths.push(path);
    }
  };
  collect(src.slashPaths, '/');
  collect(src.pipePaths, '|');

  // XPKeywords come as one string "a;b"; the others are lists already.
  const flat = strings(src.flat)
    .flatMap((v) => v.split(';'))
    .map(clean)
    .filter(Boolean);
  const levels = new Set([...paths.flat().map((l) => l.toLowerCase()), ...peopleLevels]);
  const names = new Set([...people, ...knownNames].map((n) => n.toLowerCase()));
  for (const f of flat) {
    const k = f.toLowerCase();
    if (levels.has(k) || names.has(k) || SKIPPED_ROOTS.has(k)) continue;
    paths.push([f]);
  }

  const seen = new Set<string>();
  const keywords: Keyword[] = [];
  for (const path of paths) {
    const text = path.join('/');
    const key = text.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    keywords.push({ path, text, leaf: path[path.length - 1] });
  }
  return { keywords, people };
}
