// Format detection by content. The extension is only a hint: files get renamed ("Issue 247-1.nef"
// in the corpus is a plain JPEG), and TIFF-based RAW formats share one magic number.

/** How the pixels of a format are obtained. */
export type DecodePath = 'sharp' | 'heif' | 'raw' | 'none';

export interface FormatInfo {
  /** short lower-case kind: jpeg, png, webp, avif, tiff, gif, heic, heif, mpo, cr2, nef, … */
  format: string;
  mimeType: string;
  /** For messages: "JPEG", "Nikon NEF". */
  label: string;
  decoder: DecodePath;
}

interface RawKind {
  mime: string;
  label: string;
  /** true when the file is a TIFF container, so a TIFF magic plus this extension means this format */
  tiffBased: boolean;
}

const RAW_KINDS: Record<string, RawKind> = {
  cr2: { mime: 'image/x-canon-cr2', label: 'Canon CR2', tiffBased: true },
  cr3: { mime: 'image/x-canon-cr3', label: 'Canon CR3', tiffBased: false },
  crw: { mime: 'image/x-canon-crw', label: 'Canon CRW', tiffBased: false },
  nef: { mime: 'image/x-nikon-nef', label: 'Nikon NEF', tiffBased: true },
  nrw: { mime: 'image/x-nikon-nrw', label: 'Nikon NRW', tiffBased: true },
  arw: { mime: 'image/x-sony-arw', label: 'Sony ARW', tiffBased: true },
  srf: { mime: 'image/x-sony-srf', label: 'Sony SRF', tiffBased: true },
  sr2: { mime: 'image/x-sony-sr2', label: 'Sony SR2', tiffBased: true },
  dng: { mime: 'image/x-adobe-dng', label: 'DNG', tiffBased: true },
  raf: { mime: 'image/x-fujifilm-raf', label: 'Fujifilm RAF', tiffBased: false },
  rw2: { mime: 'image/x-panasonic-rw2', label: 'Panasonic RW2', tiffBased: false },
  rwl: { mime: 'image/x-leica-rwl', label: 'Leica RWL', tiffBased: false },
  orf: { mime: 'image/x-olympus-orf', label: 'Olympus ORF', tiffBased: false },
  pef: { mime: 'image/x-pentax-pef', label: 'Pentax PEF', tiffBased: true },
  srw: { mime: 'image/x-samsung-srw', label: 'Samsung SRW', tiffBased: true },
  x3f: { mime: 'image/x-sigma-x3f', label: 'Sigma X3F', tiffBased: false },
  mrw: { mime: 'image/x-minolta-mrw', label: 'Minolta MRW', tiffBased: false },
  iiq: { mime: 'image/x-raw', label: 'Phase One IIQ', tiffBased: true },
  '3fr': { mime: 'image/x-hasselblad-3fr', label: 'Hasselblad 3FR', tiffBased: true },
  erf: { mime: 'image/x-epson-erf', label: 'Epson ERF', tiffBased: true },
  kdc: { mime: 'image/x-kodak-kdc', label: 'Kodak KDC', tiffBased: true },
  dcr: { mime: 'image/x-kodak-dcr', label: 'Kodak DCR', tiffBased: true },
  mos: { mime: 'image/x-raw', label: 'Leaf MOS', tiffBased: true },
  mef: { mime: 'image/x-mamiya-mef', label: 'Mamiya MEF', tiffBased: true },
  raw: { mime: 'image/x-raw', label: 'RAW', tiffBased: false },
};

const RASTER: Record<string, Omit<FormatInfo, 'format'>> = {
  jpeg: { mimeType: 'image/jpeg', label: 'JPEG', decoder: 'sharp' },
  // MPO (stereo / multi-picture JPEG): the first image is an ordinary JPEG, which libjpeg reads.
  mpo: { mimeType: 'image/jpeg', label: 'MPO', decoder: 'sharp' },
  png: { mimeType: 'image/png', label: 'PNG', decoder: 'sharp' },
  gif: { mimeType: 'image/gif', label: 'GIF', decoder: 'sharp' },
  webp: { mimeType: 'image/webp', label: 'WebP', decoder: 'sharp' },
  tiff: { mimeType: 'image/tiff', label: 'TIFF', decoder: 'sharp' },
  avif: { mimeType: 'image/avif', label: 'AVIF', decoder: 'sharp' },
  heic: { mimeType: 'image/heic', label: 'HEIC', decoder: 'heif' },
  heif: { mimeType: 'image/heif', label: 'HEIF', decoder: 'heif' },
  // Neither sharp nor libheif decodes these; ffmpeg may (video/still.ts), else the file is
  // catalogued with its metadata and an error.
  jxl: { mimeType: 'image/jxl', label: 'JPEG XL', decoder: 'none' },
  jp2: { mimeType: 'image/jp2', label: 'JPEG 2000', decoder: 'none' },
  bmp: { mimeType: 'image/bmp', label: 'BMP', decoder: 'none' },
  psd: { mimeType: 'application/vnd.adobe.photoshop', label: 'Photoshop PSD', decoder: 'none' },
};

