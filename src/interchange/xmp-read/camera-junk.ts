// EXIF ImageDescription (and the captions copied from it) is where many cameras write their own
// name. These are not descriptions a person wrote and must never become one. The list comes from
// the corpus (corpus/exif: OLYMPUS, KONICA MINOLTA and SANYO "DIGITAL CAMERA", "SAMSUNG", a GoPro
// path, Samsung's "<Digimax i50 MP3, Samsung #1 MP3>", "WWL", "Created with GIMP") and from what
// other galleries filter ("SONY DSC", "KODAK Digital Still Camera", "Exif_JPEG_PICTURE", …).

/** Whole texts (compared case-insensitively, spaces folded) that are never a description. */
const JUNK = new Set(
  [
    'sony dsc',
    'dsc',
    'dscf',
    'dcim',
    'samsung',
    'samsung camera pictures',
    'samsung digital camera',
    'lg digital camera',
    'kodak digital still camera',
    'digital still camera',
    'exif_jpeg_picture',
    'exif jpeg picture',
    'jpeg',
    'picture',
    'image',
    'photo',
    'default',
    'untitled',
    'no title',
    'none',
    '<none>',
    'camera',
    'my camera',
    'hewlett-packard',
    'hp photosmart',
    'created with gimp',
    'processed with vsco',
    'made with snapseed',
    'screenshot',
    'vivo',
    'oppo',
    'huawei',
    'xiaomi',
    'motorola',
    'nikon',
    'canon',
    'olympus',
    'pentax',
    'leica',
    'ricoh',
    'fujifilm',
    'casio',
    'sanyo',
    'panasonic',
    'minolta',
    'konica minolta',
  ].map((s) => s.toLowerCase()),
);

/** "OLYMPUS DIGITAL CAMERA", "KONICA MINOLTA DIGITAL CAMERA", "Digital Camera", … */
const MAKER_CAMERA = /^[\p{L}\d .&-]{0,30}\bdigital (still )?camera$/iu;

/** A path or bare file name ("DCIM\100GOPRO\GOPR0482.JPG", "IMG_1234.JPG"). */
const FILE_LIKE = /^([a-z]:)?[\\/]|\\|^dcim[\\/]|^[\w-]+\.(jpe?g|png|heic|tiff?|dng|raw|mov|mp4)$/i;

/**
 * True when a description text is a camera's or an app's boilerplate. `make` and `model` (from
 * the same file) catch the cameras that write their own name ("WWL", "SAMSUNG GT-I9000").
 */
export function isCameraJunk(text: string, make?: string | null, model?: string | null): boolean {
  const t = text.replace(/\s+/g, ' ').trim();
  if (!t) return true;
  const lower = t.toLowerCase();
  if (JUNK.has(lower) || MAKER_CAMERA.test(t) || FILE_LIKE.test(t)) return true;
  // Marketing in angle brackets: "<Digimax i50 MP3, Samsung #1 MP3>".
  if (/^<.*>$/.test(t)) return true;
  // Nothing but digits, punctuation or one repeated character.
  if (!/\p{L}/u.test(t) || /^(.)\1*$/u.test(t)) return true;
  const same = (v?: string | null) => !!v && v.replace(/\s+/g, ' ').trim().toLowerCase() === lower;
  if (same(make) || same(model)) return true;
  if (make && model && same(`${make} ${model}`)) return true;
  return false;
}

/** The first candidate that is text a person wrote, trimmed; null when none is. */
export function pickDescription(
  candidates: unknown[],
  make?: string | null,
  model?: string | null,
): string | null {
  for (const c of candidates) {
    const v = Array.isArray(c) ? c[0] : c;
    if (typeof v !== 'string') continue;
    // EXIF strings are C strings: what follows a NUL is leftover buffer.
    const t = v.split('\u0000')[0].trim();
    if (t && !isCameraJunk(t, make, model)) return t;
  }
  return null;
}
