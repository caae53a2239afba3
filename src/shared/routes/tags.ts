/** The API's sections, in the order the OpenAPI document lists them. */
export const TAGS = {
  timeline: 'The whole library as pages and month counts, newest first',
  photos: "One photo's details",
  files: 'Image bytes: thumbnails, previews and originals',
  videos: 'Playing videos and Live Photos: the stream a browser plays, hover previews',
  favourites: 'Marking photos, and listing the marked ones',
  albums: 'Albums and their photos',
  trash: 'Photos set aside, restored, or deleted for good',
  folders: 'The folders the library watches, their scans and failures',
  jobs: 'Indexing progress, pausing and retrying',
  events: 'Server-sent events: progress and library changes',
  system: 'Version, library location and totals',
  search: 'One query over people, things, places, dates and words; what was found in photos',
  places: 'Where photos were taken (offline reverse geocoding)',
  map: 'Photos with a position, clustered for a map view',
  duplicates: 'Photos showing the same picture, for review',
  memories: 'On this day, and trips away from home',
  people: 'Faces grouped into people, corrections, find by face',
  categories: 'What kind of photo: screenshots, documents, selfies, panoramas, night, groups…',
  work: 'For remote workers (`picto worker`): the queue, versions and originals; token always needed',
} as const;

export type Tag = keyof typeof TAGS;
