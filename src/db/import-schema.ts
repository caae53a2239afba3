// Schema of moving in (migration "moving in" in migrations.ts): what other programs and Google
// Takeout say about photos, and the bookkeeping that notices when their files change. Like every
// migration, this text is frozen once shipped: a change is a new migration.

/**
 * Rebuilds the notes document of one photo (`X` is an SQL expression for its id) in note_text:
 * its description and the levels of its keywords. The row is the photo's search_docs.doc, so a
 * document is replaced by rowid, never found by a scan. Guarded like the file-name document: a
 * photo being deleted gets no document back.
 */
function refreshNotes(x: string): string {
  return `
    INSERT OR IGNORE INTO search_docs (photo_id) SELECT ${x} WHERE EXISTS (SELECT 1 FROM photos WHERE id = ${x});
    DELETE FROM note_text WHERE rowid = (SELECT doc FROM search_docs WHERE photo_id = ${x});
    INSERT INTO note_text (rowid, description, keywords)
      SELECT d.doc, p.description,
        (SELECT group_concat(k.path, ' ') FROM photo_keywords k WHERE k.photo_id = ${x})
      FROM search_docs d JOIN photos p ON p.id = d.photo_id
      WHERE d.photo_id = ${x}
        AND (p.description IS NOT NULL OR EXISTS (SELECT 1 FROM photo_keywords k WHERE k.photo_id = ${x}));`;
}

