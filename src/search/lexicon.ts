// The fixed words of the search language: object tags and their everyday names, file types,
// favourites, and words that carry no meaning in a photo search. Dynamic names (people, albums,
// places, cameras, folders) come from the catalogue; see vocabulary.ts.

import { category, CATEGORY_WORDS, type CategoryWord } from '../categories/index.js';
import { COCO_LABELS, GROUP_TAGS, labelsForGroup, type GroupTag } from '../ml/index.js';
import type { Term } from '../shared/search-query.js';

/** Everyday words for COCO labels (the labels themselves are always understood). */
const TAG_SYNONYMS: Record<string, string[]> = {
  human: ['person'],
  man: ['person'],
  men: ['person'],
  woman: ['person'],
  women: ['person'],
  bike: ['bicycle'],
  cycle: ['bicycle'],
  motorbike: ['motorcycle'],
  scooter: ['motorcycle'],
  plane: ['airplane'],
  aeroplane: ['airplane'],
  aircraft: ['airplane'],
  jet: ['airplane'],
  automobile: ['car'],
  ship: ['boat'],
  sailboat: ['boat'],
  yacht: ['boat'],
  lorry: ['truck'],
  'traffic lights': ['traffic light'],
  stoplight: ['traffic light'],
  hydrant: ['fire hydrant'],
  ball: ['sports ball'],
  football: ['sports ball'],
  puppy: ['dog'],
  doggy: ['dog'],
  pup: ['dog'],
  kitten: ['cat'],
  kitty: ['cat'],
  pony: ['horse'],
  cattle: ['cow'],
  lamb: ['sheep'],
  pets: ['cat', 'dog'],
  pet: ['cat', 'dog'],
  television: ['tv'],
  telly: ['tv'],
  phone: ['cell phone'],
  smartphone: ['cell phone'],
  cellphone: ['cell phone'],
  'mobile phone': ['cell phone'],
  sofa: ['couch'],
  plant: ['potted plant'],
  houseplant: ['potted plant'],
  table: ['dining table'],
  doughnut: ['donut'],
  hotdog: ['hot dog'],
  wineglass: ['wine glass'],
  mug: ['cup'],
  teddy: ['teddy bear'],
  'hair dryer': ['hair drier'],
  hairdryer: ['hair drier'],
  fridge: ['refrigerator'],
  ski: ['skis'],
  skiing: ['skis'],
  snowboarding: ['snowboard'],
  surfing: ['surfboard'],
  skateboarding: ['skateboard'],
  tennis: ['tennis racket'],
  baseball: ['baseball bat', 'baseball glove'],
  luggage: ['suitcase'],
  bag: ['handbag', 'backpack'],
};

/** Everyday words for group tags. */
const GROUP_SYNONYMS: Record<string, GroupTag> = {
  animals: 'animal',
  vehicles: 'vehicle',
  transport: 'vehicle',
  sport: 'sports',
  meal: 'food',
  gadgets: 'electronics',
  appliances: 'appliance',
  accessories: 'accessory',
};

export interface TagMeaning {
  labels: string[];
  /** Canonical name shown on the chip ("dog", "animal"). */
  name: string;
  group: boolean;
}

/** Every phrase (folded, singular) that names a tag or a group, with its labels. */
export function tagPhrases(): Map<string, TagMeaning> {
  const out = new Map<string, TagMeaning>();
  for (const label of COCO_LABELS) out.set(label, { labels: [label], name: label, group: false });
  for (const g of GROUP_TAGS) {
    // "people" the group and "person" the label are the same thing: one label either way.
    out.set(g, { labels: labelsForGroup(g), name: g, group: true });
  }
  for (const [word, labels] of Object.entries(TAG_SYNONYMS)) {
    if (!out.has(word))
      out.set(word, {
        labels,
        name: labels.length === 1 ? labels[0] : word,
        group: labels.length > 1,
      });
  }
  for (const [word, g] of Object.entries(GROUP_SYNONYMS)) {
    if (!out.has(word)) out.set(word, { labels: labelsForGroup(g), name: g, group: true });
  }
  return out;
}

/**
 * [Note: a word of a tag] COCO names some things in two words ("wine glass", "tennis racket",
 * "potted plant") and people type one ("wine"). A word of such a label names it on its own when
 * it has no meaning of its own in the search box — not a label, group or synonym, so "dog" stays
 * the dog and not the hot dog, "bear" the animal and not the teddy bear — and is not an everyday
 * word that mostly means something else (NOT_ALONE: "light", "fire", "hot", "sign"; "glass",
 * because "glasses" are spectacles). It is a weak meaning: the parser keeps the word's text
 * meaning beside it (a file named wine-tasting.jpg is still found) and the chip shows both.
 */
const NOT_ALONE = new Set([
  'traffic',
  'light',
  'fire',
  'stop',
  'sign',
  'parking',
  'glass',
  'hot',
  'hair',
]);

