// Documents for the labelled set: letters, forms, book pages and till receipts rendered by
// Chromium, then photographed on a table (perspective, light, grain, phone EXIF); flatbed scans
// (straight, scanner EXIF); and, as negatives, ordinary photos with a little text in them (a sign).

import { copyFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import sharp from 'sharp';
import { launchChromium } from '../../../bench/headless.js';
import { mulberry32 } from '../../../src/shared/random.js';
import { corpusPath } from '../corpus.js';
import { CAMERAS, captureTags, type ExifWriter } from './exif.js';
import { paperPage, receiptPage, words } from './pages.js';
import { grainyJpeg, photographPage } from './photograph.js';
import { expectOnly, type LabelledPhoto } from './types.js';

async function render(
  browser: Browser,
  html: string,
  width: number,
  height: number,
): Promise<Buffer> {
  const context = await browser.newContext({ viewport: { width, height }, deviceScaleFactor: 2 });
  await context.route(/^https?:/, (route) => route.abort());
  const page = await context.newPage();
  await page.setContent(html, { waitUntil: 'load' });
  const png = await page.screenshot({ type: 'png' });
  await context.close();
  return png;
}

const NOT_OTHERS = {
  screenshot: false,
  selfie: false,
  panorama: false,
  night: false,
  group: false,
  portrait: false,
} as const;

const PHONES = [CAMERAS.iphone12Back, CAMERAS.pixelBack, CAMERAS.iphoneXBack, CAMERAS.galaxy];

/** Daytime capture EXIF, no GPS (people photograph paperwork indoors). */
const dayTags = (i: number) =>
  captureTags(PHONES[i % PHONES.length], {
    local: `2024:0${1 + (i % 9)}:1${i % 10} 1${i % 8}:2${i % 10}:0${i % 10}`,
    offset: '+01:00',
    iso: 50 + (i % 5) * 80,
    exposure: 1 / (30 + (i % 4) * 40),
  });

/** Ordinary photos that get a small sign with a few words: text, but not a document. */
const SIGN_PHOTOS = [
  'objects/coco128/images/000000000064.jpg',
  'objects/coco128/images/000000000094.jpg',
  'objects/coco128/images/000000000257.jpg',
  'objects/coco128/images/000000000359.jpg',
  'objects/coco128/images/000000000471.jpg',
  'objects/coco128/images/000000000510.jpg',
  'objects/coco128/images/000000000540.jpg',
  'objects/coco128/images/000000000641.jpg',
];

export async function buildDocuments(dir: string, exif: ExifWriter): Promise<LabelledPhoto[]> {
  const browser = await launchChromium();
  const out: LabelledPhoto[] = [];
  try {
    const kinds = ['letter', 'form', 'book'] as const;
    for (let i = 0; i < 24; i++) {
      const r = mulberry32(500 + i);
      const kind = kinds[i % 3];
      const png = await render(browser, paperPage(500 + i, kind), 794, 1123);
      const portrait = r() > 0.3;
      const jpeg = await photographPage(png, {
        seed: 500 + i,
        width: portrait ? 2400 : 3200,
        height: portrait ? 3200 : 2400,
        fill: 0.55 + r() * 0.4,
        angle: (r() - 0.5) * 24,
      });
      const file = path.join(dir, `IMG_${2000 + i}.jpg`);
      writeFileSync(file, jpeg);
      await exif.write(file, dayTags(i));
      out.push({
        file,
        group: 'document-photo',
        note: `${kind} page photographed`,
        expect: { document: true, ...NOT_OTHERS },
      });
    }
    for (let i = 0; i < 10; i++) {
      const r = mulberry32(700 + i);
      const receipt = receiptPage(700 + i);
      const png = await render(browser, receipt.html, 300, receipt.height);
      const jpeg = await photographPage(png, {
        seed: 700 + i,
        width: 2400,
        height: 3200,
        fill: 0.6 + r() * 0.35,
        angle: (r() - 0.5) * 20,
      });
      const file = path.join(dir, `IMG_${2100 + i}.jpg`);
      writeFileSync(file, jpeg);
      await exif.write(file, dayTags(i + 3));
      out.push({
        file,
        group: 'document-receipt',
        note: 'till receipt photographed',
        receipt: true,
        expect: { document: true, ...NOT_OTHERS },
      });
    }
    for (let i = 0; i < 6; i++) {
      // A flatbed scan at 150 dpi: straight, the whole page, paper grain, scanner EXIF.
      const png = await render(browser, paperPage(800 + i, kinds[i % 3]), 794, 1123);
      const { data, info } = await sharp(png)
        .resize(1240, 1754, { fit: 'fill' })
        .removeAlpha()
        .raw()
        .toBuffer({ resolveWithObject: true });
      const jpeg = await grainyJpeg(data, info.width, info.height, 800 + i, 3);
      const file = path.join(dir, `scan_${String(i + 1).padStart(4, '0')}.jpg`);
      writeFileSync(file, jpeg);
      await exif.write(file, {
        Make: 'EPSON',
        Model: 'Perfection V39',
        Software: 'Epson Scan 2',
        ModifyDate: `2023:11:0${i + 1} 10:00:00`,
      });
      out.push({
        file,
        group: 'document-scan',
        note: 'flatbed scan',
        expect: { document: true, ...NOT_OTHERS },
      });
    }
    // A real one: corpus exif/…/Apple iPhone 4.jpg is a photo of a restaurant bill on a table.
    const bill = path.join(dir, 'bill-iphone4.jpg');
    copyFileSync(corpusPath('exif/camera_jpeg/metadata-extractor/Apple iPhone 4.jpg'), bill);
    out.push({
      file: bill,
      group: 'document-real',
      note: 'restaurant bill, iPhone 4 (corpus)',
      expect: { document: true, ...NOT_OTHERS },
    });
    for (const [i, src] of SIGN_PHOTOS.entries()) {
      const r = mulberry32(900 + i);
      const base = sharp(corpusPath(src)).rotate();
      const meta = await base.metadata();
      const w = meta.width!;
      const h = meta.height!;
      const sw = Math.round(w * (0.22 + r() * 0.12));
      const sh = Math.round(sw * 0.5);
      const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${sw}" height="${sh}">
        <rect width="${sw}" height="${sh}" fill="#f2efe6" stroke="#333" stroke-width="3"/>
        <text x="${sw / 2}" y="${sh * 0.45}" text-anchor="middle" font-family="DejaVu Sans" font-weight="bold" font-size="${sh * 0.26}" fill="#222">${words(r, 2).toUpperCase()}</text>
        <text x="${sw / 2}" y="${sh * 0.78}" text-anchor="middle" font-family="DejaVu Sans" font-size="${sh * 0.16}" fill="#444">${words(r, 3)}</text></svg>`;
      const jpeg = await base
        .composite([
          {
            input: Buffer.from(svg),
            left: Math.round((w - sw) * r()),
            top: Math.round((h - sh) * 0.5 * r()),
          },
        ])
        .jpeg({ quality: 90 })
        .toBuffer();
      const file = path.join(dir, `DSC_${3000 + i}.jpg`);
      writeFileSync(file, jpeg);
      await exif.write(
        file,
        captureTags(CAMERAS.canon, {
          local: `2023:07:0${1 + i} 11:30:00`,
          offset: '+02:00',
          iso: 200,
        }),
      );
      out.push({
        file,
        group: 'text-in-scene',
        note: `${src} with a sign`,
        // A street photo may hold people (group, portrait): not the question here.
        expect: expectOnly(null, ['group', 'portrait']),
      });
    }
  } finally {
    await browser.close();
  }
  return out;
}
