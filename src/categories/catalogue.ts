// The one list of categories: each with its definition, the signals it reads, its search words
// and its classifier. Pipeline, storage, search and UI all start from CATEGORIES.

import { DOCUMENT_DEFINITION, documentVerdict } from './document.js';
import { GROUP_DEFINITION, groupVerdict, PORTRAIT_DEFINITION, portraitVerdict } from './faces.js';
import { NIGHT_DEFINITION, nightVerdict } from './night.js';
import { OBJECT_DEFINITIONS, objectGroupVerdict } from './objects.js';
import { PANORAMA_DEFINITION, panoramaVerdict } from './panorama.js';
import { SCREENSHOT_DEFINITION, screenshotVerdict } from './screenshot.js';
import { SELFIE_DEFINITION, selfieVerdict } from './selfie.js';
import {
  CHEAP_SIGNALS,
  MIN_SCORE,
  type CategoryName,
  type CategoryResult,
  type SignalKind,
  type Signals,
  type Verdict,
} from './types.js';

export interface Category {
  name: CategoryName;
  /** Display label ("Group photos"). */
  label: string;
  /** One photo of it, as the info panel names it ("Group photo — 5 faces"). */
  one: string;
  /**
   * The object-tag group (Things page "kinds") this category follows with a stricter score, when
   * there is one: the page shows the two once.
   */
  tagGroup?: string;
  /** What it means, in one or two sentences (the README table is these). */
  definition: string;
  /** Every signal that can change the verdict: recompute the category when one changes. */
  reads: readonly SignalKind[];
  /**
   * The verdict (score and reason, given or not), or null while a signal it needs is not known
   * yet (faces, objects or text detection still to come).
   */
  classify(s: Signals): Verdict | null;
}

export const CATEGORIES: readonly Category[] = [
  {
    name: 'screenshot',
    label: 'Screenshots',
    one: 'Screenshot',
    definition: SCREENSHOT_DEFINITION,
    reads: ['metadata', 'pixels'],
    classify: screenshotVerdict,
  },
  {
    name: 'document',
    label: 'Documents',
    one: 'Document',
    definition: DOCUMENT_DEFINITION,
    reads: ['metadata', 'pixels', 'text'],
    classify: documentVerdict,
  },
  {
    name: 'selfie',
    label: 'Selfies',
    one: 'Selfie',
    definition: SELFIE_DEFINITION,
    reads: ['metadata', 'faces'],
    classify: selfieVerdict,
  },
  {
    name: 'panorama',
    label: 'Panoramas',
    one: 'Panorama',
    definition: PANORAMA_DEFINITION,
    reads: ['metadata', 'pixels'],
    classify: panoramaVerdict,
  },
  {
    name: 'night',
    label: 'Night',
    one: 'Night photo',
    definition: NIGHT_DEFINITION,
    reads: ['metadata', 'pixels'],
    classify: nightVerdict,
  },
  {
    name: 'group',
    label: 'Group photos',
    one: 'Group photo',
    definition: GROUP_DEFINITION,
    reads: ['metadata', 'faces'],
    classify: groupVerdict,
  },
  {
    name: 'portrait',
    label: 'Portraits',
    one: 'Portrait',
    definition: PORTRAIT_DEFINITION,
    reads: ['metadata', 'faces'],
    classify: portraitVerdict,
  },
  ...(
    [
      ['food', 'Food', 'food'],
      ['pets', 'Pet', undefined],
      ['vehicles', 'Vehicle', 'vehicle'],
      ['sports', 'Sports', 'sports'],
    ] as const
  ).map(([name, one, tagGroup]): Category => ({
    name,
    label: name.charAt(0).toUpperCase() + name.slice(1),
    one,
    ...(tagGroup ? { tagGroup } : {}),
    definition: OBJECT_DEFINITIONS[name],
    reads: ['objects'],
    classify: (s) => objectGroupVerdict(name, s),
  })),
];

const BY_NAME = new Map(CATEGORIES.map((c) => [c.name, c]));

export function category(name: CategoryName): Category {
  return BY_NAME.get(name)!;
}

/** Every verdict the signals allow (given or not); categories still waiting are left out. */
export function verdicts(s: Signals): Map<CategoryName, Verdict> {
  const out = new Map<CategoryName, Verdict>();
  for (const c of CATEGORIES) {
    const v = c.classify(s);
    if (v) out.set(c.name, v);
  }
  return out;
}

/** The categories a photo is in (score ≥ MIN_SCORE), in CATEGORIES order. */
export function classify(s: Signals): CategoryResult[] {
  const out: CategoryResult[] = [];
  for (const [name, v] of verdicts(s)) {
    if (v.score >= MIN_SCORE)
      out.push({
        name,
        score: v.score,
        reason: v.reason,
        ...(v.subtype ? { subtype: v.subtype } : {}),
      });
  }
  return out;
}

/**
 * The categories decided at ingest from the cheap signals alone (metadata and pixel statistics):
 * screenshot, panorama and night always; selfie when a lens is recorded; document when there is
 * no paper-like area to read. The rest wait (see `pending`).
 */
export function classifyCheap(s: Pick<Signals, 'meta' | 'pixels'>): CategoryResult[] {
  return classify({ meta: s.meta, pixels: s.pixels });
}

/** Categories that cannot be decided yet from these signals (each waits for a detection). */
export function pending(s: Signals): CategoryName[] {
  return CATEGORIES.filter((c) => c.classify(s) === null).map((c) => c.name);
}

/** Categories to recompute when these signals changed (new faces, objects re-run, text found). */
export function affectedBy(changed: readonly SignalKind[]): CategoryName[] {
  return CATEGORIES.filter((c) => c.reads.some((k) => changed.includes(k))).map((c) => c.name);
}

/** Categories that read only the cheap signals: final at ingest. */
export const CHEAP_CATEGORIES: CategoryName[] = CATEGORIES.filter((c) =>
  c.reads.every((k) => CHEAP_SIGNALS.includes(k)),
).map((c) => c.name);
