/**
 * What in release values is a secret: a value under a key that names one, or a string shaped like
 * one wherever it is. Keys are split into words (`nodeMeshPassword` → node, mesh, password;
 * `api_key` → api, key) and compared without case.
 *
 * The words, and why:
 * - anywhere in a key (these letters occur in no key that does not hold a secret):
 *   password, passwd, passphrase, secret, token, credential, bearer, private, apikey, accesskey
 * - a whole word of a key (as part of a longer word they mean something else: `keyboard`,
 *   `passive`, `authority`): pass, pwd, dsn, key, keys, cred, creds, auth, authorization, jwt,
 *   cookie, signature
 *
 * Readable although they contain those letters, because each names a secret rather than holding
 * one, and each is a real key of the chart's values or of the Kubernetes objects in them:
 * - `imagePullSecrets` (Secret names), `topologyKey` (a node label), and a key that ends in
 *   `Name` or `Ref` (`secretName`, istio's `credentialName`, `secretKeyRef`, `configMapKeyRef`: a
 *   name, or a reference made of a name and a key);
 * - `key` next to `operator` (a toleration, a selector expression: a label key) or beside `name`
 *   only (the key of a reference);
 * - a sensitive key whose value is only a reference to a Secret: Calico's BGP passwords
 *   (`BGPConfiguration.nodeMeshPassword`, a peer's `password`) are `{secretKeyRef: {name, key}}`
 *   and never the password itself.
 */
import { isMap, type Json, type JsonMap } from './field-path';

const ANYWHERE = /password|passwd|passphrase|secret|token|credential|bearer|private|apikey|accesskey/i;
const WORDS = new Set(['pass', 'pwd', 'dsn', 'key', 'keys', 'cred', 'creds', 'auth', 'authorization', 'jwt', 'cookie', 'signature']);
const READABLE = new Set(['imagePullSecrets', 'topologyKey']);
const NAMES_A_SECRET = /[a-z0-9](Name|Ref)s?$/;

function wordsOf(key: string): string[] {
  return key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/** by key: whether its words name a secret (a fleet's values repeat a few hundred keys thousands of times) */
const keyNamesSecret = new Map<string, boolean>();

function namesSecret(key: string): boolean {
  let known = keyNamesSecret.get(key);
  if (known === undefined) {
    known = !READABLE.has(key) && !NAMES_A_SECRET.test(key) && (ANYWHERE.test(key) || wordsOf(key).some((word) => WORDS.has(word)));
    keyNamesSecret.set(key, known);
  }
  return known;
}

/** Whether the value under `key` of `container` is to be hidden. */
export function isSensitiveKey(key: string, container: JsonMap): boolean {
  if (!namesSecret(key)) return false;
  if (key === 'key' && ('operator' in container || isReference(container))) return false;
  return !isSecretReference(container[key]);
}

/** `{name, key}` (and `optional`): what a secretKeyRef or configMapKeyRef holds. */
function isReference(value: Json | undefined): boolean {
  if (!isMap(value)) return false;
  const keys = Object.keys(value);
  return keys.includes('name') && keys.every((key) => (key === 'optional' ? typeof value[key] === 'boolean' : (key === 'name' || key === 'key') && typeof value[key] === 'string'));
}

/** `{secretKeyRef: {name, key}}`: where a secret is, not what it is. */
function isSecretReference(value: Json | undefined): boolean {
  return isMap(value) && Object.keys(value).length === 1 && isReference(value.secretKeyRef);
}

/** Secrets by their shape, each with what is left readable around it. */
const SHAPES: { pattern: RegExp; keep: (match: string, ...groups: string[]) => string }[] = [
  // credentials in a URL: https://user:password@host keeps the user
  { pattern: /\b([a-z][a-z0-9+.-]*:\/\/)([^\s:@/]*):([^\s@/]+)@/gi, keep: (_m, scheme, user) => `${scheme}${user}:${MARK}@` },
  // a JSON Web Token: three base64url parts, the first two JSON objects (`eyJ` is `{"`)
  { pattern: /\beyJ[A-Za-z0-9_-]{5,}\.eyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*/g, keep: () => MARK },
  // an Authorization header's value
  { pattern: /\b(Bearer|Basic|Token)(\s+)[A-Za-z0-9._~+/=-]{8,}/gi, keep: (_m, scheme, space) => `${scheme}${space}${MARK}` },
  // a PEM private key, up to its end line (or the end of the text)
  { pattern: /-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----[\s\S]*?(?:-----END [A-Z0-9 ]*PRIVATE KEY-----|$)/g, keep: () => MARK },
  // tokens that name themselves: GitHub, GitLab, Slack, an AWS access key id
  { pattern: /\b(?:gh[pousr]_[A-Za-z0-9]{20,}|glpat-[A-Za-z0-9_-]{20,}|xox[abposr]-[A-Za-z0-9-]{10,}|AKIA[0-9A-Z]{16})\b/g, keep: () => MARK },
];

/** Placeholder while the shapes are replaced; the caller's marker takes its place. */
const MARK = '\u0000redacted\u0000';

/** strings already looked at that hold no secret shape: a fleet's values repeat the same ones */
const plain = new Set<string>();
const PLAIN_KEPT = 50_000;

/** The string with every secret-shaped part replaced by `marker`; the same string when there is none. */
export function redactShapes(text: string, marker: string): string {
  if (plain.has(text)) return text;
  let result = text;
  for (const { pattern, keep } of SHAPES) result = result.replace(pattern, keep as (substring: string, ...args: unknown[]) => string);
  if (result !== text) return result.split(MARK).join(marker);
  if (plain.size >= PLAIN_KEPT) plain.clear();
  plain.add(text);
  return text;
}
