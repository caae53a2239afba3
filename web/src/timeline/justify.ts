/** One photo placed in a row: horizontal position and width in pixels. */
export interface Box {
  index: number;
  x: number;
  width: number;
}

export interface Row {
  boxes: Box[];
  height: number;
}

// Very wide panoramas or very tall strips would make a row absurd; they are laid out as if less
// extreme and shown cropped (object-fit: cover) inside their box.
const MIN_ASPECT = 0.5;
const MAX_ASPECT = 3;

export function clampAspect(width: number | null, height: number | null): number {
  if (!width || !height) return 4 / 3;
  return Math.min(MAX_ASPECT, Math.max(MIN_ASPECT, width / height));
}

/**
 * Justified rows (the layout of Google Photos or Flickr): photos keep their shape and every full
 * row spans the width exactly. Greedy, but each row break picks whichever of "with" or "without"
 * the next photo lands closer to the target height. The last row keeps the target height and is
 * left-aligned instead of being blown up.
 */
export function justify(aspects: number[], width: number, target: number, gap: number): Row[] {
  const rows: Row[] = [];
  let start = 0;
  let sum = 0;
  const usable = (n: number) => width - (n - 1) * gap;
  for (let i = 0; i < aspects.length; i++) {
    sum += aspects[i];
    const n = i - start + 1;
    if (sum * target + (n - 1) * gap < width) continue;
    const withIt = usable(n) / sum;
    const withoutIt = n > 1 ? usable(n - 1) / (sum - aspects[i]) : Infinity;
    if (Math.abs(withoutIt - target) < Math.abs(withIt - target) && withoutIt < target * 1.6) {
      rows.push(place(aspects, start, i, width, withoutIt, gap, true));
      start = i;
      sum = aspects[i];
    } else {
      rows.push(place(aspects, start, i + 1, width, withIt, gap, true));
      start = i + 1;
      sum = 0;
    }
  }
  if (start < aspects.length) {
    const h = Math.min(target, usable(aspects.length - start) / sum);
    rows.push(place(aspects, start, aspects.length, width, h, gap, false));
  }
  return rows;
}

function place(
  aspects: number[],
  from: number,
  to: number,
  width: number,
  h: number,
  gap: number,
  fill: boolean,
): Row {
  const boxes: Box[] = [];
  let x = 0;
  for (let i = from; i < to; i++) {
    const exact = aspects[i] * h;
    // Round positions, not widths, so rounding errors never accumulate along the row.
    const left = Math.round(x);
    const right = fill && i === to - 1 ? width : Math.round(x + exact);
    boxes.push({ index: i, x: left, width: Math.max(1, right - left) });
    x += exact + gap;
  }
  return { boxes, height: Math.round(h) };
}
