// Scenes for the labelled set: wide crops (panoramas) and GPano photo spheres with their
// normal-aspect controls; street photos darkened and dated at night at a place (and the same
// streets by day, a dark frame at noon, a light summer evening far north); real camera photos.

import { writeFileSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { mulberry32 } from '../../../src/shared/random.js';
import { corpusPath } from '../corpus.js';
import { CAMERAS, captureTags, type ExifWriter } from './exif.js';
import { grainyJpeg } from './photograph.js';
import type { LabelledPhoto } from './types.js';

/** Street and outdoor photos of corpus/objects (cars, buses, traffic lights, bicycles). */
const STREETS = [
  '000000000064',
  '000000000071',
  '000000000073',
  '000000000074',
  '000000000086',
  '000000000094',
  '000000000149',
  '000000000151',
  '000000000247',
  '000000000257',
  '000000000260',
  '000000000307',
  '000000000359',
  '000000000471',
  '000000000510',
  '000000000529',
  '000000000532',
  '000000000540',
  '000000000629',
  '000000000641',
].map((id) => `objects/coco128/images/${id}.jpg`);

/**
 * Larger real camera photos, for panorama crops (not metadata-extractor's "Apple iPhone 4.jpg":
 * it is a photo of a restaurant bill, a real document; see documents.ts).
 */
const CAMERA_PHOTOS = [
  'exif/camera_jpeg/ianare/iphone_hdr_YES.jpg',
  'exif/camera_jpeg/ianare/jolla.jpg',
  'exif/camera_jpeg/ianare/Reconyx_HC500_Hyperfire.jpg',
  'exif/camera_jpeg/metadata-extractor/Canon EOS REBEL T3i.jpg',
  'exif/camera_jpeg/metadata-extractor/Olympus PEN E-P3.jpg',
  'exif/camera_jpeg/metadata-extractor/Reconyx HF2 Pro Covert.jpg',
  'exif/camera_jpeg/exif-org/fujifilm-dx10.jpg',
  'exif/camera_jpeg/exif-org/sony-powershota5.jpg',
  'exif/orientation/recurser/Landscape_1.jpg',
];

/** Places and the local night times used there (all well after dusk or before dawn). */
const NIGHTS = [
  { place: 'Paris', lat: 48.8566, lon: 2.3522, local: '2024:01:15 19:40:00', offset: '+01:00' },
  { place: 'Paris', lat: 48.8566, lon: 2.3522, local: '2024:07:02 23:45:00', offset: '+02:00' },
  { place: 'New York', lat: 40.7128, lon: -74.006, local: '2023:11:20 21:10:00', offset: '-05:00' },
  { place: 'Tokyo', lat: 35.6762, lon: 139.6503, local: '2024:04:05 22:30:00', offset: '+09:00' },
  { place: 'Sydney', lat: -33.8688, lon: 151.2093, local: '2024:12:24 23:20:00', offset: '+11:00' },
  {
    place: 'Cape Town',
    lat: -33.9249,
    lon: 18.4241,
    local: '2023:06:10 20:00:00',
    offset: '+02:00',
  },
  {
    place: 'São Paulo',
    lat: -23.5505,
    lon: -46.6333,
    local: '2024:03:09 04:15:00',
    offset: '-03:00',
  },
  { place: 'Mumbai', lat: 19.076, lon: 72.8777, local: '2024:10:31 21:45:00', offset: '+05:30' },
  { place: 'Oslo', lat: 59.9139, lon: 10.7522, local: '2024:12:20 16:30:00', offset: '+01:00' },
  { place: 'Berlin', lat: 52.52, lon: 13.405, local: '2024:02:11 01:30:00', offset: '+01:00' },
  // No offset recorded: the zone is guessed from the longitude.
  { place: 'Tokyo', lat: 35.6762, lon: 139.6503, local: '2024:08:18 23:05:00' },
  { place: 'Rome', lat: 41.9028, lon: 12.4964, local: '2023:09:03 22:50:00' },
];

const DAYS = [
  { place: 'Paris', lat: 48.8566, lon: 2.3522, local: '2024:07:02 14:10:00', offset: '+02:00' },
  { place: 'New York', lat: 40.7128, lon: -74.006, local: '2023:11:20 11:30:00', offset: '-05:00' },
  { place: 'Tokyo', lat: 35.6762, lon: 139.6503, local: '2024:04:05 10:05:00', offset: '+09:00' },
  { place: 'Sydney', lat: -33.8688, lon: 151.2093, local: '2024:12:24 16:40:00', offset: '+11:00' },
  { place: 'Mumbai', lat: 19.076, lon: 72.8777, local: '2024:10:31 12:00:00', offset: '+05:30' },
  { place: 'Rome', lat: 41.9028, lon: 12.4964, local: '2023:09:03 09:15:00' },
  // Light evenings: late, but the sun is still up.
  { place: 'Oslo', lat: 59.9139, lon: 10.7522, local: '2024:06:21 21:30:00', offset: '+02:00' },
  {
    place: 'Edinburgh',
    lat: 55.9533,
    lon: -3.1883,
    local: '2024:06:15 20:45:00',
    offset: '+01:00',
  },
];

const NOT_OTHERS = { screenshot: false, document: false, selfie: false } as const;

/** The photo as a night shot: much darker, bluish, with the grain of a high ISO. */
async function darkened(src: string, seed: number): Promise<Buffer> {
  const { data, info } = await sharp(corpusPath(src))
    .rotate()
    .resize(1600, 1600, { fit: 'inside' })
    .removeAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  const out = Buffer.alloc(data.length);
  const tint = [0.8, 0.9, 1.1];
  for (let i = 0; i < data.length; i++) {
    const v = data[i] / 255;
    out[i] = Math.min(255, Math.round(255 * 0.55 * v ** 2.4 * tint[i % 3]));
  }
  return grainyJpeg(out, info.width, info.height, seed, 9);
}

async function upright(src: string, maxSide: number): Promise<Buffer> {
  return sharp(corpusPath(src))
    .rotate()
    .resize(maxSide, maxSide, { fit: 'inside' })
    .jpeg({ quality: 92 })
    .toBuffer();
}

export async function buildScenes(dir: string, exif: ExifWriter): Promise<LabelledPhoto[]> {
  const out: LabelledPhoto[] = [];
  const phone = [CAMERAS.iphone12Back, CAMERAS.pixelBack, CAMERAS.canon, CAMERAS.galaxy];

  // Night: darkened streets, dated at night at a place.
  for (const [i, n] of NIGHTS.entries()) {
    const file = path.join(dir, `night-${i}.jpg`);
    writeFileSync(file, await darkened(STREETS[i % STREETS.length], 1400 + i));
    await exif.write(
      file,
      captureTags(phone[i % phone.length], {
        ...n,
        iso: 1600 + (i % 3) * 1600,
        exposure: 1 / (4 + (i % 4) * 4),
        gps: n,
      }),
    );
    out.push({
      file,
      group: 'night-gps',
      note: `${n.place} ${n.local}${n.offset ? '' : ' (no offset)'}`,
      expect: { night: true, panorama: false, ...NOT_OTHERS },
    });
  }
  // Night without a place: dark, high ISO, long exposure.
  for (let i = 0; i < 6; i++) {
    const file = path.join(dir, `night-nogps-${i}.jpg`);
    writeFileSync(file, await darkened(STREETS[(i + 12) % STREETS.length], 1500 + i));
    await exif.write(
      file,
      captureTags(phone[i % phone.length], {
        local: `2024:03:1${i} 22:4${i}:00`,
        iso: 3200,
        exposure: 1 / 8,
      }),
    );
    out.push({
      file,
      group: 'night-exposure',
      note: 'dark, ISO 3200, 1/8 s, no GPS',
      expect: { night: true, panorama: false, ...NOT_OTHERS },
    });
  }
  // By day: the same kind of streets, lit, dated in daylight.
  for (const [i, d] of DAYS.entries()) {
    const file = path.join(dir, `day-${i}.jpg`);
    writeFileSync(file, await upright(STREETS[(i + 5) % STREETS.length], 1600));
    await exif.write(
      file,
      captureTags(phone[i % phone.length], { ...d, iso: 50, exposure: 1 / 640, gps: d }),
    );
    out.push({
      file,
      group: 'day-gps',
      note: `${d.place} ${d.local}`,
      expect: { night: false, panorama: false, ...NOT_OTHERS },
    });
  }
  // A dark frame at noon (a tunnel, a cellar): dark, but not night.
  for (let i = 0; i < 3; i++) {
    const d = DAYS[i];
    const file = path.join(dir, `dark-noon-${i}.jpg`);
    writeFileSync(file, await darkened(STREETS[(i + 15) % STREETS.length], 1600 + i));
    await exif.write(
      file,
      captureTags(phone[i % phone.length], { ...d, iso: 3200, exposure: 1 / 15, gps: d }),
    );
    out.push({
      file,
      group: 'dark-day',
      note: `dark frame, ${d.place} ${d.local}`,
      expect: { night: false, panorama: false, ...NOT_OTHERS },
    });
  }

  // Panoramas: wide crops, upscaled like a phone's panorama, with camera EXIF.
  for (let i = 0; i < 16; i++) {
    const r = mulberry32(1700 + i);
    const src =
      i % 2 ? CAMERA_PHOTOS[(i >> 1) % CAMERA_PHOTOS.length] : STREETS[(i * 3) % STREETS.length];
    const meta = await sharp(corpusPath(src)).rotate().toBuffer({ resolveWithObject: true });
    const vertical = i % 8 === 7;
    const ratio = vertical ? 2.6 + r() * 1.4 : 2.1 + r() * 1.9;
    const w = meta.info.width;
    const h = meta.info.height;
    const crop = vertical
      ? { width: Math.round(h / ratio), height: h }
      : { width: w, height: Math.round(w / ratio) };
    const long = 3000 + Math.round(r() * 3000);
    const scaled = await sharp(meta.data)
      .extract({
        left: Math.round((w - crop.width) * r()),
        top: Math.round((h - crop.height) * r()),
        ...crop,
      })
      .resize(vertical ? undefined : long, vertical ? long : undefined)
      .removeAlpha()
      .raw()
      .toBuffer({ resolveWithObject: true });
    const file = path.join(dir, `PANO_${String(i).padStart(4, '0')}.jpg`);
    writeFileSync(
      file,
      await grainyJpeg(scaled.data, scaled.info.width, scaled.info.height, 1700 + i, 5),
    );
    await exif.write(
      file,
      captureTags(phone[i % phone.length], {
        local: `2023:08:0${1 + (i % 9)} 13:0${i % 10}:00`,
        offset: '+02:00',
        iso: 50,
      }),
    );
    out.push({
      file,
      group: 'panorama-wide',
      note: `${src} cropped ${ratio.toFixed(2)}:1${vertical ? ' (vertical)' : ''}`,
      expect: { panorama: true, night: false, ...NOT_OTHERS },
    });
  }
  // Photo spheres and partial panoramas marked with GPano XMP (the tags decide, not the shape).
  for (let i = 0; i < 5; i++) {
    const sphere = i < 3;
    const src = CAMERA_PHOTOS[(i * 3) % CAMERA_PHOTOS.length];
    const [w, h] = sphere ? [4096, 2048] : [3200, 2000];
    const file = path.join(dir, `PHOTOSPHERE_${i}.jpg`);
    await sharp(corpusPath(src))
      .rotate()
      .resize(w, h, { fit: 'fill' })
      .jpeg({ quality: 90 })
      .toFile(file);
    await exif.write(file, {
      ...captureTags(CAMERAS.pixelBack, { local: `2024:05:0${1 + i} 12:00:00`, offset: '+02:00' }),
      'XMP-GPano:ProjectionType': sphere ? 'equirectangular' : 'cylindrical',
      'XMP-GPano:UsePanoramaViewer': true,
      'XMP-GPano:FullPanoWidthPixels': sphere ? w : w * 2,
      'XMP-GPano:FullPanoHeightPixels': sphere ? h : h,
      'XMP-GPano:CroppedAreaImageWidthPixels': w,
      'XMP-GPano:CroppedAreaImageHeightPixels': h,
    });
    out.push({
      file,
      group: 'panorama-gpano',
      note: `${src} as a ${sphere ? 'photo sphere' : 'partial GPano'}`,
      expect: { panorama: true, night: false, ...NOT_OTHERS },
    });
  }
  // Not panoramas: the same kind of camera photos at ordinary and nearly wide shapes.
  for (let i = 0; i < 10; i++) {
    const src =
      i % 2
        ? CAMERA_PHOTOS[(i >> 1) % CAMERA_PHOTOS.length]
        : STREETS[(i * 5 + 1) % STREETS.length];
    const ratio = [4 / 3, 3 / 2, 16 / 9, 1.9, 1][i % 5];
    const img = sharp(corpusPath(src)).rotate();
    const meta = await img.toBuffer({ resolveWithObject: true });
    const w = meta.info.width;
    const crop = { width: w, height: Math.min(meta.info.height, Math.round(w / ratio)) };
    const file = path.join(dir, `DSC_${4000 + i}.jpg`);
    await sharp(meta.data)
      .extract({ left: 0, top: 0, ...crop })
      .resize(2400)
      .jpeg({ quality: 90 })
      .toFile(file);
    await exif.write(
      file,
      captureTags(phone[i % phone.length], {
        local: `2023:08:1${i} 15:00:00`,
        offset: '+02:00',
        iso: 80,
      }),
    );
    out.push({
      file,
      group: 'camera-photo',
      note: `${src} at ${ratio.toFixed(2)}:1`,
      expect: { panorama: false, night: false, ...NOT_OTHERS },
    });
  }
  return out;
}
