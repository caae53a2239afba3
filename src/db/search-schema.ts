// Schema of search and discovery (migration "search and discovery" in migrations.ts). Kept in its
// own file because the triggers repeat one statement many times; like every migration, this text
// is frozen once shipped: a change is a new migration.

/**
 * Rebuilds the full-text document of one photo (`X` is an SQL expression for its id): the paths
 * of its files relative to their library folder, and the text found in it. Guarded so that the
 * cascade of a photo's deletion never resurrects its document.
 */
function refreshDoc(x: string): string {
  return `
    INSERT OR IGNORE INTO search_docs (photo_id) SELECT ${x} WHERE EXISTS (SELECT 1 FROM photos WHERE id = ${x});
    DELETE FROM search_text WHERE rowid = (SELECT doc FROM search_docs WHERE photo_id = ${x});
    INSERT INTO search_text (rowid, names, ocr)
      SELECT d.doc,
        (SELECT group_concat(substr(l.path, length(f.path) + 2), ' ')
           FROM locations l JOIN folders f ON f.id = l.folder_id WHERE l.photo_id = ${x}),
        (SELECT t.text FROM photo_text t WHERE t.photo_id = ${x})
      FROM search_docs d WHERE d.photo_id = ${x} AND EXISTS (SELECT 1 FROM photos WHERE id = ${x});`;
}

