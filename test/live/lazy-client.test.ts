// The Kubernetes client costs about half a second to load: only a diff that reads a live cluster
// may load it, never an offline diff (nor synth, which shares the pipeline).
import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { cliEnv, ROOT, runCli } from './support/cli';
import { CLUSTER } from './support/planted';

let home: string;
let hook: string;

before(() => {
  home = mkdtempSync(join(tmpdir(), 'calico-gen-lazy-'));
  hook = join(home, 'report-client-load.js');
  writeFileSync(hook, `const Module = require('module');
const load = Module._load;
Module._load = function (request, ...rest) {
  if (request.startsWith('@kubernetes/client-node')) process.stderr.write('LOADED @kubernetes/client-node\\n');
  return load.call(this, request, ...rest);
};
`);
});

after(() => rmSync(home, { recursive: true, force: true }));

const withHook = () => cliEnv(home, { NODE_OPTIONS: `--require ${hook}` });

test('an offline diff and synth never load @kubernetes/client-node', async () => {
  const offline = await runCli(['diff', '--cluster', CLUSTER, '--live-file', join(ROOT, 'generated', CLUSTER, 'manifests.yaml')], withHook());
  assert.doesNotMatch(offline.stderr, /LOADED/);
  assert.match(offline.stdout, new RegExp(`Plan ${CLUSTER}:`));
  const synth = await runCli(['synth', '--check', '--cluster', CLUSTER], withHook());
  assert.doesNotMatch(synth.stderr, /LOADED/);
});

test('a diff against the API loads it', async () => {
  const missing = await runCli(['diff', '--cluster', CLUSTER, '--kubeconfig', join(home, 'nowhere')], withHook());
  // the kubeconfig is checked before the client is needed
  assert.doesNotMatch(missing.stderr, /LOADED/);
  writeFileSync(join(home, 'kc'), 'apiVersion: v1\nkind: Config\nclusters: []\ncontexts: []\nusers: []\n');
  const live = await runCli(['diff', '--cluster', CLUSTER, '--kubeconfig', join(home, 'kc')], withHook());
  assert.match(live.stderr, /LOADED @kubernetes\/client-node/);
  assert.match(live.stderr, new RegExp(`context "${CLUSTER}" .* is not in kubeconfig`));
});
