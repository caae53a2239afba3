import { ApiError } from '../../shared/api.js';

/** Error responses every route documents; the error handler always answers in this shape. */
export const errors = { 400: ApiError, 404: ApiError } as const;
export const errors409 = { ...errors, 409: ApiError } as const;
