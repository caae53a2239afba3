import type { Command } from 'commander';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Picto } from '../../app/picto.js';
import type { FoundFace, PersonSummary } from '../../people/service.js';
import { printJson, withPicto, type GlobalOptions } from '../context.js';
import { PictoError } from '../../shared/errors.js';

const personId = (raw: string): number => {
  const id = Number(raw);
  if (!Number.isInteger(id) || id < 1)
    throw new PictoError('usage', `person id must be a positive whole number, got "${raw}"`);
  return id;
};

const label = (p: { id: number; name: string | null }) => p.name ?? `(unnamed #${p.id})`;

function printPeople(list: PersonSummary[]): void {
  if (!list.length) {
    process.stdout.write(
      'no people yet: index photos with faces (picto add --wait), then picto people recluster\n',
    );
    return;
  }
  const width = Math.max(...list.map((p) => label(p).length));
  for (const p of list) {
    const flags = p.hidden ? '  [hidden]' : '';
    process.stdout.write(
      `${String(p.id).padStart(6)}  ${label(p).padEnd(width)}  ${p.photoCount} photo(s), ${p.faceCount} face(s)${flags}\n`,
    );
  }
}

function pathsOf(picto: Picto, photoIds: string[]): string[] {
  return photoIds.map((id) => picto.gallery.firstPath(id) ?? `(photo ${id})`);
}