/** Extensions the scanner should look at: everything we can at least read metadata from and thumbnail. */
const CANDIDATE_EXTENSIONS = new Set([
  'jpg',
  'jpeg',
  'jpe',
  'jfif',
  'mpo',
  'png',
  'gif',
  'webp',
  'tif',
  'tiff',
  'avif',
  'heic',
  'heif',
  'hif',
  // listed even where nothing decodes their pixels: they appear with their metadata and an error
  'jxl',
  'jp2',
  'j2k',
  'bmp',
  'psd',
  ...Object.keys(RAW_KINDS),
]);

export function extensionOf(name: string): string {
  const base = name.slice(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : '';
}

/** Should the scanner consider this file at all? By extension, case-insensitive. */
export function isCandidateFile(name: string): boolean {
  const base = name.slice(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
  // macOS writes "._IMG_0001.JPG" AppleDouble companions on foreign disks: metadata forks, not photos.
  if (base.startsWith('._')) return false;
  return CANDIDATE_EXTENSIONS.has(extensionOf(base));
}

function raster(format: string): FormatInfo {
  return { format, ...RASTER[format] };
}

function rawFormat(format: string): FormatInfo {
  const kind = RAW_KINDS[format];
  return { format, mimeType: kind.mime, label: kind.label, decoder: 'raw' };
}

function ascii(buf: Uint8Array, start: number, length: number): string {
  if (buf.length < start + length) return '';
  let s = '';
  for (let i = start; i < start + length; i++) s += String.fromCharCode(buf[i]);
  return s;
}

function startsWith(buf: Uint8Array, bytes: number[], at = 0): boolean {
  if (buf.length < at + bytes.length) return false;
  return bytes.every((b, i) => buf[at + i] === b);
}

/**
 * Detects the format from the first bytes of a file (64 KiB is plenty; the whole file works too).
 * `nameHint` (file name or path) only separates formats that share a container, e.g. NEF vs TIFF.
 * Returns null when the content is not an image format we know.
 */
export function detectFormat(buf: Uint8Array, nameHint?: string): FormatInfo | null {
  const ext = nameHint ? extensionOf(nameHint) : '';
  // Many phone JPEGs carry an MPF segment (depth map, HDR gain map) without being stereo MPO
  // files; exiftool calls them JPEG too. Only the .mpo name makes it an MPO, decoded the same way.
  if (startsWith(buf, [0xff, 0xd8, 0xff])) return raster(ext === 'mpo' ? 'mpo' : 'jpeg');
  if (startsWith(buf, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return raster('png');
  const head6 = ascii(buf, 0, 6);
  if (head6 === 'GIF87a' || head6 === 'GIF89a') return raster('gif');
  if (ascii(buf, 0, 4) === 'RIFF' && ascii(buf, 8, 4) === 'WEBP') return raster('webp');
  if (ascii(buf, 4, 4) === 'ftyp') return detectIsoBmff(buf);
  if (startsWith(buf, [0, 0, 0, 0x0c]) && ascii(buf, 4, 4) === 'JXL ') return raster('jxl');
  if (startsWith(buf, [0xff, 0x0a])) return raster('jxl');
  if (startsWith(buf, [0, 0, 0, 0x0c]) && ascii(buf, 4, 4) === 'jP  ') return raster('jp2');
  // a bare JPEG 2000 codestream (.j2k): SOC then SIZ marker
  if (startsWith(buf, [0xff, 0x4f, 0xff, 0x51])) return raster('jp2');
  if (ascii(buf, 0, 4) === '8BPS') return raster('psd');
  if (ascii(buf, 0, 15) === 'FUJIFILMCCD-RAW') return rawFormat('raf');
  if (ascii(buf, 0, 2) === 'II' && ascii(buf, 6, 8) === 'HEAPCCDR') return rawFormat('crw');
  if (startsWith(buf, [0, 0x4d, 0x52, 0x4d])) return rawFormat('mrw');
  if (ascii(buf, 0, 4) === 'FOVb') return rawFormat('x3f');
  if (ascii(buf, 0x19, 7) === 'ARECOYK') return rawFormat('raw');
  const tiffMagic = ascii(buf, 0, 4);
  if (tiffMagic === 'IIRO' || tiffMagic === 'IIRS' || tiffMagic === 'MMOR') return rawFormat('orf');
  if (tiffMagic === 'IIU\0') return rawFormat(ext === 'rwl' ? 'rwl' : 'rw2');
  if (tiffMagic === 'II*\0' || tiffMagic === 'MM\0*') return detectTiffFamily(buf, ext);
  if (ascii(buf, 0, 2) === 'BM' && buf.length >= 18) {
    const dibSize = buf[14] | (buf[15] << 8);
    if ([12, 40, 52, 56, 64, 108, 124].includes(dibSize)) return raster('bmp');
  }
  return null;
}

const HEVC_BRANDS = new Set(['heic', 'heix', 'heim', 'heis', 'hevc', 'hevx', 'hevm', 'hevs']);

function detectIsoBmff(buf: Uint8Array): FormatInfo | null {
  const boxSize = (buf[0] << 24) | (buf[1] << 16) | (buf[2] << 8) | buf[3];
  const brands = [ascii(buf, 8, 4)];
  for (let p = 16; p + 4 <= Math.min(boxSize, buf.length, 256); p += 4)
    brands.push(ascii(buf, p, 4));
  const major = brands[0];
  if (major === 'crx ') return rawFormat('cr3');
  if (major === 'avif' || major === 'avis') return raster('avif');
  if (HEVC_BRANDS.has(major)) return raster('heic');
  if (major === 'mif1' || major === 'msf1' || major === 'miaf') {
    if (brands.includes('avif') || brands.includes('avis')) return raster('avif');
    if (brands.some((b) => HEVC_BRANDS.has(b))) return raster('heic');
    return raster('heif');
  }
  // isom, mp41, qt: videos, not our business here.
  return null;
}

function detectTiffFamily(buf: Uint8Array, ext: string): FormatInfo {
  if (ascii(buf, 8, 2) === 'CR' && buf[10] === 2) return rawFormat('cr2');
  if (ascii(buf, 8, 4) === 'IIII') return rawFormat('iiq');
  const ifd = scanTiffIfd0(buf);
  if (ifd.hasDngVersion) return rawFormat('dng');
  const kind = RAW_KINDS[ext];
  if (kind?.tiffBased) return rawFormat(ext);
  if (ext === 'tif' || ext === 'tiff') return raster('tiff');
  // Unknown or misleading extension: a camera maker plus SubIFDs (where RAW data lives) means RAW.
  if (ifd.hasSubIfds && ifd.make) {
    const byMaker = rawFormatForMaker(ifd.make);
    if (byMaker) return rawFormat(byMaker);
  }
  return raster('tiff');
}

function rawFormatForMaker(make: string): string | null {
  const m = make.toUpperCase();
  if (m.startsWith('NIKON')) return 'nef';
  if (m.startsWith('SONY')) return 'arw';
  if (m.startsWith('PENTAX') || m.startsWith('RICOH')) return 'pef';
  if (m.startsWith('SAMSUNG')) return 'srw';
  if (m.startsWith('HASSELBLAD')) return '3fr';
  if (m.startsWith('KODAK') || m.startsWith('EASTMAN KODAK')) return 'dcr';
  if (m.startsWith('LEAF') || m.startsWith('PHASE ONE')) return 'iiq';
  if (m.startsWith('CANON')) return 'cr2';
  return null;
}

interface TiffIfdScan {
  make: string | null;
  hasDngVersion: boolean;
  hasSubIfds: boolean;
}

/** Reads just enough of IFD0 to tell DNG and camera RAWs from plain TIFFs. Never throws. */
export function scanTiffIfd0(buf: Uint8Array): TiffIfdScan {
  const out: TiffIfdScan = { make: null, hasDngVersion: false, hasSubIfds: false };
  if (buf.length < 8) return out;
  const le = buf[0] === 0x49;
  const u16 = (p: number) => (le ? buf[p] | (buf[p + 1] << 8) : (buf[p] << 8) | buf[p + 1]);
  const u32 = (p: number) =>
    le
      ? (buf[p] | (buf[p + 1] << 8) | (buf[p + 2] << 16) | (buf[p + 3] << 24)) >>> 0
      : ((buf[p] << 24) | (buf[p + 1] << 16) | (buf[p + 2] << 8) | buf[p + 3]) >>> 0;
  const ifd = u32(4);
  if (ifd + 2 > buf.length) return out;
  const count = u16(ifd);
  for (let i = 0; i < count && i < 512; i++) {
    const entry = ifd + 2 + i * 12;
    if (entry + 12 > buf.length) break;
    const tag = u16(entry);
    if (tag === 0xc612) out.hasDngVersion = true;
    if (tag === 0x014a) out.hasSubIfds = true;
    if (tag === 0x010f) {
      const n = u32(entry + 4);
      const at = n <= 4 ? entry + 8 : u32(entry + 8);
      if (n > 0 && n < 256 && at + n <= buf.length) {
        out.make = ascii(buf, at, n).replace(/\0+$/, '').trim() || null;
      }
    }
  }
  return out;
}
