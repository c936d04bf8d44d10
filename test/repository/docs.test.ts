/**
 * The README stays a short entry point and the documentation holds together: every relative link
 * in the README and docs/ reaches a file of the repository (and a heading, where it names one), and
 * every page of docs/ can be reached from the README.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { projectRoot } from '../support/k8s-tools';

const root = projectRoot();
const README = join(root, 'README.md');

function markdownFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) return markdownFiles(full);
    return entry.name.endsWith('.md') ? [full] : [];
  });
}

const pages = [README, ...markdownFiles(join(root, 'docs'))];

/** The text outside fenced code blocks, line by line (numbers kept for messages). */
function proseLines(file: string): { line: number; text: string }[] {
  let fenced = false;
  return readFileSync(file, 'utf8')
    .split('\n')
    .flatMap((text, i) => {
      if (/^\s*```/.test(text)) {
        fenced = !fenced;
        return [];
      }
      return fenced ? [] : [{ line: i + 1, text }];
    });
}

interface Link {
  file: string;
  line: number;
  target: string;
}

function links(file: string): Link[] {
  return proseLines(file).flatMap(({ line, text }) =>
    [...text.replace(/`[^`]*`/g, '').matchAll(/\]\(([^)\s]+)\)/g)].map((match) => ({ file, line, target: match[1]! })),
  );
}

/** GitHub's anchor for each heading of a Markdown file. */
function anchors(file: string): Set<string> {
  const seen = new Map<string, number>();
  const result = new Set<string>();
  for (const { text } of proseLines(file)) {
    const heading = /^#{1,6}\s+(.*)$/.exec(text);
    if (!heading) continue;
    const slug = heading[1]!
      .trim()
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\s_-]/gu, '')
      .replace(/\s/g, '-');
    const count = seen.get(slug) ?? 0;
    seen.set(slug, count + 1);
    result.add(count === 0 ? slug : `${slug}-${count}`);
  }
  return result;
}

const isExternal = (target: string) => /^[a-z][a-z0-9+.-]*:/i.test(target);

/** Where a relative link leads: the file it names (the page itself for `#anchor`) and the anchor. */
function destination(link: Link): { path: string; anchor?: string } {
  const [path, anchor] = link.target.split('#', 2) as [string, string | undefined];
  return { path: path === '' ? link.file : resolve(dirname(link.file), decodeURIComponent(path)), anchor };
}

test('the README is at most 15 KB', () => {
  const size = statSync(README).size;
  assert.ok(size <= 15_000, `README.md is ${size} bytes: move reference material to docs/`);
});

test('the README starts with the two commands a newcomer runs', () => {
  const firstBlock = /```sh\n([\s\S]*?)```/.exec(readFileSync(README, 'utf8'))![1]!;
  const commands = firstBlock.split('\n').filter(Boolean).map((line) => line.split('#')[0]!.trim());
  assert.deepEqual(commands, ['npm ci && npx calico-gen synth', 'npm ci && npm test']);
});

test('every relative link in the README and docs/ reaches a file of the repository', () => {
  const broken: string[] = [];
  for (const link of pages.flatMap(links)) {
    if (isExternal(link.target)) continue;
    const where = `${relative(root, link.file)}:${link.line}: ${link.target}`;
    const { path, anchor } = destination(link);
    if (!(path === root || path.startsWith(root + sep))) broken.push(`${where} (outside the repository)`);
    else if (!existsSync(path)) broken.push(`${where} (no such file)`);
    else if (anchor !== undefined && path.endsWith('.md') && !anchors(path).has(anchor)) broken.push(`${where} (no such heading)`);
  }
  assert.deepEqual(broken, []);
});

test('every page of docs/ is reachable from the README', () => {
  const reached = new Set<string>([README]);
  const queue = [README];
  while (queue.length > 0) {
    for (const link of links(queue.shift()!)) {
      if (isExternal(link.target)) continue;
      const { path } = destination(link);
      if (path.endsWith('.md') && existsSync(path) && !reached.has(path)) {
        reached.add(path);
        queue.push(path);
      }
    }
  }
  const unreached = pages.filter((page) => !reached.has(page)).map((page) => relative(root, page));
  assert.deepEqual(unreached, []);
});