export function registerPeopleCommands(program: Command, globals: () => GlobalOptions): void {
  const people = program
    .command('people')
    .description('list the people found in your photos (faces grouped by who they are)')
    .option('--json', 'machine-readable output')
    .option('--hidden', 'include hidden people')
    .action(async (opts: { json?: boolean; hidden?: boolean }) => {
      await withPicto(globals(), async (picto) => {
        const list = picto.people.list({ includeHidden: opts.hidden });
        if (opts.json) return printJson(list);
        printPeople(list);
      });
    });

  // `people recluster --json`: commander hands --json to whichever level declares it first, so
  // the subcommands read it merged with the parent's.
  people
    .command('recluster')
    .description('group every face again from scratch (keeps names, merges, moves and rejections)')
    .option('--json', 'machine-readable output')
    .action(async (_: unknown, cmd: Command) => {
      const opts = cmd.optsWithGlobals<{ json?: boolean }>();
      await withPicto(globals(), async (picto) => {
        const stats = await picto.people.recluster();
        if (opts.json) return printJson(stats);
        process.stderr.write(
          `${stats.faces} faces → ${stats.people} people (${stats.newPeople} new), ` +
            `${stats.changedFaces} faces changed, ${stats.unassigned} alone, ${(stats.ms / 1000).toFixed(1)} s\n`,
        );
      });
    });

  people
    .command('status')
    .description('faces, people, faces waiting to be grouped, last full pass')
    .option('--json', 'machine-readable output')
    .action(async (_: unknown, cmd: Command) => {
      const opts = cmd.optsWithGlobals<{ json?: boolean }>();
      await withPicto(globals(), async (picto) => {
        const s = picto.people.status();
        if (opts.json) return printJson(s);
        process.stdout.write(
          `${s.faces} faces, ${s.people} people, ${s.pending} new face(s) waiting, last full pass: ${s.lastPassAt ?? 'never'}\n`,
        );
      });
    });

  const person = program.command('person').description('name, merge, hide and inspect one person');

  person
    .command('name')
    .description('name (or rename) a person; an empty name removes it')
    .argument('<id>', 'person id (see picto people)')
    .argument('<name...>', 'the name')
    .action(async (id: string, name: string[]) => {
      await withPicto(globals(), async (picto) => {
        const p = picto.people.corrections.rename(personId(id), name.join(' '));
        process.stderr.write(`person ${p.id} is now ${label(p)}\n`);
      });
    });

  person
    .command('merge')
    .description('merge people into the first one: B, C… join A, which keeps its id (and name)')
    .argument('<a>', 'the person to keep')
    .argument('<others...>', 'people that are the same person as A')
    .action(async (a: string, others: string[]) => {
      await withPicto(globals(), async (picto) => {
        const p = picto.people.corrections.merge(others.map(personId), personId(a));
        process.stderr.write(`merged into ${p.id} ${label(p)}\n`);
      });
    });

  person
    .command('hide')
    .description('hide a person from the people list (or --off to show again)')
    .argument('<id>', 'person id')
    .option('--off', 'show the person again')
    .action(async (id: string, opts: { off?: boolean }) => {
      await withPicto(globals(), async (picto) => {
        const p = picto.people.corrections.setHidden(personId(id), !opts.off);
        process.stderr.write(`${label(p)} is ${p.hidden ? 'hidden' : 'shown'}\n`);
      });
    });

  person
    .command('show')
    .description("a person's counts and photos (file paths, newest first)")
    .argument('<id>', 'person id')
    .option('--limit <n>', 'photos to list', '50')
    .option('--json', 'machine-readable output')
    .action(async (id: string, opts: { json?: boolean; limit: string }) => {
      await withPicto(globals(), async (picto) => {
        const p = picto.people.get(personId(id));
        const photos = pathsOf(picto, picto.people.photoIds(p.id, Number(opts.limit) || 50));
        if (opts.json) return printJson({ ...p, photos });
        process.stdout.write(
          `${p.id}  ${label(p)}  ${p.photoCount} photo(s), ${p.faceCount} face(s)${p.hidden ? ' [hidden]' : ''}\n`,
        );
        for (const f of photos) process.stdout.write(`  ${f}\n`);
      });
    });

  person
    .command('suggestions')
    .description('unnamed people and lone faces that may be this person, nearest first')
    .argument('<id>', 'person id')
    .option('--json', 'machine-readable output')
    .action(async (id: string, opts: { json?: boolean }) => {
      await withPicto(globals(), async (picto) => {
        const list = picto.people.suggestions(personId(id));
        if (opts.json) return printJson(list);
        if (!list.length) process.stdout.write('no suggestions\n');
        for (const s of list) {
          const what =
            s.kind === 'person'
              ? `person ${s.personId} (${s.faceCount} faces)`
              : `face ${s.faceId}`;
          process.stdout.write(`  ${s.distance.toFixed(3)}  ${what}\n`);
        }
      });
    });

  person
    .command('find')
    .description('find the people in a photo (in the library or not) and list their photos')
    .argument('<file>', 'an image file')
    .option('--json', 'machine-readable output')
    .action(async (file: string, opts: { json?: boolean }) => {
      await withPicto(globals(), async (picto) => {
        if (!existsSync(file)) throw new PictoError('usage', `no such file: ${file}`);
        const known = await picto.collection.photoIdAt(file);
        const found: FoundFace[] = known
          ? picto.people.findByPhoto(known)
          : await picto.people.findByImageFile(path.resolve(file));
        if (opts.json) return printJson(found);
        if (!found.length) process.stdout.write('no face found in this image\n');
        for (const f of found) {
          const who = f.person ? label(f.person) : 'nobody known';
          process.stdout.write(
            `face at ${f.box.map((v) => v.toFixed(2)).join(',')}: ${who}, ${f.photoIds.length} photo(s)\n`,
          );
          for (const p of pathsOf(picto, f.photoIds.slice(0, 20))) process.stdout.write(`  ${p}\n`);
        }
      });
    });

  const face = program
    .command('face')
    .description('correct one face: move it, say who it is not, remove it');

  face
    .command('move')
    .description('put a face in a person (by id, or --new NAME for a new person)')
    .argument('<face>', 'face id (see picto export --json)')
    .argument('[person]', 'person id')
    .option('--new <name>', 'create a person with this name')
    .action(async (faceId: string, target: string | undefined, opts: { new?: string }) => {
      await withPicto(globals(), async (picto) => {
        if (!target && !opts.new) throw new PictoError('usage', 'give a person id or --new NAME');
        const p = picto.people.corrections.moveFace(
          faceId,
          opts.new ? { name: opts.new } : { personId: personId(target!) },
        );
        process.stderr.write(`face ${faceId} is now ${label(p)} (person ${p.id})\n`);
      });
    });

  face
    .command('reject')
    .description('"not this person": the face leaves its person for good')
    .argument('<face>', 'face id')
    .action(async (faceId: string) => {
      await withPicto(globals(), async (picto) => {
        picto.people.corrections.rejectFace(faceId);
        process.stderr.write(`face ${faceId} will not be grouped with that person again\n`);
      });
    });

  face
    .command('remove')
    .description('not a face, or not one to group (--off to undo)')
    .argument('<face>', 'face id')
    .option('--off', 'let clustering decide about the face again')
    .action(async (faceId: string, opts: { off?: boolean }) => {
      await withPicto(globals(), async (picto) => {
        if (opts.off) picto.people.corrections.restoreFace(faceId);
        else picto.people.corrections.removeFace(faceId);
        process.stderr.write(`face ${faceId} ${opts.off ? 'restored' : 'removed'}\n`);
      });
    });
}
