import { describe, expect, it } from 'vitest';
import { failureOf } from '../../src/jobs/failures.js';
import { MEDIA_ERROR_CODES, PictoError } from '../../src/shared/errors.js';

const errno = (code: string) => Object.assign(new Error(`${code}: oops`), { code });

describe('indexing failures are classified by code', () => {
  it('a file that is broken for good is permanent and keeps what was read', () => {
    for (const code of ['empty', 'corrupt', 'unsupported', 'too-large', 'no-preview'] as const) {
      const e = new PictoError(code, `bad: ${code}`, { detail: { metadata: { format: 'jpeg' } } });
      const f = failureOf(e, 5);
      expect(f, code).toMatchObject({ ok: false, code, error: `bad: ${code}`, permanent: true });
      expect(f.partial).toEqual({ metadata: { format: 'jpeg' } });
    }
  });

  it('an unreadable file, a vanished one and any other error are retried', () => {
    expect(failureOf(new PictoError('unreadable', 'permission denied'), 1)).toMatchObject({
      code: 'unreadable',
      permanent: false,
    });
    expect(failureOf(errno('ENOENT'), 1)).toMatchObject({
      code: 'missing-file',
      error: 'file no longer exists at this path',
      permanent: false,
    });
    expect(failureOf(errno('EMFILE'), 1)).toMatchObject({ code: 'EMFILE', permanent: false });
    expect(failureOf(new Error('bug'), 1)).toMatchObject({ code: 'error', permanent: false });
    expect(failureOf('thrown string', 1)).toMatchObject({ error: 'thrown string' });
    // Not a file problem: a missing model is fixed by provisioning, then the retry works.
    const model = new PictoError('model-unavailable', 'no model', { detail: { modelId: 'x' } });
    expect(failureOf(model, 1)).toMatchObject({ permanent: false, partial: undefined });
  });

  it('classification never depends on the class name or the message', () => {
    // A look-alike with the old class name and a media code is still not one of ours.
    const fake = Object.assign(new Error('corrupt JPEG data'), {
      name: 'MediaError',
      code: 'corrupt',
    });
    expect(failureOf(fake, 1).permanent).toBe(false);
    expect(MEDIA_ERROR_CODES).toContain('decode-failed');
    expect(failureOf(new PictoError('decode-failed', 'x'), 1).permanent).toBe(true);
  });
});
