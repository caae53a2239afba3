// Writing EXIF into the set's copies with exiftool (exiftool-vendored's own perl child, ended by
// close()). Only ever files in the set's temp directory.

import { ExifTool, type WriteTags } from 'exiftool-vendored';

export interface ExifWriter {
  write(file: string, tags: Record<string, unknown>): Promise<void>;
  close(): Promise<void>;
}

export function exifWriter(): ExifWriter {
  const et = new ExifTool({ maxProcs: 1, taskTimeoutMillis: 30_000 });
  return {
    async write(file, tags) {
      await et.write(file, tags as WriteTags, { writeArgs: ['-overwrite_original'] });
    },
    close: () => et.end(),
  };
}

export interface CameraProfile {
  Make: string;
  Model: string;
  LensMake?: string;
  LensModel?: string;
  Software?: string;
  FocalLength?: number;
  FNumber?: number;
}

/** Real phone and camera strings (Apple and Google name the front camera in LensModel). */
export const CAMERAS = {
  iphone12Back: {
    Make: 'Apple',
    Model: 'iPhone 12',
    LensMake: 'Apple',
    LensModel: 'iPhone 12 back dual wide camera 4.2mm f/1.6',
    Software: '17.1.2',
    FocalLength: 4.2,
    FNumber: 1.6,
  },
  iphone12Front: {
    Make: 'Apple',
    Model: 'iPhone 12',
    LensMake: 'Apple',
    LensModel: 'iPhone 12 front camera 2.71mm f/2.2',
    Software: '17.1.2',
    FocalLength: 2.71,
    FNumber: 2.2,
  },
  iphoneXFront: {
    Make: 'Apple',
    Model: 'iPhone X',
    LensMake: 'Apple',
    LensModel: 'iPhone X front TrueDepth camera 2.87mm f/2.2',
    Software: '16.7.2',
    FocalLength: 2.87,
    FNumber: 2.2,
  },
  iphoneXBack: {
    Make: 'Apple',
    Model: 'iPhone X',
    LensMake: 'Apple',
    LensModel: 'iPhone X back dual camera 4mm f/1.8',
    Software: '16.7.2',
    FocalLength: 4,
    FNumber: 1.8,
  },
  pixelFront: {
    Make: 'Google',
    Model: 'Pixel 8 Pro',
    LensMake: 'Google',
    LensModel: 'Pixel 8 Pro front camera 2.74mm f/2.2',
    Software: 'HDR+ 1.0.584675418zd',
    FocalLength: 2.74,
    FNumber: 2.2,
  },
  pixelBack: {
    Make: 'Google',
    Model: 'Pixel 8 Pro',
    LensMake: 'Google',
    LensModel: 'Pixel 8 Pro back camera 6.9mm f/1.68',
    Software: 'HDR+ 1.0.584675418zd',
    FocalLength: 6.9,
    FNumber: 1.68,
  },
  canon: {
    Make: 'Canon',
    Model: 'Canon EOS 80D',
    LensModel: 'EF-S18-135mm f/3.5-5.6 IS USM',
    FocalLength: 35,
    FNumber: 5.6,
  },
  galaxy: { Make: 'samsung', Model: 'SM-G991B', FocalLength: 5.4, FNumber: 1.8 },
} satisfies Record<string, CameraProfile>;

/** Camera EXIF for a capture: the profile, exposure, the local time and offset, GPS if given. */
export function captureTags(
  camera: CameraProfile,
  o: {
    local: string; // "2024:06:21 14:05:00"
    offset?: string; // "+02:00"
    iso?: number;
    exposure?: number; // seconds
    gps?: { lat: number; lon: number };
  },
): Record<string, unknown> {
  const tags: Record<string, unknown> = {
    ...camera,
    DateTimeOriginal: o.local,
    CreateDate: o.local,
    ISO: o.iso ?? 64,
    ExposureTime: o.exposure ?? 1 / 250,
  };
  if (o.offset) tags.OffsetTimeOriginal = o.offset;
  if (o.gps) {
    // Signed values: exiftool-vendored derives the N/S and E/W references from the sign.
    tags.GPSLatitude = o.gps.lat;
    tags.GPSLatitudeRef = o.gps.lat >= 0 ? 'N' : 'S';
    tags.GPSLongitude = o.gps.lon;
    tags.GPSLongitudeRef = o.gps.lon >= 0 ? 'E' : 'W';
  }
  return tags;
}
