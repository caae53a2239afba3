import { AjvCompiler } from '@fastify/ajv-compiler';
import type { FastifyInstance, FastifySchemaCompiler } from 'fastify';
import { BINARY_BODY } from './route.js';

type AnySchema = Parameters<ReturnType<ReturnType<typeof AjvCompiler>>>[0]['schema'];

// [Note: Type coercion only where requests carry text]
//
// A path parameter, a query string or a header is text: `?limit=50` must become the integer 50
// and `?hidden=true` the boolean true, so those parts are validated with type coercion (and a
// single `?ids=x` becomes the array ['x']). A JSON body already carries types, and coercing them
// turns mistakes into yeses: with coercion `{"confirm": "true"}`, `{"confirm": 1}` and
// `{"confirm": [true]}` all passed as `confirm: true`, the guard in front of the one endpoint that
// deletes original files. Bodies are therefore validated exactly as sent. Both validators drop
// properties a schema does not declare and fill in its defaults, as before. A raw-bytes body (an
// uploaded image, BINARY_BODY) is not JSON at all: its schema only documents it, and the route
// checks the bytes themselves.

const isBinary = (schema: unknown) =>
  typeof schema === 'object' &&
  schema !== null &&
  (schema as { format?: unknown }).format === BINARY_BODY.format &&
  (schema as { type?: unknown }).type === BINARY_BODY.type;

const SHARED = { removeAdditional: 'all', useDefaults: true } as const;

/** Schema validation for every route: coercing for text parts, exact for JSON bodies. */
export function installValidation(app: FastifyInstance): void {
  const build = AjvCompiler();
  const text = build({}, { customOptions: { ...SHARED, coerceTypes: 'array' } });
  const json = build({}, { customOptions: { ...SHARED, coerceTypes: false } });
  const compile: FastifySchemaCompiler<AnySchema> = (route) => {
    if (route.httpPart === 'body' && isBinary(route.schema)) return () => true;
    return (route.httpPart === 'body' ? json : text)(route) as ReturnType<
      FastifySchemaCompiler<AnySchema>
    >;
  };
  app.setValidatorCompiler(compile);
}
