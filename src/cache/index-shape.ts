/**
 * Whether a parsed synthesis cache index has the shape this calico-gen writes, down to every
 * field a lookup reads: an index written by another version, or by hand, is reported and
 * ignored, never half-used.
 */
type Check = (value: unknown, at: string) => string | undefined;

const string: Check = (value, at) => (typeof value === 'string' ? undefined : `${at} is not a string`);
const number: Check = (value, at) => (typeof value === 'number' ? undefined : `${at} is not a number`);
const boolean: Check = (value, at) => (typeof value === 'boolean' ? undefined : `${at} is not a boolean`);
const oneOf =
  (...allowed: unknown[]): Check =>
  (value, at) =>
    allowed.includes(value) ? undefined : `${at} is ${JSON.stringify(value)}`;
const isMap = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function object(fields: Record<string, Check>, optional: Record<string, Check> = {}): Check {
  return (value, at) => {
    if (!isMap(value)) return `${at} is not an object`;
    for (const [name, check] of Object.entries(fields)) {
      const problem = check(value[name], `${at}.${name}`);
      if (problem) return problem;
    }
    for (const [name, check] of Object.entries(optional)) {
      const problem = value[name] === undefined ? undefined : check(value[name], `${at}.${name}`);
      if (problem) return problem;
    }
    return undefined;
  };
}

function list(item: Check): Check {
  return (value, at) => {
    if (!Array.isArray(value)) return `${at} is not a list`;
    for (let i = 0; i < value.length; i++) {
      const problem = item(value[i], `${at}[${i}]`);
      if (problem) return problem;
    }
    return undefined;
  };
}

function mapOf(item: Check): Check {
  return (value, at) => {
    if (!isMap(value)) return `${at} is not an object`;
    for (const [key, entry] of Object.entries(value)) {
      const problem = item(entry, `${at}.${key}`);
      if (problem) return problem;
    }
    return undefined;
  };
}

function tuple(...items: Check[]): Check {
  return (value, at) => (Array.isArray(value) && value.length === items.length ? items.map((check, i) => check(value[i], `${at}[${i}]`)).find(Boolean) : `${at} is not a list of ${items.length}`);
}

const source = object({ file: string }, { line: number, column: number });
const located = { object: string, path: string };
const dependency = object({ kind: oneOf('module', 'file', 'exists', 'stat', 'listing', 'realpath', 'env', 'env-names'), path: string, hash: string }, { deep: oneOf(true) });
const finding = object({ rule: string, severity: oneOf('error', 'warning', 'info'), cluster: string, object: string, path: string, message: string }, { source });
const facts = object(
  { cluster: string, pools: list(object({ name: string, cidr: string, ...located }, { source })) },
  {
    source,
    asNumber: object({ value: number, defaulted: boolean, ...located }, { source }),
    routers: list(object({ name: string, family: oneOf(4, 6), address: string, ...located }, { source })),
    routerTable: string,
  },
);
const record = object({ cluster: string, definitionFile: string, dependencies: list(dependency), findings: list(finding) }, { fileHashes: mapOf(string), facts });

/** What is wrong with the index, or undefined when it is one this calico-gen wrote. */
export function indexProblem(index: unknown, format: number): string | undefined {
  if (!isMap(index)) return 'not a JSON object';
  if (index.format !== format) return `format ${JSON.stringify(index.format)}, not ${format}`;
  return object({ fingerprint: string, records: mapOf(record), routerTables: mapOf(list(tuple(string, oneOf(4, 6), string))) })(index, 'index');
}
