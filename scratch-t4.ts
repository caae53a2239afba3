import { zoneAt } from './src/interchange/takeout/tz-lookup.js';
import { localTimeAt } from './src/interchange/takeout/local-time.js';
console.log(zoneAt(37.5665, 126.978), zoneAt(0,0), zoneAt(43.467, 11.885), zoneAt(999, 0));
console.log(localTimeAt('2008-10-22T14:28:39Z', {lat:43.467,lon:11.885}, zoneAt));
console.log(localTimeAt('2020-01-15T12:00:00Z', null, zoneAt));
console.log(localTimeAt('2020-07-01T12:00:00Z', {lat:40.7,lon:-74}, zoneAt));