export const IMPORT_SCHEMA = `
  -- What a person (or another program, or Google Photos) said about a photo, and where a date or
  -- a place came from when it was not the file. Sources: description 'xmp' (XMP, IPTC or EXIF, in
  -- a sidecar or in the file), 'takeout' or 'user'; rating 'xmp' or 'user'; place_source NULL
  -- (the file's own position, or none) or 'takeout'. taken_source may now also be 'takeout'.
  -- Imports never overwrite what the user set ('user').
  ALTER TABLE photos ADD COLUMN description TEXT;
  ALTER TABLE photos ADD COLUMN description_source TEXT;
  ALTER TABLE photos ADD COLUMN rating INTEGER CHECK (rating IS NULL OR rating BETWEEN 1 AND 5);
  ALTER TABLE photos ADD COLUMN rating_source TEXT;
  ALTER TABLE photos ADD COLUMN place_source TEXT;
  CREATE INDEX photos_rating ON photos (rating) WHERE rating IS NOT NULL;

  -- Keywords, flat or hierarchical: path is the levels joined by '/' as digiKam writes them
  -- ("Places/Korea/Seoul"), leaf the last level. source 'xmp' (read from other tools) or 'user'.
  CREATE TABLE photo_keywords (
    photo_id TEXT NOT NULL REFERENCES photos (id) ON DELETE CASCADE,
    path TEXT NOT NULL,
    leaf TEXT NOT NULL,
    source TEXT NOT NULL,
    PRIMARY KEY (photo_id, path)
  ) WITHOUT ROWID;

  -- Every level of every keyword, folded as the search box folds words (src/search/text.ts), so
  -- "Seoul", "Korea" and "Places" each find a photo tagged Places/Korea/Seoul. path: the keyword
  -- the level belongs to; name: the level as written.
  CREATE TABLE photo_keyword_levels (
    key TEXT NOT NULL,
    photo_id TEXT NOT NULL REFERENCES photos (id) ON DELETE CASCADE,
    path TEXT NOT NULL,
    name TEXT NOT NULL,
    PRIMARY KEY (key, photo_id, path)
  ) WITHOUT ROWID;
  CREATE INDEX photo_keyword_levels_photo ON photo_keyword_levels (photo_id);

  -- Descriptions and keywords by plain words: one document per photo, rowid = search_docs.doc.
  CREATE VIRTUAL TABLE note_text USING fts5 (
    description, keywords, tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3'
  );
  CREATE TRIGGER note_text_description AFTER UPDATE OF description ON photos
    WHEN OLD.description IS NOT NEW.description BEGIN ${refreshNotes('NEW.id')} END;
  CREATE TRIGGER note_text_keyword_insert AFTER INSERT ON photo_keywords BEGIN ${refreshNotes('NEW.photo_id')} END;
  CREATE TRIGGER note_text_keyword_delete AFTER DELETE ON photo_keywords BEGIN ${refreshNotes('OLD.photo_id')} END;
  -- Before: search_docs still holds the photo's doc (another trigger deletes it after).
  CREATE TRIGGER note_text_photo_delete BEFORE DELETE ON photos BEGIN
    DELETE FROM note_text WHERE rowid = (SELECT doc FROM search_docs WHERE photo_id = OLD.id);
  END;

  -- Sidecar files the scanner saw (Takeout JSON, XMP), by stat, so that a changed, new or deleted
  -- one gets its photos read again. kind: what reading it found ('photo' Takeout sidecar,
  -- 'album' metadata, 'xmp', 'other' JSON, 'invalid'); matched: a media file claimed it (photo
  -- sidecars and XMP that no photo claims are reported); error: why it could not be read.
  CREATE TABLE sidecar_files (
    path TEXT PRIMARY KEY,
    folder_id INTEGER NOT NULL REFERENCES folders (id) ON DELETE CASCADE,
    dir TEXT NOT NULL,
    size INTEGER NOT NULL,
    mtime_ms INTEGER NOT NULL,
    kind TEXT,
    matched INTEGER NOT NULL DEFAULT 0,
    error TEXT
  );
  CREATE INDEX sidecar_files_dir ON sidecar_files (dir);
  CREATE INDEX sidecar_files_folder ON sidecar_files (folder_id);

  -- A media file's Takeout sidecar as the scan read it (data: the parsed sidecar as JSON); the
  -- interchange stage merges it with what the file says. applied_to: the photo its favourite and
  -- album membership went to, once per sidecar content, so a photo unfavourited in Picto stays so.
  CREATE TABLE takeout_matches (
    media_path TEXT PRIMARY KEY,
    folder_id INTEGER NOT NULL REFERENCES folders (id) ON DELETE CASCADE,
    dir TEXT NOT NULL,
    json TEXT NOT NULL,
    rule TEXT NOT NULL,
    data TEXT NOT NULL,
    applied_to TEXT
  );
  CREATE INDEX takeout_matches_dir ON takeout_matches (dir);

  -- Takeout album folders and the album each became. An album the user deletes stays deleted:
  -- album_id becomes NULL and the folder is not made an album again.
  CREATE TABLE takeout_albums (
    dir TEXT PRIMARY KEY,
    folder_id INTEGER NOT NULL REFERENCES folders (id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    album_id INTEGER REFERENCES albums (id) ON DELETE SET NULL,
    created_at TEXT NOT NULL
  );

  -- Names other programs gave: face regions as normalised left, top, width, height of the STORED
  -- pixels (as XMP keeps them; turned by photos.orientation when matched), or no box at all
  -- (x..h NULL: Takeout's people, People/ keywords). Matched to the detected faces when indexing
  -- is idle (src/people/imported-names.ts). status: pending (not matched against the current
  -- faces yet), named (face_id got the name, person_id is who it went to), conflict (the face is
  -- someone else: a suggestion), unmatched (no face there), unplaced (a name without a box on a
  -- photo with several faces: a suggestion).
  CREATE TABLE imported_regions (
    id INTEGER PRIMARY KEY,
    photo_id TEXT NOT NULL REFERENCES photos (id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    x REAL,
    y REAL,
    w REAL,
    h REAL,
    source TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'pending',
    face_id TEXT,
    person_id INTEGER REFERENCES people (id) ON DELETE SET NULL,
    at TEXT NOT NULL
  );
  CREATE INDEX imported_regions_photo ON imported_regions (photo_id);
  CREATE INDEX imported_regions_pending ON imported_regions (photo_id) WHERE status = 'pending';
  CREATE INDEX imported_regions_name ON imported_regions (name COLLATE NOCASE);

  -- Who decided: 'user', or 'import' (a name another program gave, see imported_regions). Both
  -- are constraints clustering keeps; only an import's own confirmation follows a changed sidecar.
  ALTER TABLE face_feedback ADD COLUMN source TEXT NOT NULL DEFAULT 'user';
`;
