/** A people request that cannot be honoured; `status` is the HTTP code the API maps it to. */
export class PeopleError extends Error {
  constructor(
    message: string,
    readonly status: 400 | 404 | 409 | 503 = 400,
  ) {
    super(message);
    this.name = 'PeopleError';
  }
}
