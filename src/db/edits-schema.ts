// Schema of migration 14 in migrations.ts (issue 16): dates and places the user set, rejections
// that can be taken back, and grid pages that follow tile names. Kept in its own file so the
// migration list stays readable; like every migration, this text is frozen once shipped.

export const EDITS_SCHEMA = `
      -- A date or place the user set in Picto. It lives here, never in the original file, and wins
      -- over what the file says wherever photos.taken_at / lat / lon are read (they hold the user's
      -- values; the media stage re-reading a file writes the file's values to file_* instead).
      -- file_*: what the file itself says, so an edit can be taken back and the export tells both.
      CREATE TABLE photo_edits (
        photo_id TEXT PRIMARY KEY REFERENCES photos (id) ON DELETE CASCADE,
        date_set INTEGER NOT NULL DEFAULT 0,
        taken_at TEXT,
        taken_offset INTEGER,
        place_set INTEGER NOT NULL DEFAULT 0,
        lat REAL,
        lon REAL,
        file_taken_at TEXT,
        file_taken_offset INTEGER,
        file_taken_source TEXT,
        file_sort_at TEXT,
        file_lat REAL,
        file_lon REAL,
        file_alt REAL,
        edited_at TEXT NOT NULL
      );

      -- "Not this person" can be taken back exactly: whether the face was in the person, and
      -- confirmed there, when it was rejected.
      ALTER TABLE face_rejections ADD COLUMN was_member INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE face_rejections ADD COLUMN was_confirmed INTEGER NOT NULL DEFAULT 0;

      -- Grid tiles are named by their place, named people and tags (TimelineItem), and timeline
      -- pages are cached under their month's counter (migration 7): those changes move it too.
      CREATE TRIGGER photo_tags_month_insert AFTER INSERT ON photo_tags BEGIN
        INSERT INTO photo_month_versions (month, version)
          SELECT substr(sort_at, 1, 7), 1 FROM photos WHERE id = NEW.photo_id
          ON CONFLICT (month) DO UPDATE SET version = version + 1;
      END;
      CREATE TRIGGER photo_tags_month_update AFTER UPDATE OF score ON photo_tags BEGIN
        INSERT INTO photo_month_versions (month, version)
          SELECT substr(sort_at, 1, 7), 1 FROM photos WHERE id = NEW.photo_id
          ON CONFLICT (month) DO UPDATE SET version = version + 1;
      END;
      CREATE TRIGGER photo_tags_month_delete AFTER DELETE ON photo_tags BEGIN
        INSERT INTO photo_month_versions (month, version)
          SELECT substr(sort_at, 1, 7), 1 FROM photos WHERE id = OLD.photo_id
          ON CONFLICT (month) DO UPDATE SET version = version + 1;
      END;
      CREATE TRIGGER photo_places_month_insert AFTER INSERT ON photo_places BEGIN
        INSERT INTO photo_month_versions (month, version)
          SELECT substr(sort_at, 1, 7), 1 FROM photos WHERE id = NEW.photo_id
          ON CONFLICT (month) DO UPDATE SET version = version + 1;
      END;
      CREATE TRIGGER photo_places_month_update AFTER UPDATE OF city, region, country ON photo_places
      WHEN OLD.city IS NOT NEW.city OR OLD.region IS NOT NEW.region OR OLD.country IS NOT NEW.country
      BEGIN
        INSERT INTO photo_month_versions (month, version)
          SELECT substr(sort_at, 1, 7), 1 FROM photos WHERE id = NEW.photo_id
          ON CONFLICT (month) DO UPDATE SET version = version + 1;
      END;
      CREATE TRIGGER photo_places_month_delete AFTER DELETE ON photo_places BEGIN
        INSERT INTO photo_month_versions (month, version)
          SELECT substr(sort_at, 1, 7), 1 FROM photos WHERE id = OLD.photo_id
          ON CONFLICT (month) DO UPDATE SET version = version + 1;
      END;
      -- Only named people name tiles: clustering moving unnamed faces costs two lookups a face.
      CREATE TRIGGER faces_month_person AFTER UPDATE OF person_id ON faces
      WHEN OLD.person_id IS NOT NEW.person_id AND EXISTS
        (SELECT 1 FROM people WHERE id IN (OLD.person_id, NEW.person_id) AND name IS NOT NULL)
      BEGIN
        INSERT INTO photo_month_versions (month, version)
          SELECT substr(sort_at, 1, 7), 1 FROM photos WHERE id = NEW.photo_id
          ON CONFLICT (month) DO UPDATE SET version = version + 1;
      END;
      CREATE TRIGGER faces_month_insert AFTER INSERT ON faces
      WHEN NEW.person_id IS NOT NULL AND EXISTS
        (SELECT 1 FROM people WHERE id = NEW.person_id AND name IS NOT NULL)
      BEGIN
        INSERT INTO photo_month_versions (month, version)
          SELECT substr(sort_at, 1, 7), 1 FROM photos WHERE id = NEW.photo_id
          ON CONFLICT (month) DO UPDATE SET version = version + 1;
      END;
      CREATE TRIGGER faces_month_delete AFTER DELETE ON faces
      WHEN OLD.person_id IS NOT NULL AND EXISTS
        (SELECT 1 FROM people WHERE id = OLD.person_id AND name IS NOT NULL)
      BEGIN
        INSERT INTO photo_month_versions (month, version)
          SELECT substr(sort_at, 1, 7), 1 FROM photos WHERE id = OLD.photo_id
          ON CONFLICT (month) DO UPDATE SET version = version + 1;
      END;
      CREATE TRIGGER people_month_names AFTER UPDATE OF name, hidden, merged_into ON people
      WHEN OLD.name IS NOT NEW.name OR OLD.hidden IS NOT NEW.hidden
        OR OLD.merged_into IS NOT NEW.merged_into
      BEGIN
        INSERT INTO photo_month_versions (month, version)
          SELECT DISTINCT substr(p.sort_at, 1, 7), 1 FROM faces f JOIN photos p ON p.id = f.photo_id
          WHERE f.person_id = NEW.id
          ON CONFLICT (month) DO UPDATE SET version = version + 1;
      END;
    `;
