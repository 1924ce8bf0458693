// Compiles a contract document (OpenAPI 3.1) into validators, once per document object.
// Ajv 2020-12 matches OpenAPI 3.1's schema dialect; `discriminator` is OpenAPI's and ajv supports it.
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

export interface Contract {
  /** The document the validators came from. */
  document: Record<string, unknown>;
  request: ValidateFunction;
  completion: ValidateFunction;
  chunk: ValidateFunction;
  error: ValidateFunction;
  models: ValidateFunction;
  balance: ValidateFunction;
  /** Any other component schema, compiled on first use. */
  schema(name: string): ValidateFunction;
}

export type ValidationErrors = ErrorObject[];

const compiled = new WeakMap<object, Contract>();

/** One Ajv for every contract in this process: documents are told apart by their $id. */
let sharedAjv: Ajv2020 | undefined;
let documentCount = 0;

function ajvInstance(): Ajv2020 {
  if (!sharedAjv) {
    sharedAjv = new Ajv2020({
      strict: true,
      // All errors, so the one DeepSeek would name can be chosen; valid input costs the same either way.
      allErrors: true,
      discriminator: true,
      // OpenAPI puts `example`/`xml`/`externalDocs` on schemas; they are annotations.
      keywords: ['example', 'xml', 'externalDocs', 'components'],
    });
    (addFormats as unknown as (ajv: Ajv2020) => void)(sharedAjv);
  }
  return sharedAjv;
}

export function compileContract(document: Record<string, unknown>): Contract {
  const cached = compiled.get(document);
  if (cached) return cached;
  const ajv = ajvInstance();
  const id = `urn:deepseek-fake:contract:${++documentCount}`;
  const components = (document as { components?: { schemas?: Record<string, unknown> } }).components;
  ajv.addSchema({ $id: id, components: { schemas: components?.schemas ?? {} } });
  const lazy = new Map<string, ValidateFunction>();
  const schema = (name: string): ValidateFunction => {
    let v = lazy.get(name);
    if (!v) {
      v = ajv.compile({ $ref: `${id}#/components/schemas/${name}` });
      lazy.set(name, v);
    }
    return v;
  };
  // Compiled on first access: the fake's request path needs only `request`, and compiling the
  // response schemas too cost ~2/3 of the contract's start-up time; conformance reads the others.
  const contract: Contract = {
    document,
    get request() {
      return schema('ChatCompletionRequest');
    },
    get completion() {
      return schema('ChatCompletion');
    },
    get chunk() {
      return schema('ChatCompletionChunk');
    },
    get error() {
      return schema('ErrorResponse');
    },
    get models() {
      return schema('ModelList');
    },
    get balance() {
      return schema('Balance');
    },
    schema,
  };
  compiled.set(document, contract);
  return contract;
}
