import type { Command } from 'commander';
import { printJson, withPicto, type GlobalOptions } from '../context.js';

export function registerCollectionCommands(program: Command, globals: () => GlobalOptions): void {
  const album = program.command('album').description('create albums and put photos in them');

  album
    .command('create')
    .argument('<name>', 'album name')
    .option('-d, --description <text>', 'description', '')
    .action(async (name: string, opts: { description: string }) => {
      await withPicto(globals(), async (picto) => {
        const a = picto.collection.createAlbum(name, opts.description);
        process.stderr.write(`created album "${a.name}"\n`);
      });
    });

  album
    .command('add')
    .argument('<name>', 'album name')
    .argument('<path...>', 'photo files in the library')
    .action(async (name: string, paths: string[]) => {
      await withPicto(globals(), async (picto) => {
        const a = picto.collection.album(name);
        const n = picto.collection.addToAlbum(a.id, await picto.collection.photoIdsForPaths(paths));
        process.stderr.write(`added ${n} photo(s) to "${a.name}"\n`);
      });
    });

  album
    .command('remove')
    .argument('<name>', 'album name')
    .argument('<path...>', 'photo files in the library')
    .action(async (name: string, paths: string[]) => {
      await withPicto(globals(), async (picto) => {
        const a = picto.collection.album(name);
        const n = picto.collection.removeFromAlbum(
          a.id,
          await picto.collection.photoIdsForPaths(paths),
        );
        process.stderr.write(`removed ${n} photo(s) from "${a.name}"\n`);
      });
    });

  album
    .command('list')
    .option('--json', 'machine-readable output')
    .action(async (opts: { json?: boolean }) => {
      await withPicto(globals(), async (picto) => {
        const list = picto.collection.albums().map((a) => ({
          id: a.id,
          name: a.name,
          description: a.description,
          photoCount: a.photo_count,
        }));
        if (opts.json) return printJson(list);
        if (!list.length) process.stdout.write('no albums yet: picto album create NAME\n');
        for (const a of list) process.stdout.write(`${a.name}  (${a.photoCount} photos)\n`);
      });
    });

  program
    .command('favourite')
    .alias('favorite')
    .description('mark photos as favourites (or --off to unmark)')
    .argument('<path...>', 'photo files in the library')
    .option('--off', 'remove the favourite mark')
    .action(async (paths: string[], opts: { off?: boolean }) => {
      await withPicto(globals(), async (picto) => {
        const ids = await picto.collection.photoIdsForPaths(paths);
        picto.collection.setFavourite(ids, !opts.off);
        process.stderr.write(`${opts.off ? 'unmarked' : 'marked'} ${ids.length} photo(s)\n`);
      });
    });

  program
    .command('export')
    .description(
      'print the whole catalogue as one JSON document (photos and videos: kind, durationMs, video)',
    )
    .option('--json', 'JSON output (the only format for now)')
    .action(async () => {
      await withPicto(globals(), async (picto) => printJson(picto.exporter.exportAll()));
    });
}
