import { describe, expect, it } from 'vitest';
import { apiError, HTTP_ERRORS } from '../../src/server/errors.js';

describe('the HTTP error table', () => {
  it('keeps the kinds clients already read', () => {
    expect(apiError('invalid', 'x')).toEqual({
      statusCode: 400,
      error: 'bad-request',
      message: 'x',
    });
    expect(apiError('not-found', 'x')).toMatchObject({ statusCode: 404, error: 'not-found' });
    expect(apiError('conflict', 'x')).toMatchObject({ statusCode: 409, error: 'conflict' });
    expect(apiError('validation', 'x')).toMatchObject({ statusCode: 400, error: 'validation' });
    // Folder errors kept their own kinds (and a path that does not exist stays a 400).
    expect(apiError('folder-not-found', 'x')).toMatchObject({
      statusCode: 400,
      error: 'not-found',
    });
    expect(apiError('nested', 'x')).toMatchObject({ statusCode: 409, error: 'nested' });
    expect(apiError('unknown-folder', 'x')).toMatchObject({ statusCode: 404 });
    expect(apiError('bad-range', 'x')).toMatchObject({ statusCode: 416 });
  });

  it('answers every code with a 4xx except what the server itself lacks or ran out of', () => {
    // A missing model or video tool (503) and a tool that timed out (504) are not the request's fault.
    const unavailable = new Set(['model-unavailable', 'no-video-tools', 'timeout']);
    for (const [code, { status }] of Object.entries(HTTP_ERRORS)) {
      const expected = unavailable.has(code) ? 5 : 4;
      expect(Math.floor(status / 100), code).toBe(expected);
    }
  });
});
