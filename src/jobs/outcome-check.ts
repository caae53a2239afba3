// A stage outcome from elsewhere (a remote worker, src/remote/intake.ts) checked before it goes
// where a local worker's outcome goes: see [Note: Checking results that come from elsewhere] in
// result-schemas.ts. The data is checked by the stage's own `validate` from the pipeline table;
// what only a foreign outcome needs is here: a failure of the right shape, and a success made by
// the version this primary runs (a worker of another build must not write mixed results).

import { Type, type Static } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { PIPELINE, type StageName, type StageResults } from './pipeline.js';
import { isMediaPartial, whyNot } from './result-schemas.js';
import type { StageFailure, StageOutcome } from './task.js';

const text = (max: number) => Type.String({ maxLength: max });

const Failure = Type.Object({
  ok: Type.Literal(false),
  code: text(64),
  error: text(4000),
  permanent: Type.Boolean(),
  partial: Type.Optional(Type.Unknown()),
  ms: Type.Number({ minimum: 0 }),
});

const Success = Type.Object({
  ok: Type.Literal(true),
  version: text(400),
  data: Type.Unknown(),
  ms: Type.Number({ minimum: 0 }),
});

function firstError(schema: typeof Failure | typeof Success, value: unknown, where: string) {
  const e = Value.Errors(schema, value).First();
  return e ? `${where}${e.path || ''}: ${e.message}` : `${where}: not valid`;
}

export type Checked<T> = { ok: true; outcome: StageOutcome<T> } | { ok: false; reason: string };

/**
 * Proves a stage outcome from elsewhere is what the stage's worker half returns: a failure of the
 * right shape (a media failure keeps its partial metadata only when that is valid), or a success
 * of this build's version whose data passes the stage's `validate`.
 */
export function checkOutcome<K extends StageName>(
  stage: K,
  value: unknown,
): Checked<StageResults[K]> {
  if (typeof value === 'object' && value !== null && (value as { ok?: unknown }).ok === false) {
    if (!Value.Check(Failure, value))
      return { ok: false, reason: firstError(Failure, value, stage) };
    const f: StageFailure = { ...(value as Static<typeof Failure>) };
    if (f.partial !== undefined && !(stage === 'media' && isMediaPartial(f.partial)))
      f.partial = undefined;
    return { ok: true, outcome: f };
  }
  if (!Value.Check(Success, value)) return { ok: false, reason: firstError(Success, value, stage) };
  const s = value as Static<typeof Success>;
  const def = PIPELINE[stage];
  if (s.version !== def.version) {
    return {
      ok: false,
      reason: `${stage}: made by version "${s.version}", this primary runs "${def.version}"`,
    };
  }
  const validate: (data: unknown) => data is StageResults[K] = def.validate;
  if (!validate(s.data)) return { ok: false, reason: whyNot(validate, s.data, `${stage}.data`) };
  return { ok: true, outcome: { ok: true, version: s.version, ms: s.ms, data: s.data } };
}
