/** A request the catalogue cannot honour; `status` is the HTTP code the API maps it to. */
export class CatalogError extends Error {
  constructor(
    message: string,
    readonly status: 400 | 404 | 409 = 400,
  ) {
    super(message);
    this.name = 'CatalogError';
  }
}
