import { CATEGORIES_SCHEMA } from './categories-schema.js';
import { EDITS_SCHEMA } from './edits-schema.js';
import { IMPORT_SCHEMA } from './import-schema.js';
import { SEARCH_SCHEMA } from './search-schema.js';
import { VIDEOS_MIGRATION } from './migration-videos.js';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

// Migration 6's triggers count a photo in, out, or both (an update moves it between months and
// scopes): one statement each way, written once. Interpolated, the text is byte for byte the SQL
// migration 6 shipped with.
const COUNT_NEW_ROW = `INSERT INTO photo_month_counts (scope, month, n)
          SELECT s, substr(NEW.sort_at, 1, 7), 1 FROM (SELECT 'all' AS s WHERE NEW.trashed_at IS NULL
                UNION ALL SELECT 'favourites' WHERE NEW.favourite = 1 AND NEW.trashed_at IS NULL
                UNION ALL SELECT 'trash' WHERE NEW.trashed_at IS NOT NULL) WHERE true
          ON CONFLICT (scope, month) DO UPDATE SET n = n + 1;`;
const UNCOUNT_OLD_ROW = `UPDATE photo_month_counts SET n = n - 1
          WHERE month = substr(OLD.sort_at, 1, 7) AND (
            (scope = 'all' AND OLD.trashed_at IS NULL)
            OR (scope = 'favourites' AND OLD.favourite = 1 AND OLD.trashed_at IS NULL)
            OR (scope = 'trash' AND OLD.trashed_at IS NOT NULL));`;

