import { AjvCompiler } from '@fastify/ajv-compiler';
import type { FastifyInstance, FastifySchemaCompiler } from 'fastify';

type AnySchema = Parameters<ReturnType<ReturnType<typeof AjvCompiler>>>[0]['schema'];

// [Note: Type coercion only where requests carry text]
//
// A path parameter, a query string or a header is text: `?limit=50` must become the integer 50
// and `?hidden=true` the boolean true, so those parts are validated with type coercion (and a
// single `?ids=x` becomes the array ['x']). A JSON body already carries types, and coercing them
// turns mistakes into yeses: with coercion `{"confirm": "true"}`, `{"confirm": 1}` and
// `{"confirm": [true]}` all passed as `confirm: true`, the guard in front of the one endpoint that
// deletes original files. Bodies are therefore validated exactly as sent. Both validators drop
// properties a schema does not declare and fill in its defaults, as before.

const SHARED = { removeAdditional: 'all', useDefaults: true } as const;

/** Schema validation for every route: coercing for text parts, exact for JSON bodies. */
export function installValidation(app: FastifyInstance): void {
  const build = AjvCompiler();
  const text = build({}, { customOptions: { ...SHARED, coerceTypes: 'array' } });
  const json = build({}, { customOptions: { ...SHARED, coerceTypes: false } });
  const compile: FastifySchemaCompiler<AnySchema> = (route) =>
    (route.httpPart === 'body' ? json : text)(route) as ReturnType<
      FastifySchemaCompiler<AnySchema>
    >;
  app.setValidatorCompiler(compile);
}
