// Label and field selectors, in the grammar kube-apiserver accepts:
//   a=b  a==b  a!=b  a in (x,y)  a notin (x,y)  a  !a
// Field selectors: only metadata.name / metadata.namespace (= == !=), which is
// what clients use them for; anything else is refused rather than ignored.

export type Matcher = (labels: Record<string, string>) => boolean;

const SET_RE = /^([^\s!=]+)\s+(in|notin)\s+\(([^)]*)\)$/;
const EQ_RE = /^([^\s!=]+)\s*(==|=|!=)\s*([^\s!=]*)$/;
const EXISTS_RE = /^(!?)([^\s!=(),]+)$/;

/** Splits on commas outside parentheses: `a in (x,y),b=c` → two requirements. */
function splitRequirements(selector: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of selector) {
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (ch === ',' && depth === 0) {
      parts.push(current.trim());
      current = '';
    } else {
      current += ch;
    }
  }
  parts.push(current.trim());
  return parts.filter((p) => p !== '');
}

function requirement(text: string): Matcher {
  let m = SET_RE.exec(text);
  if (m) {
    const [, key, op, list] = m;
    const values = new Set(list.split(',').map((v) => v.trim()));
    return op === 'in'
      ? (l) => key in l && values.has(l[key])
      : (l) => !(key in l) || !values.has(l[key]);
  }
  m = EQ_RE.exec(text);
  if (m) {
    const [, key, op, value] = m;
    return op === '!=' ? (l) => l[key] !== value : (l) => key in l && l[key] === value;
  }
  m = EXISTS_RE.exec(text);
  if (m) {
    const [, not, key] = m;
    return not ? (l) => !(key in l) : (l) => key in l;
  }
  throw new Error(`unable to parse requirement: ${JSON.stringify(text)}`);
}

/** Throws on a malformed selector (the server answers 400). */
export function parseLabelSelector(selector: string): Matcher {
  const requirements = splitRequirements(selector).map(requirement);
  return (labels) => requirements.every((r) => r(labels));
}

const FIELDS = new Set(['metadata.name', 'metadata.namespace']);

export function parseFieldSelector(selector: string): Matcher {
  const requirements = splitRequirements(selector).map((text) => {
    const m = EQ_RE.exec(text);
    if (!m || !FIELDS.has(m[1])) throw new Error(`field label not supported: ${JSON.stringify(text)}`);
    return requirement(text);
  });
  return (fields) => requirements.every((r) => r(fields));
}
