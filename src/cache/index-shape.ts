/**
 * Whether a parsed synthesis cache index has the shape this calico-gen writes, down to every
 * field a lookup reads: an index written by another version, or by hand, is reported and
 * ignored, never half-used.
 */
/** undefined when the value fits; otherwise where it does not, relative to the value (`.records.a is not a string`). */
type Check = (value: unknown) => string | undefined;

const string: Check = (value) => (typeof value === 'string' ? undefined : ' is not a string');
const number: Check = (value) => (typeof value === 'number' ? undefined : ' is not a number');
const boolean: Check = (value) => (typeof value === 'boolean' ? undefined : ' is not a boolean');
const oneOf =
  (...allowed: unknown[]): Check =>
  (value) =>
    allowed.includes(value) ? undefined : ` is ${JSON.stringify(value)}`;
const isMap = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function object(fields: Record<string, Check>, optional: Record<string, Check> = {}): Check {
  const required = Object.entries(fields);
  const others = Object.entries(optional);
  return (value) => {
    if (!isMap(value)) return ' is not an object';
    for (const [name, check] of required) {
      const problem = check(value[name]);
      if (problem) return `.${name}${problem}`;
    }
    for (const [name, check] of others) {
      const problem = value[name] === undefined ? undefined : check(value[name]);
      if (problem) return `.${name}${problem}`;
    }
    return undefined;
  };
}

function list(item: Check): Check {
  return (value) => {
    if (!Array.isArray(value)) return ' is not a list';
    for (let i = 0; i < value.length; i++) {
      const problem = item(value[i]);
      if (problem) return `[${i}]${problem}`;
    }
    return undefined;
  };
}

function mapOf(item: Check): Check {
  return (value) => {
    if (!isMap(value)) return ' is not an object';
    for (const key in value) {
      const problem = item(value[key]);
      if (problem) return `.${key}${problem}`;
    }
    return undefined;
  };
}

/** A list of `items.length` values, or of one more when `last` is given. */
function tuple(items: Check[], last?: Check): Check {
  const checks = last ? [...items, last] : items;
  return (value) => {
    if (!Array.isArray(value) || (value.length !== items.length && value.length !== checks.length)) return ` is not a list of ${items.length}${last ? ` or ${checks.length}` : ''}`;
    for (let i = 0; i < value.length; i++) {
      const problem = checks[i]!(value[i]);
      if (problem) return `[${i}]${problem}`;
    }
    return undefined;
  };
}

const source = object({ file: string }, { line: number, column: number });
const definedAt = object({ call: object({ file: string, line: number, column: number }), keyPath: list((value) => (typeof value === 'string' || typeof value === 'number' ? undefined : ' is not a key')) }, { argument: number });
const note = object({ reason: string }, { until: string });
const located = { object: string, path: string };
const locatedOptional = { source, definedAt };
const dependency = object({ kind: oneOf('module', 'file', 'exists', 'stat', 'listing', 'realpath', 'env', 'env-names'), path: string, hash: string }, { deep: oneOf(true) });
const finding = object(
  { rule: string, severity: oneOf('error', 'warning', 'info'), cluster: string, object: string, path: string, message: string },
  { ...locatedOptional, acknowledged: note, acknowledgementExpired: object({ reason: string, until: string }) },
);
const acknowledgement = object({ rule: string, reason: string }, { object: string, until: string, definedAt });
const facts = object(
  {
    cluster: string,
    pools: list(object({ name: string, cidr: string, ...located }, locatedOptional)),
    serviceRanges: list(object({ list: string, cidr: string, ...located }, locatedOptional)),
  },
  {
    source,
    asNumber: object({ value: number, defaulted: boolean, ...located }, locatedOptional),
    routers: list(object({ name: string, family: oneOf(4, 6), address: string, ...located }, locatedOptional)),
    routerTable: string,
  },
);
const place: Check = (value) => (Number.isInteger(value) && (value as number) >= 0 ? undefined : ' is not a place in the dependency table');
const record = object({ cluster: string, definitionFile: string, dependencies: list(place), findings: list(finding) }, { fileHashes: mapOf(string), facts, acknowledgements: list(acknowledgement) });

/** What is wrong with the index, or undefined when it is one this calico-gen wrote. */
export function indexProblem(index: unknown, format: number): string | undefined {
  if (!isMap(index)) return 'not a JSON object';
  if (index.format !== format) return `format ${JSON.stringify(index.format)}, not ${format}`;
  const problem = object({ fingerprint: string, dependencies: list(dependency), records: mapOf(record), routerTables: mapOf(list(tuple([string, oneOf(4, 6), string], definedAt))) })(index);
  if (problem) return `index${problem}`;
  const table = (index.dependencies as unknown[]).length;
  for (const [name, stored] of Object.entries(index.records as Record<string, { dependencies: number[] }>)) {
    if (stored.dependencies.some((at) => at >= table)) return `index.records.${name} names a dependency the table does not have`;
  }
  return undefined;
}
