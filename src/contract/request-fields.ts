// The top-level request fields a contract documents, for serde's "unknown field" message. A field
// whose schema is `false` is one the dialect rejects (another dialect's extension), not one it knows.
const cache = new WeakMap<object, readonly string[]>();

export function documentedRequestFields(document: Record<string, unknown>): readonly string[] {
  let fields = cache.get(document);
  if (!fields) {
    const schemas = (document as { components?: { schemas?: Record<string, { properties?: Record<string, unknown> }> } }).components?.schemas;
    const properties = schemas?.ChatCompletionRequest?.properties ?? {};
    fields = Object.entries(properties)
      .filter(([, schema]) => schema !== false)
      .map(([name]) => name);
    cache.set(document, fields);
  }
  return fields;
}
