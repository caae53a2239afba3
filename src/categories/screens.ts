// Screen sizes in device pixels (portrait for phones and tablets, landscape for desktops): a file
// of exactly one of these sizes was probably captured from a screen. Facts from the makers'
// specifications; a size is matched within 2 px either way round (CSS sizes times a fractional
// device-pixel ratio round either way).

const PHONES: [number, number][] = [
  // iPhone: SE 1st gen, 6–8/SE, Plus, X/XS/11 Pro, XR/11, XS Max/11 Pro Max, 12/13 mini,
  // 12–14, 12/13 Pro Max/14 Plus, 14 Pro/15/16, 14 Pro Max/15 Plus/16 Plus, 16 Pro, 16 Pro Max.
  [640, 1136],
  [750, 1334],
  [1242, 2208],
  [1125, 2436],
  [828, 1792],
  [1242, 2688],
  [1080, 2340],
  [1170, 2532],
  [1284, 2778],
  [1179, 2556],
  [1290, 2796],
  [1206, 2622],
  [1320, 2868],
  // Android: HD+, FHD and FHD+ panels in their common heights, QHD+ ones, Pixel sizes.
  [720, 1280],
  [720, 1520],
  [720, 1560],
  [720, 1600],
  [1080, 1920],
  [1080, 2160],
  [1080, 2220],
  [1080, 2280],
  [1080, 2310],
  [1080, 2400],
  [1080, 2408],
  [1080, 2412],
  [1080, 2424],
  [1080, 2460],
  [1440, 2560],
  [1440, 2880],
  [1440, 2960],
  [1440, 3040],
  [1440, 3088],
  [1440, 3120],
  [1440, 3200],
  [1344, 2992],
  [1280, 2856],
  [1260, 2800],
];

const TABLETS: [number, number][] = [
  [768, 1024],
  [1536, 2048],
  [1620, 2160],
  [1640, 2360],
  [1668, 2224],
  [1668, 2388],
  [1488, 2266],
  [2048, 2732],
  [2064, 2752],
  [800, 1280],
  [1200, 1920],
  [1600, 2560],
  [1752, 2800],
];

const DESKTOPS: [number, number][] = [
  [1280, 720],
  [1280, 800],
  [1280, 1024],
  [1360, 768],
  [1366, 768],
  [1440, 900],
  [1536, 864],
  [1600, 900],
  [1680, 1050],
  [1920, 1080],
  [1920, 1200],
  [2256, 1504],
  [2560, 1080],
  [2560, 1440],
  [2560, 1600],
  [2560, 1664],
  [2736, 1824],
  [2880, 1800],
  [2880, 1864],
  [3024, 1964],
  [3440, 1440],
  [3456, 2234],
  [3840, 1600],
  [3840, 2160],
  [5120, 2880],
];

export type ScreenKind = 'phone' | 'tablet' | 'desktop';

const near = (a: number, b: number) => Math.abs(a - b) <= 2;

/**
 * The kind of screen whose full size this is, or null. A size in the orientation the list gives
 * wins over a turned one: 1920×1080 is a desktop, 1080×1920 a phone (both lists hold the shape).
 */
export function screenSize(width: number, height: number): ScreenKind | null {
  const lists: [ScreenKind, [number, number][]][] = [
    ['phone', PHONES],
    ['tablet', TABLETS],
    ['desktop', DESKTOPS],
  ];
  for (const turned of [false, true]) {
    const [a, b] = turned ? [height, width] : [width, height];
    for (const [kind, sizes] of lists) {
      if (sizes.some(([w, h]) => near(a, w) && near(b, h))) return kind;
    }
  }
  return null;
}

/**
 * A phone screen's width with a taller height: a scrolling ("long") screenshot. Only for shapes
 * no camera makes (taller than 2.2:1), since 1080 and 1440 are common photo widths too.
 */
export function longPhoneCapture(width: number, height: number): boolean {
  if (height < width * 2.2) return false;
  return PHONES.some(([w]) => near(width, w));
}
