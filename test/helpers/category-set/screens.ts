// Screenshots for the labelled set: local pages rendered by headless Chromium at real phone,
// tablet and desktop sizes (viewport × device-pixel ratio), saved as PNG or JPEG the way phones
// and desktops save them, some marked by iOS ("UserComment: Screenshot"), some named like
// screenshots and some not, a few cropped to arbitrary sizes.

import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { launchChromium } from '../../../bench/headless.js';
import { mulberry32 } from '../../../src/shared/random.js';
import { corpusPath } from '../corpus.js';
import type { ExifWriter } from './exif.js';
import {
  articlePage,
  chatPage,
  dashboardPage,
  editorPage,
  feedPage,
  settingsPage,
} from './pages.js';
import { expectOnly, type LabelledPhoto } from './types.js';

interface Device {
  name: string;
  width: number;
  height: number;
  dpr: number;
  kind: 'phone' | 'tablet' | 'desktop';
}

const DEVICES: Device[] = [
  { name: 'iphone-13', width: 390, height: 844, dpr: 3, kind: 'phone' },
  { name: 'iphone-se', width: 375, height: 667, dpr: 2, kind: 'phone' },
  { name: 'iphone-15-pro-max', width: 430, height: 932, dpr: 3, kind: 'phone' },
  { name: 'galaxy-s21', width: 360, height: 800, dpr: 3, kind: 'phone' },
  { name: 'pixel-4a', width: 393, height: 851, dpr: 2.75, kind: 'phone' },
  { name: 'ipad-air', width: 820, height: 1180, dpr: 2, kind: 'tablet' },
  { name: 'full-hd', width: 1920, height: 1080, dpr: 1, kind: 'desktop' },
  { name: 'laptop-hd', width: 1366, height: 768, dpr: 1, kind: 'desktop' },
  { name: 'macbook', width: 1440, height: 900, dpr: 2, kind: 'desktop' },
  { name: 'qhd', width: 2560, height: 1440, dpr: 1, kind: 'desktop' },
  { name: 'ultrawide', width: 2560, height: 1080, dpr: 1, kind: 'desktop' },
];

/** Corpus photos without people, for pages that show a photo (articles, feeds). */
const PAGE_PHOTOS = [
  'objects/coco128/images/000000000009.jpg',
  'objects/coco128/images/000000000025.jpg',
  'objects/coco128/images/000000000030.jpg',
  'objects/coco128/images/000000000042.jpg',
  'objects/coco128/images/000000000073.jpg',
  'objects/coco128/images/000000000143.jpg',
];

const dataUrl = (file: string) =>
  `data:image/jpeg;base64,${readFileSync(corpusPath(file)).toString('base64')}`;

type PageKind = 'settings' | 'chat' | 'article' | 'dashboard' | 'editor' | 'feed';

function html(kind: PageKind, seed: number, dark: boolean): string {
  const photo = dataUrl(PAGE_PHOTOS[seed % PAGE_PHOTOS.length]);
  switch (kind) {
    case 'settings':
      return settingsPage(seed, dark);
    case 'chat':
      return chatPage(seed, dark);
    case 'article':
      return articlePage(seed, seed % 2 ? photo : undefined, seed % 3 === 0);
    case 'dashboard':
      return dashboardPage(seed, dark);
    case 'editor':
      return editorPage(seed);
    case 'feed':
      return feedPage(seed, photo);
  }
}

interface Shot {
  device: Device;
  page: PageKind;
  dark?: boolean;
  format: 'png' | 'jpeg';
  /** iOS writes UserComment "Screenshot" into its screenshots. */
  ios?: boolean;
  name: 'android' | 'macos' | 'windows' | 'neutral';
  /** Cut a piece out (arbitrary size, no longer a screen size). */
  crop?: boolean;
}

const d = (name: string) => DEVICES.find((x) => x.name === name)!;

