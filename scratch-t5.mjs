import { exiftool } from 'exiftool-vendored';
import fs from 'node:fs';
const f = '/tmp/scratch-ic/p.jpg';
fs.copyFileSync('/work/shared/corpus/faces/face_recognition/two_people.jpg', f);
await exiftool.write(f, {
  'IPTC:Keywords': ['beach', 'family'], 'IPTC:Caption-Abstract': 'At the beach',
  LastKeywordXMP: ['People/Ana', 'Places/Busan'], CatalogSets: ['People|Ana'],
  'XPKeywords': 'one;two', 'IFD0:Rating': 3, 'XMP-microsoft:RatingPercent': 50,
  'Orientation#': 6, ImageDescription: 'SONY DSC',
}, { writeArgs: ['-overwrite_original'] });
const raw = await exiftool.readRaw(f, { readArgs: ['-G1', '-struct', '-n', '-XMP:all', '-IPTC:all', '-IFD0:all', '-File:ImageWidth', '-File:ImageHeight'], useMWG:false });
console.log(JSON.stringify(raw, null, 1));
await exiftool.end();
