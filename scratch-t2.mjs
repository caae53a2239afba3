import { exiftool } from 'exiftool-vendored';
import fs from 'node:fs';
fs.rmSync('/tmp/scratch-ic', {recursive:true, force:true}); fs.mkdirSync('/tmp/scratch-ic');
const x = '/tmp/scratch-ic/a.jpg.xmp';
await exiftool.write(x, {
  TagsList: ['People/Alice', 'Places/Korea/Seoul'],
  HierarchicalSubject: ['People|Alice', 'Places|Korea|Seoul'],
  Subject: ['Alice', 'Seoul'],
  Rating: 4,
  RegionInfo: { AppliedToDimensions: { W: 640, H: 480, Unit: 'pixel' }, RegionList: [
    { Area: { X: 0.5, Y: 0.5, W: 0.2, H: 0.3, Unit: 'normalized' }, Name: 'Alice', Type: 'Face' },
    { Area: { X: 0.2, Y: 0.2, W: 0.1, H: 0.1, Unit: 'normalized' }, Type: 'Face' },
  ]},
  RegionInfoMP: { Regions: [ { Rectangle: '0.4, 0.35, 0.2, 0.3', PersonDisplayName: 'Alice' } ] },
  Description: 'Lunch in Seoul',
}, { writeArgs: ['-overwrite_original'] });
console.log(fs.readFileSync(x, 'utf8'));
const raw = await exiftool.readRaw(x, { readArgs: ['-G1', '-struct', '-n'], useMWG:false });
console.log(JSON.stringify(raw, null, 1));
await exiftool.end();