export const SEARCH_SCHEMA = `
  -- Text found in photos by the OCR stage. lines: JSON [{text, score, box: [x, y, w, h]}] in
  -- displayed-photo pixels.
  CREATE TABLE photo_text (
    photo_id TEXT PRIMARY KEY REFERENCES photos (id) ON DELETE CASCADE,
    text TEXT NOT NULL,
    lines TEXT NOT NULL,
    version TEXT NOT NULL,
    created_at TEXT NOT NULL
  );

  -- Full-text search over file names and found text. Photo ids are text, and FTS5 needs integer
  -- rowids that never change (an implicit rowid may be renumbered by VACUUM), hence search_docs.
  CREATE TABLE search_docs (
    doc INTEGER PRIMARY KEY,
    photo_id TEXT NOT NULL UNIQUE
  );
  CREATE VIRTUAL TABLE search_text USING fts5 (
    names, ocr, tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3'
  );

  CREATE TRIGGER search_locations_insert AFTER INSERT ON locations BEGIN ${refreshDoc('NEW.photo_id')} END;
  CREATE TRIGGER search_locations_delete AFTER DELETE ON locations BEGIN ${refreshDoc('OLD.photo_id')} END;
  CREATE TRIGGER search_locations_update AFTER UPDATE OF path, photo_id, folder_id ON locations BEGIN
    ${refreshDoc('OLD.photo_id')} ${refreshDoc('NEW.photo_id')}
  END;
  CREATE TRIGGER search_text_insert AFTER INSERT ON photo_text BEGIN ${refreshDoc('NEW.photo_id')} END;
  CREATE TRIGGER search_text_update AFTER UPDATE ON photo_text BEGIN ${refreshDoc('NEW.photo_id')} END;
  CREATE TRIGGER search_text_delete AFTER DELETE ON photo_text BEGIN ${refreshDoc('OLD.photo_id')} END;
  CREATE TRIGGER search_photos_delete AFTER DELETE ON photos BEGIN
    DELETE FROM search_text WHERE rowid IN (SELECT doc FROM search_docs WHERE photo_id = OLD.id);
    DELETE FROM search_docs WHERE photo_id = OLD.id;
  END;

  INSERT INTO search_docs (photo_id) SELECT id FROM photos;
  INSERT INTO search_text (rowid, names, ocr)
    SELECT d.doc,
      (SELECT group_concat(substr(l.path, length(f.path) + 2), ' ')
         FROM locations l JOIN folders f ON f.id = l.folder_id WHERE l.photo_id = d.photo_id),
      NULL
    FROM search_docs d;

  -- One row per photo and object label with the best detection score: a tag search walks
  -- (label, score) in order and stops after a page, photo_objects has one row per box.
  CREATE TABLE photo_tags (
    photo_id TEXT NOT NULL REFERENCES photos (id) ON DELETE CASCADE,
    label TEXT NOT NULL,
    score REAL NOT NULL,
    PRIMARY KEY (photo_id, label)
  ) WITHOUT ROWID;
  CREATE INDEX photo_tags_label ON photo_tags (label, score DESC, photo_id);
  CREATE TRIGGER photo_tags_insert AFTER INSERT ON photo_objects BEGIN
    INSERT INTO photo_tags (photo_id, label, score) VALUES (NEW.photo_id, NEW.label, NEW.score)
      ON CONFLICT (photo_id, label) DO UPDATE SET score = max(score, excluded.score);
  END;
  CREATE TRIGGER photo_tags_delete AFTER DELETE ON photo_objects BEGIN
    DELETE FROM photo_tags WHERE photo_id = OLD.photo_id AND label = OLD.label;
    INSERT INTO photo_tags (photo_id, label, score)
      SELECT photo_id, label, MAX(score) FROM photo_objects
      WHERE photo_id = OLD.photo_id AND label = OLD.label GROUP BY photo_id, label;
  END;
  INSERT INTO photo_tags (photo_id, label, score)
    SELECT photo_id, label, MAX(score) FROM photo_objects GROUP BY photo_id, label;

  -- Where a photo was taken, from its GPS position (offline reverse geocoding). lat/lon are the
  -- coordinates that were geocoded, so a changed position is noticed and geocoded again. Keys are
  -- folded names (see src/search/text.ts) so that a search is an index lookup.
  CREATE TABLE photo_places (
    photo_id TEXT PRIMARY KEY REFERENCES photos (id) ON DELETE CASCADE,
    lat REAL NOT NULL,
    lon REAL NOT NULL,
    city TEXT,
    city_key TEXT,
    city_id INTEGER,
    city_km REAL,
    region TEXT,
    region_key TEXT,
    country_code TEXT,
    country TEXT,
    continent TEXT,
    continent_key TEXT,
    version TEXT NOT NULL
  );
  CREATE INDEX photo_places_city ON photo_places (city_key, photo_id);
  CREATE INDEX photo_places_region ON photo_places (region_key, photo_id);
  CREATE INDEX photo_places_country ON photo_places (country_code, photo_id);
  CREATE INDEX photo_places_continent ON photo_places (continent_key, photo_id);

  -- Similarity signature for duplicate finding (computed on the media stage's decode): digest of
  -- the decoded pixels, 64 low DCT coefficients (int8) and pHashes of sub-windows for crops.
  CREATE TABLE photo_signatures (
    photo_id TEXT PRIMARY KEY REFERENCES photos (id) ON DELETE CASCADE,
    pixels TEXT NOT NULL,
    dct BLOB NOT NULL,
    windows BLOB NOT NULL,
    version TEXT NOT NULL
  );
  CREATE INDEX photo_signatures_pixels ON photo_signatures (pixels);

  -- Pairs someone marked "not duplicates": never proposed again. photo_a < photo_b.
  CREATE TABLE duplicate_dismissals (
    photo_a TEXT NOT NULL REFERENCES photos (id) ON DELETE CASCADE,
    photo_b TEXT NOT NULL REFERENCES photos (id) ON DELETE CASCADE,
    created_at TEXT NOT NULL,
    PRIMARY KEY (photo_a, photo_b)
  ) WITHOUT ROWID;

  -- Image embeddings of the optional user-supplied semantic model (float32, L2-normalised).
  CREATE TABLE photo_embeddings (
    photo_id TEXT NOT NULL REFERENCES photos (id) ON DELETE CASCADE,
    model TEXT NOT NULL,
    vector BLOB NOT NULL,
    PRIMARY KEY (photo_id, model)
  ) WITHOUT ROWID;
  CREATE INDEX photo_embeddings_model ON photo_embeddings (model);

  -- Filters of the search box that live on photos itself.
  CREATE INDEX photos_make ON photos (make);
  CREATE INDEX photos_model ON photos (model);
  CREATE INDEX photos_format ON photos (format);
  CREATE INDEX photos_geo ON photos (lat, lon) WHERE lat IS NOT NULL;
  -- "MM-DD" of the capture day: "june" across years and "on this day" memories are range scans.
  CREATE INDEX photos_day_of_year ON photos (substr(sort_at, 6, 5));
`;
