// Front door for moving in: the readers of Google Takeout and of other tools' XMP, the face-name
// matcher, and the pure sidecar writer. Nothing here touches the catalogue, so the indexing
// workers may import it; the services that do (SidecarService, ExportService) are imported from
// their own files by the shells. The README beside this file says how the pieces fit.

export { readTakeoutFolder, hasJsonFiles, MAX_JSON_BYTES } from './takeout/folder.js';
export {
  resolveTakeoutFolder,
  type FolderListing,
  type FolderResolution,
  type SidecarMatch,
} from './takeout/resolve.js';
export {
  parseTakeoutJson,
  type GeoPoint,
  type TakeoutAlbum,
  type TakeoutJson,
  type TakeoutPhoto,
} from './takeout/parse.js';
export {
  fileDateIsWeak,
  mergeTakeout,
  takeoutPlace,
  type FileFacts,
  type TakeoutField,
  type TakeoutFill,
} from './takeout/merge.js';
export { localTimeAt, systemZone, type LocalTime, type ZoneLookup } from './takeout/local-time.js';
export { zoneAt } from './takeout/tz-lookup.js';
export {
  isYearFolder,
  sidecarCandidates,
  EDITED_SUFFIXES,
  type MatchRule,
} from './takeout/names.js';

export {
  readPhotoInterchange,
  readInterchangeFile,
  combineInterchange,
  INTERCHANGE_READ_ARGS,
  type PhotoInterchange,
} from './xmp-read/read.js';
export { mapInterchangeTags, type InterchangeMetadata, type Shape } from './xmp-read/map.js';
export type { Keyword } from './xmp-read/keywords.js';
export { withBoxes, type Region } from './xmp-read/regions.js';
export {
  sidecarsInFolder,
  isPictoMergeCopy,
  MERGE_COPY_SUFFIX,
  type SidecarFiles,
} from './xmp-read/sidecar-files.js';
export { mayHoldXmpOrIptc } from './xmp-read/hint.js';
export { isCameraJunk, pickDescription } from './xmp-read/camera-junk.js';

export {
  matchFaceNames,
  MATCH_MIN_IOU,
  type FaceName,
  type FaceToName,
  type MatchResult,
  type NamedRect,
} from './faces-match.js';
export {
  boxToRect,
  rectToBox,
  storedToDisplayed,
  displayedToStored,
  type Box,
  type NormRect,
} from './geometry.js';

export { buildSidecar, sidecarModel, type SidecarInput, type SidecarFace } from './xmp.js';
export { sidecarOwnership, type Ownership } from './ownership.js';
export { openExifTool, withExifTool } from './exiftool-session.js';
export type { ImportReport } from './report.js';
export { readPhotoSidecars, type PhotoSidecarData } from './read-photo.js';
