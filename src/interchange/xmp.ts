// XMP sidecars: people names and tags written next to originals, only when the user asks. The
// original file is never opened for writing; a sidecar someone else wrote is never overwritten.

export interface SidecarFace {
  name: string;
  /** x, y, w, h in displayed-photo pixels (EXIF orientation applied). */
  box: [number, number, number, number];
}

export interface SidecarInput {
  tags: string[];
  faces: SidecarFace[];
  /** Displayed size. */
  width: number;
  height: number;
  /** EXIF orientation of the original (1–8, null = 1). */
  orientation: number | null;
}

/** Marks a sidecar as Picto's: only such files are ever replaced. */
export const PICTO_MARK = 'picto:Sidecar="1"';

function esc(s: string): string {
  return (
    s
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      // XML 1.0 forbids most control characters even escaped; matching them is the point here.
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '')
  );
}

/**
 * Maps a normalised point of the displayed image back to the stored pixels. MWG regions describe
 * the image as stored (tools rotate them when they rotate pixels), so faces found on the upright
 * image are turned back by the file's orientation.
 */
export function toStored(x: number, y: number, orientation: number | null): [number, number] {
  switch (orientation) {
    case 2:
      return [1 - x, y];
    case 3:
      return [1 - x, 1 - y];
    case 4:
      return [x, 1 - y];
    case 5:
      return [y, x];
    case 6:
      return [y, 1 - x];
    case 7:
      return [1 - y, 1 - x];
    case 8:
      return [1 - y, x];
    default:
      return [x, y];
  }
}

function r(v: number): string {
  return (Math.round(v * 1e6) / 1e6).toString();
}

function bag(items: string[]): string {
  return `<rdf:Bag>${items.map((i) => `<rdf:li>${esc(i)}</rdf:li>`).join('')}</rdf:Bag>`;
}

/** Builds the sidecar document: dc:subject tags, IPTC PersonInImage, MWG face regions. */
export function buildSidecar(input: SidecarInput): string {
  const swap = (input.orientation ?? 1) >= 5;
  const storedW = swap ? input.height : input.width;
  const storedH = swap ? input.width : input.height;
  const names = [...new Set(input.faces.map((f) => f.name))].sort();
  const regions = input.faces.map((f) => {
    const [bx, by, bw, bh] = f.box;
    const cx = (bx + bw / 2) / input.width;
    const cy = (by + bh / 2) / input.height;
    const [sx, sy] = toStored(cx, cy, input.orientation);
    const w = swap ? bh / input.height : bw / input.width;
    const h = swap ? bw / input.width : bh / input.height;
    return (
      `<rdf:li rdf:parseType="Resource"><mwg-rs:Name>${esc(f.name)}</mwg-rs:Name>` +
      `<mwg-rs:Type>Face</mwg-rs:Type><mwg-rs:Area stArea:x="${r(sx)}" stArea:y="${r(sy)}" ` +
      `stArea:w="${r(w)}" stArea:h="${r(h)}" stArea:unit="normalized"/></rdf:li>`
    );
  });
  const lines = [
    '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>',
    '<x:xmpmeta xmlns:x="adobe:ns:meta/" x:xmptk="Picto">',
    '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">',
    '<rdf:Description rdf:about=""',
    ' xmlns:xmp="http://ns.adobe.com/xap/1.0/"',
    ' xmlns:dc="http://purl.org/dc/elements/1.1/"',
    ' xmlns:Iptc4xmpExt="http://iptc.org/std/Iptc4xmpExt/2008-02-29/"',
    ' xmlns:mwg-rs="http://www.metadataworkinggroup.com/schemas/regions/"',
    ' xmlns:stArea="http://ns.adobe.com/xmp/sType/Area#"',
    ' xmlns:stDim="http://ns.adobe.com/xap/1.0/sType/Dimensions#"',
    ' xmlns:picto="https://picto.local/ns/1.0/"',
    ` xmp:CreatorTool="Picto" ${PICTO_MARK}>`,
  ];
  if (input.tags.length) lines.push(`<dc:subject>${bag([...input.tags].sort())}</dc:subject>`);
  if (names.length)
    lines.push(`<Iptc4xmpExt:PersonInImage>${bag(names)}</Iptc4xmpExt:PersonInImage>`);
  if (regions.length) {
    lines.push(
      '<mwg-rs:Regions rdf:parseType="Resource">',
      `<mwg-rs:AppliedToDimensions stDim:w="${storedW}" stDim:h="${storedH}" stDim:unit="pixel"/>`,
      `<mwg-rs:RegionList><rdf:Bag>${regions.join('')}</rdf:Bag></mwg-rs:RegionList>`,
      '</mwg-rs:Regions>',
    );
  }
  lines.push('</rdf:Description>', '</rdf:RDF>', '</x:xmpmeta>', '<?xpacket end="w"?>', '');
  return lines.join('\n');
}
