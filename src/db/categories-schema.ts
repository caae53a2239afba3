// Schema of the photo categories (migration "photo categories" in migrations.ts; issue 14). Kept
// in its own file so the migration entry stays one line to renumber; like every migration, this
// text is frozen once shipped: a change is a new migration.

export const CATEGORIES_SCHEMA = `
  -- What the categories read that the photo row does not hold, as the categories stages found it:
  -- capture hints (LensMake, Software, UserComment, GPano: JSON), the pixel statistics of the
  -- working image (JSON, ~3 KB with its coarse grid) and the text detector's lines on the sheet of
  -- paper in view (JSON boxes as fractions of the frame; NULL: not looked, there was no sheet or
  -- the folder has AI off). Stored so that new faces or objects re-classify a photo on the main
  -- thread without decoding it again. version / text_version: the stage versions that wrote them.
  CREATE TABLE photo_category_signals (
    photo_id TEXT PRIMARY KEY REFERENCES photos (id) ON DELETE CASCADE,
    hints TEXT,
    pixels TEXT,
    version TEXT,
    text TEXT,
    text_version TEXT
  );

  -- The categories a photo is in, with the classifier's score (0.5–1) and its reason for a
  -- person ("front camera"). Rewritten whenever a signal changes; never holds a category the
  -- user removed the photo from (category_removals). subtype: 'receipt' for receipt documents.
  CREATE TABLE photo_categories (
    photo_id TEXT NOT NULL REFERENCES photos (id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    score REAL NOT NULL,
    reason TEXT NOT NULL,
    subtype TEXT,
    PRIMARY KEY (photo_id, name)
  );
  CREATE INDEX photo_categories_name ON photo_categories (name, photo_id);

  -- "Not a screenshot": the user took the photo out of the category. Kept across every
  -- recomputation (new faces, a new model), like the face corrections; undone by deleting the row.
  CREATE TABLE category_removals (
    photo_id TEXT NOT NULL REFERENCES photos (id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    at TEXT NOT NULL,
    PRIMARY KEY (photo_id, name)
  ) WITHOUT ROWID;
`;
