import type { Db } from './connection.js';
import { AlbumsRepo } from './repos/albums.js';
import { FileIssuesRepo } from './repos/file-issues.js';
import { FoldersRepo } from './repos/folders.js';
import { JobsRepo } from './repos/jobs.js';
import { LocationsRepo } from './repos/locations.js';
import { PhotosRepo } from './repos/photos.js';
import { SettingsRepo } from './repos/settings.js';
import { FailuresRepo } from './repos/failures.js';
import { FolderStatsRepo } from './repos/folder-stats.js';
import { TimelineRepo } from './repos/timeline.js';
import { TrashRepo } from './repos/trash.js';
import { FacesRepo } from './repos/faces.js';
import { ObjectsRepo } from './repos/objects.js';
import { PeopleRepo } from './repos/people.js';
import { FaceFeedbackRepo } from './repos/face-feedback.js';
import { CategoriesRepo } from './repos/categories.js';
import { createDiscoveryRepos, type DiscoveryRepos } from './repos/discovery.js';
import { TileNamesRepo } from './repos/tile-names.js';
import { PhotoEditsRepo } from './repos/photo-edits.js';

export { openDatabase, type Db } from './connection.js';

/** Every repository over one connection: the only place SQL lives. */
export interface Repos {
  db: Db;
  folders: FoldersRepo;
  photos: PhotosRepo;
  locations: LocationsRepo;
  fileIssues: FileIssuesRepo;
  albums: AlbumsRepo;
  jobs: JobsRepo;
  settings: SettingsRepo;
  timeline: TimelineRepo;
  trash: TrashRepo;
  failures: FailuresRepo;
  folderStats: FolderStatsRepo;
  objects: ObjectsRepo;
  faces: FacesRepo;
  /** People and faces.person_id (src/people). */
  people: PeopleRepo;
  /** User decisions about faces: confirmations, removals, rejections. */
  faceFeedback: FaceFeedbackRepo;
  /** Search, places, duplicates, memories, OCR text, embeddings. */
  discovery: DiscoveryRepos;
  /** Photo categories: their signals, the results, the user's removals (src/categories). */
  categories: CategoriesRepo;
  /** Place, named people and tags that name grid tiles. */
  tileNames: TileNamesRepo;
  /** Dates and places the user set (catalogue only, never the original). */
  photoEdits: PhotoEditsRepo;
}

export function createRepos(db: Db): Repos {
  return {
    db,
    folders: new FoldersRepo(db),
    photos: new PhotosRepo(db),
    locations: new LocationsRepo(db),
    fileIssues: new FileIssuesRepo(db),
    albums: new AlbumsRepo(db),
    jobs: new JobsRepo(db),
    settings: new SettingsRepo(db),
    timeline: new TimelineRepo(db),
    trash: new TrashRepo(db),
    failures: new FailuresRepo(db),
    folderStats: new FolderStatsRepo(db),
    objects: new ObjectsRepo(db),
    faces: new FacesRepo(db),
    people: new PeopleRepo(db),
    faceFeedback: new FaceFeedbackRepo(db),
    discovery: createDiscoveryRepos(db),
    categories: new CategoriesRepo(db),
    tileNames: new TileNamesRepo(db),
    photoEdits: new PhotoEditsRepo(db),
  };
}