/** Single words that name a multi-word label (see [Note: a word of a tag]): word → label. */
export function labelWords(phrases: Map<string, TagMeaning> = tagPhrases()): Map<string, string> {
  const out = new Map<string, string>();
  const taken = new Set<string>();
  for (const label of COCO_LABELS) {
    const parts = label.split(' ');
    if (parts.length < 2) continue;
    for (const w of parts) {
      if (phrases.has(w) || NOT_ALONE.has(w) || STOPWORDS.has(w)) continue;
      // A word shared by two labels names neither of them.
      if (out.has(w)) taken.add(w);
      out.set(w, label);
    }
  }
  for (const w of taken) out.delete(w);
  return out;
}

/** RAW camera formats as the media module names them. */
export const RAW_FORMATS = [
  'cr2',
  'cr3',
  'crw',
  'nef',
  'nrw',
  'arw',
  'srf',
  'sr2',
  'dng',
  'raf',
  'rw2',
  'rwl',
  'orf',
  'pef',
  'srw',
  'x3f',
  'mrw',
  'iiq',
  '3fr',
  'erf',
  'kdc',
  'dcr',
  'mos',
  'mef',
  'raw',
];

/** File-type words → photos.format values. */
export const TYPE_WORDS: Record<string, { formats: string[]; name: string }> = {
  jpeg: { formats: ['jpeg', 'mpo'], name: 'JPEG' },
  jpg: { formats: ['jpeg', 'mpo'], name: 'JPEG' },
  jpe: { formats: ['jpeg'], name: 'JPEG' },
  jfif: { formats: ['jpeg'], name: 'JPEG' },
  mpo: { formats: ['mpo'], name: 'MPO' },
  png: { formats: ['png'], name: 'PNG' },
  gif: { formats: ['gif'], name: 'GIF' },
  webp: { formats: ['webp'], name: 'WebP' },
  tif: { formats: ['tiff'], name: 'TIFF' },
  tiff: { formats: ['tiff'], name: 'TIFF' },
  avif: { formats: ['avif'], name: 'AVIF' },
  heic: { formats: ['heic', 'heif'], name: 'HEIC' },
  heif: { formats: ['heic', 'heif'], name: 'HEIF' },
  hif: { formats: ['heic', 'heif'], name: 'HEIF' },
  jxl: { formats: ['jxl'], name: 'JPEG XL' },
  raw: { formats: RAW_FORMATS, name: 'RAW' },
  raws: { formats: RAW_FORMATS, name: 'RAW' },
  ...Object.fromEntries(
    RAW_FORMATS.filter((f) => f !== 'raw').map((f) => [f, { formats: [f], name: f.toUpperCase() }]),
  ),
};

export const FAVOURITE_WORDS = new Set([
  'favourite',
  'favourites',
  'favorite',
  'favorites',
  'fav',
  'favs',
  'fave',
  'faves',
  'starred',
  'loved',
  'hearted',
]);

/**
 * Words that say nothing about which photos are meant. "people" is not here: it is a tag group.
 * Kept short on purpose: a word dropped here can never be searched as text.
 */
export const STOPWORDS = new Set([
  'a',
  'an',
  'the',
  'of',
  'in',
  'at',
  'on',
  'with',
  'and',
  'from',
  'by',
  'for',
  'to',
  'my',
  'our',
  'me',
  'us',
  'during',
  'taken',
  'shot',
  'show',
  'find',
  'all',
  'some',
  'photo',
  'photos',
  'picture',
  'pictures',
  'pic',
  'pics',
  'image',
  'images',
  'shots',
  'snap',
  'snaps',
  'where',
  'when',
  'who',
  'is',
  'are',
  'was',
  'were',
  'that',
  'which',
  'having',
  'has',
  'have',
  'near',
  'around',
  'made',
]);

/** Naive English singular forms to try, most likely first ("glasses" → "glass", "knives" → "knife"). */
export function singulars(word: string): string[] {
  const out: string[] = [];
  if (word.length < 4 || !word.endsWith('s') || word.endsWith('ss')) return out;
  if (word.endsWith('ies')) out.push(word.slice(0, -3) + 'y');
  if (word.endsWith('ves')) out.push(word.slice(0, -3) + 'f', word.slice(0, -3) + 'fe');
  if (/(s|x|z|ch|sh)es$/.test(word)) out.push(word.slice(0, -2));
  out.push(word.slice(0, -1));
  return out;
}

/**
 * Category words that mean the category when typed alone ("screenshots", "group photos");
 * the others only after `category:` (see [Note: category words and tags] in categories/words.ts).
 */
export const PLAIN_CATEGORY_WORDS: readonly CategoryWord[] = CATEGORY_WORDS.filter((w) => w.plain);

/** The search term of a category word. */
export function categoryTerm(w: Pick<CategoryWord, 'category' | 'subtype'>): Term {
  return {
    kind: 'category',
    category: w.category,
    ...(w.subtype ? { subtype: w.subtype } : {}),
    name: w.subtype === 'receipt' ? 'Receipts' : category(w.category).label,
  };
}
