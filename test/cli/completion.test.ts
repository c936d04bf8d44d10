/** `calico-gen completion bash|zsh`, tried in the real shells: a command, a flag, a flag's value, a cluster name. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { clusterSource, fleetProject, runCli, tempDir } from '../support/cli';

function script(shell: 'bash' | 'zsh'): string {
  const result = runCli(['completion', shell]);
  assert.equal(result.status, 0, result.stderr);
  const file = path.join(tempDir('completion'), `calico-gen.${shell}`);
  fs.writeFileSync(file, result.stdout);
  return file;
}

const has = (shell: string) => spawnSync(shell, ['-c', 'true']).status === 0;

/** What the shell offers for the words typed so far (the last one being completed), run in `cwd`. */
function complete(shell: 'bash' | 'zsh', file: string, words: string[], cwd = process.cwd()): string[] {
  const array = words.map((word) => `'${word}'`).join(' ');
  const program = `source '${file}'; COMP_WORDS=(${array}); COMP_CWORD=${words.length - 1}; _calico_gen; printf '%s\\n' "\${COMPREPLY[@]}"`;
  const result = spawnSync(shell, ['-c', program], { cwd, encoding: 'utf8' });
  assert.equal(result.status, 0, result.stderr);
  return result.stdout.split('\n').filter(Boolean).sort();
}

test('bash completes a command, a flag, a --format value and cluster names', { skip: !has('bash') && 'no bash' }, () => {
  const file = script('bash');
  assert.deepEqual(complete('bash', file, ['calico-gen', 'sy']), ['synth']);
  assert.deepEqual(complete('bash', file, ['calico-gen', 'synth', '--ch']), ['--check']);
  assert.deepEqual(complete('bash', file, ['calico-gen', 'diff', '--kube']), ['--kube-context', '--kubeconfig']);
  assert.deepEqual(complete('bash', file, ['calico-gen', 'validate', '-o', 'j']), ['json']);
  assert.deepEqual(complete('bash', file, ['calico-gen', 'diff', '--format', '']), ['json', 'markdown', 'text']);
  assert.deepEqual(complete('bash', file, ['calico-gen', 'completion', '']).filter((w) => !w.startsWith('-')), ['bash', 'zsh']);
  const project = fleetProject({ 'ams-main.ts': clusterSource('ams-main'), 'ams-ml.ts': clusterSource('ams-ml'), 'shared/x.ts': 'export {};\n' });
  fs.mkdirSync(path.join(project, 'clusters', 'shared', 'deeper'), { recursive: true });
  assert.deepEqual(complete('bash', file, ['calico-gen', 'diff', '--cluster', 'ams-'], path.join(project, 'clusters', 'shared', 'deeper')), ['ams-main', 'ams-ml']);
});

test('zsh registers the function through bashcompinit and offers the same words', { skip: !has('zsh') && 'no zsh' }, () => {
  const file = script('zsh');
  // zsh's compgen leaves matching to zsh (compadd against what is typed): it offers every candidate
  const offered = (words: string[]) => {
    const program = `autoload -U compinit && compinit -u; source '${file}'; print -r -- \${_comps[calico-gen]}; setopt ksharrays; COMP_WORDS=(${words.join(' ')} ''); COMP_CWORD=${words.length}; _calico_gen; print -l -- \${COMPREPLY[@]}`;
    const result = spawnSync('zsh', ['-f', '-c', program], { encoding: 'utf8', env: { ...process.env, HOME: tempDir('zsh-home') } });
    assert.equal(result.status, 0, result.stderr);
    const [registered, ...candidates] = result.stdout.split('\n').filter(Boolean);
    assert.equal(registered, '_bash_complete -o default -F _calico_gen');
    return candidates;
  };
  assert.ok(offered(['calico-gen']).includes('review'));
  assert.ok(offered(['calico-gen', 'synth']).includes('--check'));
  assert.deepEqual(offered(['calico-gen', 'validate', '-o']), ['text', 'json', 'github']);
});

test('completion without a shell, or with another, is one line and exit 1', () => {
  assert.deepEqual(runCli(['completion']).stderr, 'calico-gen: completion: name a shell: calico-gen completion bash|zsh\n');
  const fish = runCli(['completion', 'fish']);
  assert.deepEqual([fish.status, fish.stderr], [1, 'calico-gen: completion: "fish" is not a shell calico-gen completes: calico-gen completion bash|zsh\n']);
});
