import type { Migration } from './migrations.js';

// Migration 11 (issue 13), in a file of its own to keep migrations.ts short.
export const VIDEOS_MIGRATION: Migration = {
  version: 11,
  name: 'videos and live photos',
  sql: `
      -- [Note: Videos in the catalogue] A video is a photo row of kind 'video': the same identity,
      -- locations, trash, albums and favourites. A Live Photo is its still (kind 'live', motion_id
      -- naming the MOV's row) and its MOV (live_of naming the still), which no listing shows.
      ALTER TABLE photos ADD COLUMN kind TEXT NOT NULL DEFAULT 'photo'
        CHECK (kind IN ('photo', 'video', 'live'));
      ALTER TABLE photos ADD COLUMN duration_ms INTEGER;
      ALTER TABLE photos ADD COLUMN fps REAL;
      ALTER TABLE photos ADD COLUMN video_codec TEXT;
      ALTER TABLE photos ADD COLUMN audio_codec TEXT;
      -- 1 when a browser plays the original as it is.
      ALTER TABLE photos ADD COLUMN playable INTEGER;
      ALTER TABLE photos ADD COLUMN transcode TEXT
        CHECK (transcode IN ('none', 'pending', 'running', 'done', 'failed'));
      -- Apple's ContentIdentifier, shared by a Live Photo's still and MOV.
      ALTER TABLE photos ADD COLUMN content_id TEXT;
      ALTER TABLE photos ADD COLUMN motion_id TEXT;
      ALTER TABLE photos ADD COLUMN live_of TEXT;
      CREATE INDEX photos_content_id ON photos (content_id) WHERE content_id IS NOT NULL;
      CREATE INDEX photos_live_of ON photos (live_of) WHERE live_of IS NOT NULL;
      CREATE INDEX photos_motion ON photos (motion_id) WHERE motion_id IS NOT NULL;
      -- No foreign keys (the pair is a pair of rows of one table): the other half forgets the link.
      CREATE TRIGGER photos_unpair AFTER DELETE ON photos BEGIN
        UPDATE photos SET kind = 'photo', motion_id = NULL, duration_ms = NULL
          WHERE motion_id = OLD.id;
        UPDATE photos SET live_of = NULL WHERE live_of = OLD.id;
      END;
      -- Where in a video a face was seen (ms from its start); NULL for photos.
      ALTER TABLE faces ADD COLUMN time_ms INTEGER;

      -- The month counts (migration 6) leave out the MOV half of a Live Photo, as listings do.
      DROP TRIGGER photos_month_counts_insert;
      DROP TRIGGER photos_month_counts_delete;
      DROP TRIGGER photos_month_counts_update;
      CREATE TRIGGER photos_month_counts_insert AFTER INSERT ON photos WHEN NEW.live_of IS NULL BEGIN
        INSERT INTO photo_month_counts (scope, month, n)
          SELECT s, substr(NEW.sort_at, 1, 7), 1 FROM (SELECT 'all' AS s WHERE NEW.trashed_at IS NULL
                UNION ALL SELECT 'favourites' WHERE NEW.favourite = 1 AND NEW.trashed_at IS NULL
                UNION ALL SELECT 'trash' WHERE NEW.trashed_at IS NOT NULL) WHERE true
          ON CONFLICT (scope, month) DO UPDATE SET n = n + 1;
      END;
      CREATE TRIGGER photos_month_counts_delete AFTER DELETE ON photos WHEN OLD.live_of IS NULL BEGIN
        UPDATE photo_month_counts SET n = n - 1
          WHERE month = substr(OLD.sort_at, 1, 7) AND (
            (scope = 'all' AND OLD.trashed_at IS NULL)
            OR (scope = 'favourites' AND OLD.favourite = 1 AND OLD.trashed_at IS NULL)
            OR (scope = 'trash' AND OLD.trashed_at IS NOT NULL));
      END;
      CREATE TRIGGER photos_month_counts_update
      AFTER UPDATE OF sort_at, favourite, trashed_at, live_of ON photos
      WHEN OLD.sort_at IS NOT NEW.sort_at OR OLD.favourite IS NOT NEW.favourite
        OR (OLD.trashed_at IS NULL) <> (NEW.trashed_at IS NULL)
        OR (OLD.live_of IS NULL) <> (NEW.live_of IS NULL)
      BEGIN
        UPDATE photo_month_counts SET n = n - 1
          WHERE OLD.live_of IS NULL AND month = substr(OLD.sort_at, 1, 7) AND (
            (scope = 'all' AND OLD.trashed_at IS NULL)
            OR (scope = 'favourites' AND OLD.favourite = 1 AND OLD.trashed_at IS NULL)
            OR (scope = 'trash' AND OLD.trashed_at IS NOT NULL));
        INSERT INTO photo_month_counts (scope, month, n)
          SELECT s, substr(NEW.sort_at, 1, 7), 1 FROM (SELECT 'all' AS s WHERE NEW.trashed_at IS NULL
                UNION ALL SELECT 'favourites' WHERE NEW.favourite = 1 AND NEW.trashed_at IS NULL
                UNION ALL SELECT 'trash' WHERE NEW.trashed_at IS NOT NULL) WHERE NEW.live_of IS NULL
          ON CONFLICT (scope, month) DO UPDATE SET n = n + 1;
      END;
      -- What a grid tile shows of a video changed: its month's cached pages are stale.
      CREATE TRIGGER photos_month_versions_video AFTER UPDATE OF kind, duration_ms, live_of ON photos
      BEGIN
        INSERT INTO photo_month_versions (month, version) VALUES (substr(NEW.sort_at, 1, 7), 1)
          ON CONFLICT (month) DO UPDATE SET version = version + 1;
      END;
    `,
};