const SHOTS: Shot[] = [
  { device: d('iphone-13'), page: 'settings', format: 'png', ios: true, name: 'neutral' },
  { device: d('iphone-13'), page: 'chat', format: 'png', ios: true, name: 'neutral' },
  { device: d('iphone-13'), page: 'feed', format: 'png', name: 'neutral' },
  { device: d('iphone-13'), page: 'chat', dark: true, format: 'png', ios: true, name: 'neutral' },
  { device: d('iphone-se'), page: 'article', format: 'png', ios: true, name: 'neutral' },
  { device: d('iphone-se'), page: 'settings', dark: true, format: 'png', name: 'neutral' },
  { device: d('iphone-15-pro-max'), page: 'feed', format: 'png', ios: true, name: 'neutral' },
  { device: d('iphone-15-pro-max'), page: 'article', format: 'png', name: 'neutral' },
  { device: d('galaxy-s21'), page: 'chat', format: 'jpeg', name: 'android' },
  { device: d('galaxy-s21'), page: 'settings', format: 'jpeg', name: 'android' },
  { device: d('galaxy-s21'), page: 'feed', format: 'jpeg', name: 'neutral' },
  { device: d('galaxy-s21'), page: 'article', format: 'png', name: 'android' },
  { device: d('pixel-4a'), page: 'chat', dark: true, format: 'png', name: 'android' },
  { device: d('pixel-4a'), page: 'article', format: 'png', name: 'neutral' },
  { device: d('pixel-4a'), page: 'settings', format: 'png', name: 'android' },
  { device: d('ipad-air'), page: 'article', format: 'png', ios: true, name: 'neutral' },
  { device: d('ipad-air'), page: 'dashboard', format: 'png', name: 'neutral' },
  { device: d('full-hd'), page: 'dashboard', format: 'png', name: 'windows' },
  { device: d('full-hd'), page: 'editor', format: 'png', name: 'neutral' },
  { device: d('full-hd'), page: 'article', format: 'jpeg', name: 'neutral' },
  { device: d('laptop-hd'), page: 'dashboard', dark: true, format: 'png', name: 'windows' },
  { device: d('laptop-hd'), page: 'article', format: 'png', name: 'neutral' },
  { device: d('macbook'), page: 'editor', format: 'png', name: 'macos' },
  { device: d('macbook'), page: 'article', format: 'png', name: 'macos' },
  { device: d('macbook'), page: 'dashboard', format: 'png', name: 'neutral' },
  { device: d('qhd'), page: 'dashboard', format: 'png', name: 'neutral' },
  { device: d('qhd'), page: 'article', format: 'jpeg', name: 'windows' },
  { device: d('ultrawide'), page: 'editor', format: 'png', name: 'neutral' },
  { device: d('ultrawide'), page: 'dashboard', format: 'png', name: 'neutral' },
  { device: d('iphone-13'), page: 'article', format: 'png', name: 'neutral', crop: true },
  { device: d('full-hd'), page: 'dashboard', format: 'png', name: 'neutral', crop: true },
  { device: d('macbook'), page: 'editor', format: 'png', name: 'neutral', crop: true },
  { device: d('galaxy-s21'), page: 'chat', format: 'png', name: 'neutral', crop: true },
];

function fileName(shot: Shot, i: number): string {
  const ext = shot.format === 'png' ? 'png' : 'jpg';
  const t = `${String(10 + (i % 12)).padStart(2, '0')}${String(i % 60).padStart(2, '0')}${String((i * 7) % 60).padStart(2, '0')}`;
  switch (shot.name) {
    case 'android':
      return `Screenshot_20240${1 + (i % 9)}12-${t}.${ext}`;
    case 'macos':
      return `Screenshot 2024-03-${String(1 + (i % 28)).padStart(2, '0')} at ${t.slice(0, 2)}.${t.slice(2, 4)}.${t.slice(4)}.${ext}`;
    case 'windows':
      return `Screenshot 2024-05-${String(1 + (i % 28)).padStart(2, '0')} ${t}.${ext}`;
    case 'neutral':
      return `${shot.format === 'png' ? 'image' : 'IMG'}_${String(1000 + i * 37)}.${ext}`;
  }
}

const GROUP_FOR = {
  phone: 'screenshot-phone',
  tablet: 'screenshot-tablet',
  desktop: 'screenshot-desktop',
};

export async function buildScreenshots(dir: string, exif: ExifWriter): Promise<LabelledPhoto[]> {
  const browser = await launchChromium();
  const out: LabelledPhoto[] = [];
  try {
    for (const [i, shot] of SHOTS.entries()) {
      const { device } = shot;
      const context = await browser.newContext({
        viewport: { width: device.width, height: device.height },
        deviceScaleFactor: device.dpr,
        colorScheme: shot.dark ? 'dark' : 'light',
      });
      // Pages are self-contained: anything that tries the network is a bug in the generator.
      await context.route(/^https?:/, (route) => route.abort());
      const page = await context.newPage();
      await page.setContent(html(shot.page, 100 + i, shot.dark ?? false), { waitUntil: 'load' });
      let png = await page.screenshot({ type: 'png' });
      await context.close();
      if (shot.crop) {
        const r = mulberry32(i);
        const meta = await sharp(png).metadata();
        const w = Math.round(meta.width! * (0.45 + r() * 0.3));
        const h = Math.round(meta.height! * (0.3 + r() * 0.3));
        png = await sharp(png)
          .extract({
            left: Math.round((meta.width! - w) * r()),
            top: Math.round((meta.height! - h) * r()),
            width: w,
            height: h,
          })
          .png()
          .toBuffer();
      }
      const file = path.join(dir, fileName(shot, i));
      const bytes =
        shot.format === 'png'
          ? await sharp(png).png({ compressionLevel: 6 }).toBuffer()
          : await sharp(png).jpeg({ quality: 90 }).toBuffer();
      writeFileSync(file, bytes);
      if (shot.ios) await exif.write(file, { UserComment: 'Screenshot' });
      out.push({
        file,
        group: shot.crop ? 'screenshot-cropped' : GROUP_FOR[device.kind],
        note: `${shot.page}${shot.dark ? ' (dark)' : ''} on ${device.name}${shot.ios ? ', iOS comment' : ''}`,
        expect: expectOnly('screenshot'),
      });
    }
  } finally {
    await browser.close();
  }
  return out;
}
