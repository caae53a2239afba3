// The shape of the code, checked: no runtime import cycle, the pipeline table loads no decoder or
// model runtime on the main thread, `db` and `search` import only what their layer allows, and
// SQL lives in src/db. Runtime imports are read from each file transpiled the way the build emits
// it (imports used only as types disappear), so a type-only import never counts as a cycle.

import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/corpus.js';

const src = path.join(repoRoot, 'src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return e.name.endsWith('.ts') && !e.name.endsWith('.d.ts') ? [p] : [];
  });
}

interface Imports {
  /** Loaded when the file loads (import/export … from, side-effect imports). */
  static: string[];
  /** import() expressions: loaded when called. */
  dynamic: string[];
  /** Everything the source names, types included. */
  all: string[];
}

function specifiers(code: string, file: string): { static: string[]; dynamic: string[] } {
  const sf = ts.createSourceFile(file, code, ts.ScriptTarget.ES2022, true);
  const found = { static: [] as string[], dynamic: [] as string[] };
  const visit = (node: ts.Node) => {
    if (
      (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) &&
      node.moduleSpecifier &&
      ts.isStringLiteral(node.moduleSpecifier)
    ) {
      found.static.push(node.moduleSpecifier.text);
    } else if (
      ts.isCallExpression(node) &&
      node.expression.kind === ts.SyntaxKind.ImportKeyword &&
      node.arguments[0] &&
      ts.isStringLiteral(node.arguments[0])
    ) {
      found.dynamic.push(node.arguments[0].text);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

/** A specifier as a source file path (relative imports) or a package name (bare ones). */
function resolve(from: string, spec: string): string {
  if (spec.startsWith('.')) return path.resolve(path.dirname(from), spec).replace(/\.js$/, '.ts');
  if (spec.startsWith('node:')) return spec;
  const parts = spec.split('/');
  return spec.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

const graph = new Map<string, Imports>();
for (const file of sourceFiles(src)) {
  const code = readFileSync(file, 'utf8');
  const emitted = ts.transpileModule(code, {
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
    fileName: file,
  }).outputText;
  const runtime = specifiers(emitted, file);
  graph.set(file, {
    static: runtime.static.map((s) => resolve(file, s)),
    dynamic: runtime.dynamic.map((s) => resolve(file, s)),
    all: specifiers(code, file).static.map((s) => resolve(file, s)),
  });
}

const rel = (f: string) => path.relative(repoRoot, f);
const inSrc = (f: string, dir: string) => f.startsWith(path.join(src, dir) + path.sep);

/** Every file and package loaded, statically, when `entry` loads. */
function staticClosure(entry: string): Set<string> {
  const seen = new Set<string>();
  const stack = [entry];
  while (stack.length) {
    const f = stack.pop()!;
    if (seen.has(f)) continue;
    seen.add(f);
    stack.push(...(graph.get(f)?.static ?? []));
  }
  return seen;
}

describe('import graph', () => {
  it('has no runtime import cycle', () => {
    const state = new Map<string, 'open' | 'done'>();
    const cycles: string[] = [];
    const walk = (f: string, trail: string[]) => {
      if (state.get(f) === 'done') return;
      if (state.get(f) === 'open') {
        cycles.push([...trail.slice(trail.indexOf(f)), f].map(rel).join(' → '));
        return;
      }
      state.set(f, 'open');
      for (const next of graph.get(f)?.static ?? []) if (graph.has(next)) walk(next, [...trail, f]);
      state.set(f, 'done');
    };
    for (const f of graph.keys()) walk(f, []);
    expect(cycles).toEqual([]);
  });

  it('the pipeline table loads no decoder, model runtime or OCR engine on the main thread', () => {
    const loaded = staticClosure(path.join(src, 'jobs', 'pipeline.ts'));
    const heavy = [...loaded].filter(
      (m) =>
        /^(sharp|onnxruntime-node|heic-decode|exiftool-vendored|@tensorflow\/|@vladmandic\/|@gutenye\/)/.test(
          m,
        ) ||
        m.startsWith(path.join(src, 'media') + path.sep) ||
        m === path.join(src, 'search', 'ocr', 'engine.ts'),
    );
    expect(heavy.map((m) => (m.startsWith('/') ? rel(m) : m))).toEqual([]);
    // The worker halves are there, behind import().
    expect(graph.get(path.join(src, 'jobs', 'pipeline.ts'))!.dynamic.map(rel)).toContain(
      'src/jobs/worker-media.ts',
    );
  });

  it('the CLI parses and the app opens without a decoder, model runtime, server or pool', () => {
    // [Note: lazy start] in cli/main.ts: `picto --help` loads commander and the command
    // declarations; `picto status` adds the catalogue and the services, nothing that decodes,
    // infers, serves or starts worker threads, and not TypeBox with the API schemas (~700 modules:
    // a third of what `status` loaded; src/shared/routes/image-paths.ts, category-names.ts).
    const heavy =
      /^(sharp|onnxruntime-node|heic-decode|exiftool-vendored|exifr|fastify|@fastify\/|@sinclair\/typebox|piscina|chokidar|@rapideditor\/|@tensorflow\/|@vladmandic\/|@gutenye\/)/;
    for (const entry of [path.join(src, 'cli', 'main.ts'), path.join(src, 'app', 'picto.ts')]) {
      const loaded = [...staticClosure(entry)].filter(
        (m) => heavy.test(m) || (inSrc(m, 'server') && !m.endsWith('runtime-file.ts')),
      );
      expect(
        loaded.map((m) => (m.startsWith('/') ? rel(m) : m)),
        rel(entry),
      ).toEqual([]);
    }
    const cli = staticClosure(path.join(src, 'cli', 'main.ts'));
    expect(cli.has(path.join(src, 'app', 'picto.ts'))).toBe(false);
  });

  it('`picto status` opens the catalogue without the pipeline, models, search or people', () => {
    // [Note: status opens less] in app/open-status.ts.
    const loaded = [...staticClosure(path.join(src, 'app', 'open-status.ts'))].filter(
      (m) =>
        m === path.join(src, 'jobs', 'pipeline.ts') ||
        m === path.join(src, 'app', 'picto.ts') ||
        ['ml', 'categories', 'search', 'people', 'media', 'collection'].some((d) => inSrc(m, d)),
    );
    expect(loaded.map(rel)).toEqual([]);
  });

  it('db imports nothing but db and shared; search never imports jobs', () => {
    const wrong: string[] = [];
    for (const [file, imports] of graph) {
      for (const target of imports.all) {
        if (!target.startsWith(src)) continue;
        if (inSrc(file, 'db') && !inSrc(target, 'db') && !inSrc(target, 'shared'))
          wrong.push(`${rel(file)} → ${rel(target)}`);
        if (inSrc(file, 'search') && inSrc(target, 'jobs'))
          wrong.push(`${rel(file)} → ${rel(target)}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('no Redis or BullMQ module loads unless a queue is asked for (lazy import)', () => {
    const loaded = staticClosure(path.join(src, 'cli', 'main.ts'));
    const redis = [...loaded].filter((m) => m === 'bullmq' || m === 'ioredis');
    expect(redis).toEqual([]);
    // The worker and the publisher are there, behind import().
    const dynamic = [...graph.values()].flatMap((g) => g.dynamic).map(rel);
    expect(dynamic).toEqual(
      expect.arrayContaining(['src/remote/worker.ts', 'src/remote/primary.ts']),
    );
  });

  it('the route declarations load only TypeBox and src/shared (the browser bundle loads them)', () => {
    const loaded = staticClosure(path.join(src, 'shared', 'routes', 'index.ts'));
    const foreign = [...loaded].filter((m) => !inSrc(m, 'shared') && m !== '@sinclair/typebox');
    expect(foreign.map((m) => (m.startsWith('/') ? rel(m) : m))).toEqual([]);
  });

  it('SQL lives only in src/db', () => {
    const sql = /\b(SELECT\s|INSERT\s+INTO|UPDATE\s+\w+\s+SET|DELETE\s+FROM)\b|\.prepare\(/;
    const outside = [...graph.keys()]
      .filter((f) => !inSrc(f, 'db'))
      .filter((f) => sql.test(readFileSync(f, 'utf8')))
      .map(rel);
    expect(outside).toEqual([]);
  });
});