// Append only: a shipped migration is never edited, a change is a new entry.
export const migrations: Migration[] = [
  {
    version: 1,
    name: 'library core',
    sql: `
      CREATE TABLE folders (
        id INTEGER PRIMARY KEY,
        path TEXT NOT NULL UNIQUE,
        ai_enabled INTEGER NOT NULL DEFAULT 1,
        online INTEGER NOT NULL DEFAULT 1,
        added_at TEXT NOT NULL,
        last_scan_at TEXT,
        last_scan_ms INTEGER
      );

      -- A photo is a piece of content. Its id is taken from the content hash it was first seen with
      -- and never changes, so edits in place, renames and moves keep favourites, albums and faces.
      CREATE TABLE photos (
        id TEXT PRIMARY KEY,
        content_hash TEXT NOT NULL UNIQUE,
        size INTEGER NOT NULL,
        format TEXT,
        mime TEXT,
        width INTEGER,
        height INTEGER,
        orientation INTEGER,
        taken_at TEXT,
        taken_offset INTEGER,
        taken_source TEXT,
        -- Timeline key: taken_at, else the file time; always set so ordering is total.
        sort_at TEXT NOT NULL,
        make TEXT,
        model TEXT,
        lens TEXT,
        exposure_time REAL,
        f_number REAL,
        iso INTEGER,
        focal_length REAL,
        lat REAL,
        lon REAL,
        alt REAL,
        phash TEXT,
        thumb_width INTEGER,
        thumb_height INTEGER,
        preview_width INTEGER,
        preview_height INTEGER,
        favourite INTEGER NOT NULL DEFAULT 0,
        trashed_at TEXT,
        status TEXT NOT NULL DEFAULT 'pending',
        error TEXT,
        warnings TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE INDEX photos_timeline ON photos (sort_at DESC, id DESC) WHERE trashed_at IS NULL;
      CREATE INDEX photos_status ON photos (status);

      -- Where a photo lives on disk. Two paths with the same content are one photo, two locations.
      CREATE TABLE locations (
        id INTEGER PRIMARY KEY,
        photo_id TEXT NOT NULL REFERENCES photos (id) ON DELETE CASCADE,
        folder_id INTEGER NOT NULL REFERENCES folders (id) ON DELETE CASCADE,
        path TEXT NOT NULL UNIQUE,
        size INTEGER NOT NULL,
        mtime_ms INTEGER NOT NULL,
        first_seen_at TEXT NOT NULL
      );
      CREATE INDEX locations_photo ON locations (photo_id);
      CREATE INDEX locations_folder ON locations (folder_id);

      -- Files seen but not readable at all (permissions, vanished mid-scan): no content, no photo.
      CREATE TABLE file_issues (
        path TEXT PRIMARY KEY,
        folder_id INTEGER NOT NULL REFERENCES folders (id) ON DELETE CASCADE,
        error TEXT NOT NULL,
        seen_at TEXT NOT NULL
      );

      CREATE TABLE albums (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE COLLATE NOCASE,
        description TEXT NOT NULL DEFAULT '',
        cover_photo_id TEXT REFERENCES photos (id) ON DELETE SET NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE TABLE album_photos (
        album_id INTEGER NOT NULL REFERENCES albums (id) ON DELETE CASCADE,
        photo_id TEXT NOT NULL REFERENCES photos (id) ON DELETE CASCADE,
        added_at TEXT NOT NULL,
        PRIMARY KEY (album_id, photo_id)
      );
      CREATE INDEX album_photos_photo ON album_photos (photo_id);

      -- Durable work: one row per photo and stage. Leases name the owning process so a restart can
      -- take back work from a process that died.
      CREATE TABLE jobs (
        id INTEGER PRIMARY KEY,
        photo_id TEXT NOT NULL REFERENCES photos (id) ON DELETE CASCADE,
        stage TEXT NOT NULL,
        status TEXT NOT NULL DEFAULT 'pending',
        priority INTEGER NOT NULL DEFAULT 0,
        attempts INTEGER NOT NULL DEFAULT 0,
        last_error TEXT,
        version TEXT,
        lease_owner TEXT,
        lease_until INTEGER,
        updated_at TEXT NOT NULL,
        UNIQUE (photo_id, stage)
      );
      CREATE INDEX jobs_queue ON jobs (status, priority DESC, id);
      CREATE INDEX jobs_stage ON jobs (stage, status);

      CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      );
    `,
  },
  {
    version: 2,
    name: 'gallery listings',
    sql: `
      -- Favourites and trash page like the timeline: keyset walks over their own partial indexes.
      CREATE INDEX photos_favourites ON photos (sort_at DESC, id DESC)
        WHERE favourite = 1 AND trashed_at IS NULL;
      CREATE INDEX photos_trash ON photos (sort_at DESC, id DESC) WHERE trashed_at IS NOT NULL;
      -- Album pages list an album's photos; the primary key (album_id, photo_id) already serves it.
    `,
  },
  {
    version: 3,
    name: 'ai results: objects and faces',
    sql: `
      -- Objects found in a photo (COCO labels), boxes in oriented original pixels.
      CREATE TABLE photo_objects (
        id INTEGER PRIMARY KEY,
        photo_id TEXT NOT NULL REFERENCES photos (id) ON DELETE CASCADE,
        label TEXT NOT NULL,
        score REAL NOT NULL,
        x REAL NOT NULL,
        y REAL NOT NULL,
        w REAL NOT NULL,
        h REAL NOT NULL
      );
      CREATE INDEX photo_objects_photo ON photo_objects (photo_id);
      CREATE INDEX photo_objects_label ON photo_objects (label, photo_id);

      -- Faces, boxes in oriented original pixels. The id is derived from the photo id and the box,
      -- and kept across re-indexing by matching boxes, so a person assignment survives a new model.
      CREATE TABLE faces (
        id TEXT PRIMARY KEY,
        photo_id TEXT NOT NULL REFERENCES photos (id) ON DELETE CASCADE,
        x REAL NOT NULL,
        y REAL NOT NULL,
        w REAL NOT NULL,
        h REAL NOT NULL,
        score REAL NOT NULL,
        quality REAL NOT NULL,
        size_px REAL NOT NULL,
        blur REAL NOT NULL,
        -- 68 landmark points as float32 x,y pairs, oriented original pixels.
        landmarks BLOB,
        -- float32[128], L2-normalised dlib descriptor.
        embedding BLOB NOT NULL,
        model_version TEXT NOT NULL,
        person_id INTEGER,
        created_at TEXT NOT NULL
      );
      CREATE INDEX faces_photo ON faces (photo_id);
      CREATE INDEX faces_person ON faces (person_id);
    `,
  },
  {
    version: 4,
    name: 'search and discovery',
    // Full-text documents, per-photo tags, places, duplicate signatures, embeddings and the
    // indexes of the search box's filters: see search-schema.ts.
    sql: SEARCH_SCHEMA,
  },
  {
    version: 5,
    name: 'search covering indexes',
    sql: `
      -- A search that starts from a person reads photo ids straight from the index instead of
      -- visiting every face row (measured: about 2x faster at 100k photos).
      CREATE INDEX faces_person_photo ON faces (person_id, photo_id);
    `,
  },
  {
    version: 6,
    name: 'timeline month counts',
    sql: `
      -- Photos per month for the timeline, favourites and trash, kept by triggers so the month
      -- buckets (which size the whole timeline and its scrubber) cost a few hundred rows to read
      -- instead of a GROUP BY over every photo (~30 ms at 100k, measured). Rows may reach n = 0.
      CREATE TABLE photo_month_counts (
        scope TEXT NOT NULL,
        month TEXT NOT NULL,
        n INTEGER NOT NULL,
        PRIMARY KEY (scope, month)
      ) WITHOUT ROWID;

      INSERT INTO photo_month_counts (scope, month, n)
        SELECT 'all', substr(sort_at, 1, 7), COUNT(*) FROM photos WHERE trashed_at IS NULL GROUP BY 2;
      INSERT INTO photo_month_counts (scope, month, n)
        SELECT 'favourites', substr(sort_at, 1, 7), COUNT(*) FROM photos
        WHERE favourite = 1 AND trashed_at IS NULL GROUP BY 2;
      INSERT INTO photo_month_counts (scope, month, n)
        SELECT 'trash', substr(sort_at, 1, 7), COUNT(*) FROM photos WHERE trashed_at IS NOT NULL GROUP BY 2;

      CREATE TRIGGER photos_month_counts_insert AFTER INSERT ON photos BEGIN
        ${COUNT_NEW_ROW}
      END;

      CREATE TRIGGER photos_month_counts_delete AFTER DELETE ON photos BEGIN
        ${UNCOUNT_OLD_ROW}
      END;

      CREATE TRIGGER photos_month_counts_update AFTER UPDATE OF sort_at, favourite, trashed_at ON photos
      WHEN OLD.sort_at IS NOT NEW.sort_at OR OLD.favourite IS NOT NEW.favourite
        OR (OLD.trashed_at IS NULL) <> (NEW.trashed_at IS NULL)
      BEGIN
        ${UNCOUNT_OLD_ROW}
        ${COUNT_NEW_ROW}
      END;
    `,
  },
  {
    version: 7,
    name: 'timeline month versions',
    sql: `
      -- A counter per month that moves whenever anything the timeline shows of a photo in that
      -- month changes. The server caches timeline pages under it: a page is reused until its
      -- month changes, so indexing one folder leaves every other month's pages cached.
      CREATE TABLE photo_month_versions (
        month TEXT PRIMARY KEY,
        version INTEGER NOT NULL
      ) WITHOUT ROWID;

      CREATE TRIGGER photos_month_versions_insert AFTER INSERT ON photos BEGIN
        INSERT INTO photo_month_versions (month, version) VALUES (substr(NEW.sort_at, 1, 7), 1)
          ON CONFLICT (month) DO UPDATE SET version = version + 1;
      END;

      CREATE TRIGGER photos_month_versions_delete AFTER DELETE ON photos BEGIN
        INSERT INTO photo_month_versions (month, version) VALUES (substr(OLD.sort_at, 1, 7), 1)
          ON CONFLICT (month) DO UPDATE SET version = version + 1;
      END;

      CREATE TRIGGER photos_month_versions_update
      AFTER UPDATE OF sort_at, content_hash, width, height, thumb_width, thumb_height, favourite,
        trashed_at, status ON photos
      BEGIN
        INSERT INTO photo_month_versions (month, version) VALUES (substr(OLD.sort_at, 1, 7), 1)
          ON CONFLICT (month) DO UPDATE SET version = version + 1;
        INSERT INTO photo_month_versions (month, version) VALUES (substr(NEW.sort_at, 1, 7), 1)
          ON CONFLICT (month) DO UPDATE SET version = version + 1;
      END;
    `,
  },
  {
    version: 8,
    name: 'people',
    sql: `
      -- People: groups of faces (faces.person_id). Ids are never reused (AUTOINCREMENT), so a
      -- bookmarked person never becomes somebody else. A merged person stays as an alias
      -- (merged_into) so old links still resolve.
      CREATE TABLE people (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        name TEXT,
        hidden INTEGER NOT NULL DEFAULT 0,
        -- The face the user chose to show; NULL = the best face, picked automatically.
        cover_face_id TEXT,
        merged_into INTEGER REFERENCES people (id),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE INDEX people_live ON people (merged_into, id);

      -- What the user decided about faces: constraints every clustering pass keeps.
      -- confirmed: this face IS person_id; removed: not a face / ignore it (never clustered).
      -- Face ids survive re-indexing (FacesRepo keeps them by box), so no foreign key to faces:
      -- a detection replaced by a new model must not take the user's decision with it.
      CREATE TABLE face_feedback (
        face_id TEXT PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('confirmed', 'removed')),
        person_id INTEGER REFERENCES people (id) ON DELETE CASCADE,
        at TEXT NOT NULL
      );
      CREATE INDEX face_feedback_person ON face_feedback (person_id);

      -- "Not this person": per face, remembered forever (rejected suggestions included).
      CREATE TABLE face_rejections (
        face_id TEXT NOT NULL,
        person_id INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,
        at TEXT NOT NULL,
        PRIMARY KEY (face_id, person_id)
      ) WITHOUT ROWID;
      CREATE INDEX face_rejections_person ON face_rejections (person_id);
    `,
  },
  {
    version: 9,
    name: 'text in photos by substring',
    sql: `
      -- OCR often glues words together ("WelcometoLisbon"): a trigram index finds "lisbon" inside
      -- them. Kept in step with photo_text by triggers; photo_id is stored, not indexed.
      CREATE VIRTUAL TABLE ocr_trigram USING fts5 (
        photo_id UNINDEXED, text, tokenize = 'trigram remove_diacritics 1'
      );
      CREATE TRIGGER ocr_trigram_insert AFTER INSERT ON photo_text BEGIN
        INSERT INTO ocr_trigram (photo_id, text) VALUES (NEW.photo_id, NEW.text);
      END;
      CREATE TRIGGER ocr_trigram_update AFTER UPDATE ON photo_text BEGIN
        DELETE FROM ocr_trigram WHERE photo_id = OLD.photo_id;
        INSERT INTO ocr_trigram (photo_id, text) VALUES (NEW.photo_id, NEW.text);
      END;
      CREATE TRIGGER ocr_trigram_delete AFTER DELETE ON photo_text BEGIN
        DELETE FROM ocr_trigram WHERE photo_id = OLD.photo_id;
      END;
      INSERT INTO ocr_trigram (photo_id, text) SELECT photo_id, text FROM photo_text;
    `,
  },
  {
    version: 10,
    name: 'job counts kept by triggers',
    sql: `
      -- Progress is shown live (the sidebar, the CLI's bars) and was a GROUP BY over every job:
      -- ~100 ms a time at 100k photos, on the thread that answers requests. The counts are now kept
      -- as jobs change, and reading them costs nothing.
      CREATE TABLE job_counts (
        stage TEXT NOT NULL,
        status TEXT NOT NULL,
        n INTEGER NOT NULL,
        PRIMARY KEY (stage, status)
      ) WITHOUT ROWID;
      INSERT INTO job_counts (stage, status, n)
        SELECT stage, status, COUNT(*) FROM jobs GROUP BY stage, status;
      CREATE TRIGGER job_counts_insert AFTER INSERT ON jobs BEGIN
        INSERT INTO job_counts (stage, status, n) VALUES (NEW.stage, NEW.status, 1)
          ON CONFLICT (stage, status) DO UPDATE SET n = n + 1;
      END;
      CREATE TRIGGER job_counts_delete AFTER DELETE ON jobs BEGIN
        UPDATE job_counts SET n = n - 1 WHERE stage = OLD.stage AND status = OLD.status;
      END;
      CREATE TRIGGER job_counts_update AFTER UPDATE OF stage, status ON jobs
        WHEN OLD.stage IS NOT NEW.stage OR OLD.status IS NOT NEW.status BEGIN
        UPDATE job_counts SET n = n - 1 WHERE stage = OLD.stage AND status = OLD.status;
        INSERT INTO job_counts (stage, status, n) VALUES (NEW.stage, NEW.status, 1)
          ON CONFLICT (stage, status) DO UPDATE SET n = n + 1;
      END;
    `,
  },
  VIDEOS_MIGRATION,
  {
    version: 12,
    name: 'photo categories',
    // Categories per photo with score and reason, the signals they are recomputed from, and
    // the user's removals: see categories-schema.ts.
    sql: CATEGORIES_SCHEMA,
  },
  {
    version: 13,
    name: 'moving in: sidecars, descriptions, ratings, keywords, imported names',
    // Google Takeout and other programs' XMP: see import-schema.ts.
    sql: IMPORT_SCHEMA,
  },
  {
    version: 14,
    name: 'dates and places set by the user, tile names in cached pages, undoable rejections',
    // photo_edits, undoable face rejections, month counters for tile names: see edits-schema.ts.
    sql: EDITS_SCHEMA,
  },
  {
    version: 15,
    name: 'folder counts by distinct photo',
    // [Note: folder counts agree with the gallery] in repos/folder-stats.ts: the photos of each
    // folder, a photo once however many copies it has there, counted from this index alone. It
    // replaces locations_folder (its first column serves every lookup by folder).
    sql: `
      CREATE INDEX locations_folder_photo ON locations (folder_id, photo_id);
      DROP INDEX locations_folder;
    `,
  },
];
