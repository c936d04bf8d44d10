/**
 * Writes objects the way `kubectl get <kinds> -o json|yaml` prints them: one `v1/List`, map keys
 * sorted (kubectl prints custom resources as unstructured maps), JSON indented by four spaces, YAML
 * in go-yaml's block style with a sequence's dashes at its key's indentation. Dumps of a large
 * cluster are written item by item so no single string holds the whole file.
 */
import * as fs from 'node:fs';
import { needsQuotes } from '../../../src/render/yaml';
import type { Obj } from './objects';

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  const sorted: Obj = {};
  for (const key of Object.keys(value).sort()) sorted[key] = sortKeys((value as Obj)[key]);
  return sorted;
}

function jsonItem(object: Obj): string {
  return JSON.stringify(sortKeys(object), null, 4).replace(/\n/g, '\n        ');
}

function scalar(value: unknown): string {
  if (typeof value === 'string') return needsQuotes(value) ? JSON.stringify(value) : value;
  return value === null || value === undefined ? 'null' : String(value);
}

function emptyCollection(value: unknown): string | undefined {
  if (Array.isArray(value) && value.length === 0) return '[]';
  if (value !== null && typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length === 0) return '{}';
  return undefined;
}

/** Lines for `value` at `indent`; the first line carries no indentation (the caller's prefix does). */
function yamlLines(value: unknown, indent: string, out: string[], first: string): void {
  if (Array.isArray(value)) {
    value.forEach((item, i) => {
      const prefix = i === 0 ? first : indent;
      if (item !== null && typeof item === 'object' && emptyCollection(item) === undefined) yamlLines(item, `${indent}  `, out, `${prefix}- `);
      else out.push(`${prefix}- ${emptyCollection(item) ?? scalar(item)}`);
    });
    return;
  }
  Object.entries(value as Obj).forEach(([key, item], i) => {
    const prefix = `${i === 0 ? first : indent}${scalar(key)}:`;
    const empty = emptyCollection(item);
    if (item === null || typeof item !== 'object' || empty !== undefined) out.push(`${prefix} ${empty ?? scalar(item)}`);
    else if (Array.isArray(item)) {
      out.push(prefix);
      yamlLines(item, indent, out, indent);
    } else {
      out.push(prefix);
      yamlLines(item, `${indent}  `, out, `${indent}  `);
    }
  });
}

function yamlItem(object: Obj): string {
  const lines: string[] = [];
  yamlLines([sortKeys(object)], '', lines, '');
  return lines.join('\n') + '\n';
}

const JSON_HEAD = '{\n    "apiVersion": "v1",\n    "items": [\n';
const JSON_TAIL = '\n    ],\n    "kind": "List",\n    "metadata": {\n        "resourceVersion": ""\n    }\n}\n';
const YAML_HEAD = 'apiVersion: v1\nitems:\n';
const YAML_TAIL = 'kind: List\nmetadata:\n  resourceVersion: ""\n';

export function kubectlJson(objects: readonly Obj[]): string {
  return JSON_HEAD + objects.map((object) => `        ${jsonItem(object)}`).join(',\n') + JSON_TAIL;
}

export function kubectlYaml(objects: readonly Obj[]): string {
  return YAML_HEAD + objects.map(yamlItem).join('') + YAML_TAIL;
}

/**
 * Streams a large dump to a file; returns its size in bytes. `json-compact` is the same List
 * without indentation, as the API server sends a list (and as `kubectl get --raw` saves it).
 */
export function writeKubectlDump(file: string, objects: readonly Obj[], format: 'json' | 'yaml' | 'json-compact'): number {
  const fd = fs.openSync(file, 'w');
  try {
    if (format === 'json-compact') return writeCompact(fd, file, objects);
    let chunk = format === 'json' ? JSON_HEAD : YAML_HEAD;
    objects.forEach((object, i) => {
      chunk += format === 'json' ? `${i > 0 ? ',\n' : ''}        ${jsonItem(object)}` : yamlItem(object);
      if (chunk.length > 1 << 20) {
        fs.writeSync(fd, chunk);
        chunk = '';
      }
    });
    fs.writeSync(fd, chunk + (format === 'json' ? JSON_TAIL : YAML_TAIL));
  } finally {
    fs.closeSync(fd);
  }
  return fs.statSync(file).size;
}

function writeCompact(fd: number, file: string, objects: readonly Obj[]): number {
  let chunk = '{"apiVersion":"v1","items":[';
  objects.forEach((object, i) => {
    chunk += `${i > 0 ? ',' : ''}${JSON.stringify(sortKeys(object))}`;
    if (chunk.length > 1 << 20) {
      fs.writeSync(fd, chunk);
      chunk = '';
    }
  });
  fs.writeSync(fd, `${chunk}],"kind":"List","metadata":{"resourceVersion":""}}\n`);
  return fs.fstatSync(fd).size;
}
