/** Kubernetes/Calico name shapes. */

const DNS1123_LABEL = '[a-z0-9]([-a-z0-9]*[a-z0-9])?';
const DNS1123_SUBDOMAIN = new RegExp(`^${DNS1123_LABEL}(\\.${DNS1123_LABEL})*$`);
export const NAME_REGEX_TEXT = `${DNS1123_LABEL}(\\.${DNS1123_LABEL})*`;
export const MAX_NAME_LENGTH = 253;

/** Why a resource name is invalid for Calico (DNS-1123 subdomain, ≤ 253 characters), or undefined.
 * Calico applies no 63-character limit per dot-separated part. */
export function resourceNameProblem(name: string): string | undefined {
  if (name === '') return 'the name is empty';
  const bytes = Buffer.byteLength(name, 'utf8');
  if (bytes > MAX_NAME_LENGTH) {
    return `name is too long by ${bytes - MAX_NAME_LENGTH} bytes (at most ${MAX_NAME_LENGTH} characters)`;
  }
  if (!DNS1123_SUBDOMAIN.test(name)) {
    return `name must consist of lower case alphanumeric characters, '-' or '.' (regex: ${NAME_REGEX_TEXT})`;
  }
  return undefined;
}

const QUALIFIED_NAME_PART = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;

/** Kubernetes qualified name (`prefix/name`), as label and annotation keys must be. */
export function qualifiedNameProblem(key: string): string | undefined {
  const parts = key.split('/');
  if (parts.length > 2) return 'a qualified name has at most one "/"';
  const name = parts[parts.length - 1];
  if (parts.length === 2) {
    const prefix = parts[0];
    if (prefix === '') return 'the prefix before "/" must not be empty';
    if (prefix.length > MAX_NAME_LENGTH || !DNS1123_SUBDOMAIN.test(prefix)) {
      return `the prefix "${prefix}" must be a lower-case DNS subdomain of at most ${MAX_NAME_LENGTH} characters`;
    }
  }
  if (name === '') return 'the name part must not be empty';
  if (name.length > 63) return 'the name part must be at most 63 characters';
  if (!QUALIFIED_NAME_PART.test(name)) {
    return "the name part must be alphanumerics, '-', '_' or '.', starting and ending with an alphanumeric";
  }
  return undefined;
}

/** Kubernetes label value: empty, or ≤ 63 characters shaped like a qualified-name part. */
export function labelValueProblem(value: string): string | undefined {
  if (value === '') return undefined;
  if (value.length > 63) return 'a label value must be at most 63 characters';
  if (!QUALIFIED_NAME_PART.test(value)) {
    return "a label value must be alphanumerics, '-', '_' or '.', starting and ending with an alphanumeric";
  }
  return undefined;
}
