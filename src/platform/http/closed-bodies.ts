/**
 * The JSON API refuses a body field it does not know (VALIDATION_FAILED with the field's path), so
 * that a misspelt optional field (`preferenceRnak`) is an error and not silently ignored. The body
 * schemas of the routes do not say so each: every object of an `/api/` route's body schema that
 * lists its properties gets `propertyNames: {enum: [those names]}`.
 *
 * Not `additionalProperties: false`: Ajv (as Fastify sets it up) silently removes such fields, and a
 * few schemas say it on purpose — a federated gateway's report keeps its counts and drops the rest,
 * so that a newer gateway's extra fields do not stop an older region server; those stay as they are.
 * Not closed either: an object whose fields also come from `anyOf`, `oneOf`, `allOf` or `if` beside
 * its properties, or that has `patternProperties`, and the chain protocol's routes, which stay
 * tolerant of fields a newer peer adds.
 */
type Schema = Record<string | symbol, unknown>;

const isSchema = (value: unknown): value is Schema =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

const OPEN_WITH = [
  'additionalProperties',
  'patternProperties',
  'propertyNames',
  'anyOf',
  'oneOf',
  'allOf',
  'if',
];

export function closedBody<T>(schema: T): T {
  return isSchema(schema) ? (close(schema) as T) : schema;
}

function close(schema: Schema): Schema {
  const copy: Schema = { ...schema };
  if (isSchema(schema.properties)) {
    const properties = schema.properties;
    copy.properties = Object.fromEntries(
      Object.entries(properties).map(([name, sub]) => [name, isSchema(sub) ? close(sub) : sub]),
    );
    if (OPEN_WITH.every((key) => schema[key] === undefined))
      copy.propertyNames = { enum: Object.keys(properties) };
  }
  if (isSchema(schema.items)) copy.items = close(schema.items);
  for (const key of ['anyOf', 'oneOf'] as const) {
    const list = schema[key];
    if (Array.isArray(list)) copy[key] = list.map((sub) => (isSchema(sub) ? close(sub) : sub));
  }
  return copy;
}
