#!/usr/bin/env node
// Writes docs/rules.md, the rules table, from the registries in src/ (through the build in dist/):
// every check's id, severity, scope and one-line description. A test fails while the committed
// file differs from what this writes.
//
//   npm run gen:docs          (builds first)
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { rulesTable } = createRequire(import.meta.url)(path.join(root, 'dist', 'src', 'api', 'rules.js'));
const output = path.join(root, 'docs', 'rules.md');
mkdirSync(path.dirname(output), { recursive: true });
writeFileSync(output, rulesTable());
console.log(`wrote ${path.relative(root, output)}`);
