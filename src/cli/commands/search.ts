import type { Command } from 'commander';
import type { SortOrder } from '../../shared/search-query.js';
import { printJson, withPicto, type GlobalOptions } from '../context.js';
import { PictoError } from '../../shared/errors.js';

const SORTS = new Set(['relevance', 'newest', 'oldest']);

/**
 * `picto search "QUERY" [--json]`. The JSON document is a public interface: `query`, `understood`
 * (chips, canonical explicit syntax, ignored words), `sort`, `total`, `photos` in the export shape,
 * `nextCursor`. Extend it, never break it.
 */
export function registerSearchCommand(program: Command, globals: () => GlobalOptions): void {
  program
    .command('search')
    .description(
      'find photos and videos: words, people, places, dates, tags ("alice dog beach 2019", "tag:cat -year:2020", "videos longer than 1 minute", "type:live")',
    )
    .argument('[query...]', 'what to look for (quote it or not)')
    .option(
      '--json',
      'machine-readable output: the photos in the export shape and how the query was understood',
    )
    .option('-n, --limit <n>', 'photos per page (max 1000)', '100')
    .option(
      '--sort <order>',
      'relevance, newest or oldest (default: relevance when words are matched, else newest)',
    )
    .option('--cursor <cursor>', 'continue after a previous page (nextCursor of --json output)')
    .action(
      async (
        words: string[],
        opts: { json?: boolean; limit: string; sort?: string; cursor?: string },
      ) => {
        const limit = Number(opts.limit);
        if (!Number.isInteger(limit) || limit < 1 || limit > 1000) {
          throw new PictoError(
            'usage',
            `--limit must be a whole number from 1 to 1000, got "${opts.limit}"`,
          );
        }
        if (opts.sort && !SORTS.has(opts.sort))
          throw new PictoError('usage', `--sort must be relevance, newest or oldest`);
        const q = words.join(' ');
        await withPicto(globals(), async (picto) => {
          const page = await picto.discovery.search.searchAsync({
            q,
            limit,
            sort: opts.sort as SortOrder | undefined,
            cursor: opts.cursor,
            count: true,
          });
          if (opts.json) {
            return printJson({
              version: 1,
              query: q,
              understood: page.understood,
              sort: page.sort,
              total: page.total,
              totalCapped: page.totalCapped,
              photos: picto.exporter.photos(page.rows.map((r) => r.id)),
              nextCursor: page.nextCursor,
            });
          }
          const err = process.stderr;
          if (page.understood.chips.length) {
            err.write(
              `Understood: ${page.understood.chips.map((c) => `[${c.label}]`).join(' ')}\n`,
            );
            for (const c of page.understood.chips) if (c.note) err.write(`  note: ${c.note}\n`);
          }
          const total =
            page.total === null
              ? ''
              : `${page.total.toLocaleString()}${page.totalCapped ? '+' : ''} `;
          err.write(
            `${total}photo(s)${page.sort === 'relevance' ? ', best first' : `, ${page.sort} first`}\n`,
          );
          for (const r of page.rows) {
            const where = picto.gallery.firstPath(r.id) ?? r.id;
            process.stdout.write(`${r.sort_at.replace('T', ' ')}  ${where}\n`);
          }
          if (page.nextCursor)
            err.write(`more: picto search --cursor ${page.nextCursor} ${JSON.stringify(q)}\n`);
        });
      },
    );
}
