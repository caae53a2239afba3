import { CommanderError } from 'commander';
import { isPictoError, type ErrorCode } from '../shared/errors.js';

/** Exit statuses: 0 done, 1 the request failed (message printed), 2 the command line was wrong. */
const EXIT_STATUS: Partial<Record<ErrorCode, number>> = { usage: 2 };

/**
 * How a failed command ends: a PictoError prints its message (it was written for a person) and
 * exits with the status its code maps to; anything else is a bug or the environment failing and
 * prints its stack, for the bug report.
 */
export function failure(err: unknown): { status: number; text: string | null } {
  // Commander already printed its own message (and --help / --version end with status 0).
  if (err instanceof CommanderError) return { status: err.exitCode === 0 ? 0 : 2, text: null };
  if (isPictoError(err)) return { status: EXIT_STATUS[err.code] ?? 1, text: err.message };
  return { status: 1, text: (err as Error)?.stack ?? String(err) };
}
