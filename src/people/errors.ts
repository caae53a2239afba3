import { CatalogError } from '../collection/errors.js';

/**
 * A people request that cannot be honoured. A CatalogError, so the CLI prints it and the API maps
 * `status` to the HTTP code like every other catalogue error.
 */
export class PeopleError extends CatalogError {
  constructor(message: string, status: 400 | 404 | 409 = 400) {
    super(message, status);
    this.name = 'PeopleError';
  }
}
