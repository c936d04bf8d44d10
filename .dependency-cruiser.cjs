/**
 * The layers of src/ and the direction they may import in (`npm run check:layers`, part of
 * `npm test`). A folder imports its own modules and those of lower layers, never a higher layer
 * nor a sibling of its own layer; no cycles anywhere, type-only imports included.
 * docs/architecture.md describes each layer.
 */
const layers = [
  ['util'], // generic helpers, no domain words
  ['core'], // the shared domain words: findings, net, kube, calico, quantity, selector, schemas
  ['model'], // the definition types, the define functions, the chart's values and defaults
  ['charts-src'], // the cdk8s charts
  // the stages, in the order a cluster goes through them
  ['load'],
  ['resolve'],
  ['values'],
  ['synth'],
  ['render'],
  ['validate'],
  ['inputs'],
  ['cache'],
  ['output'],
  ['pipeline'], // the one pipeline every command runs
  ['live', 'diff', 'ipam'],
  ['review', 'import'],
  ['report'],
  ['api'], // the use cases: the programmatic API
  ['cli'],
  ['entry'], // src/index.ts and src/cdk8s-app.ts
];

const pathOf = (folder) => {
  if (folder === 'charts-src') return '^charts-src/';
  if (folder === 'entry') return '^src/(index|cdk8s-app)\\.ts$';
  return `^src/${folder}/`;
};
const any = (folders) => (folders.length === 0 ? '^$' : folders.map(pathOf).join('|'));

/** What a layer may not import: every higher layer, and the other folders of its own layer. */
function layerRules() {
  return layers.flatMap((layer, level) => {
    const higher = layers.slice(level + 1).flat();
    return layer.map((folder) => {
      const siblings = layer.filter((other) => other !== folder && !(folder === 'diff' && other === 'live'));
      return {
        name: `layer-${folder}`,
        comment: `${folder} imports only lower layers (${layers.slice(0, level).flat().join(', ') || 'none'})`,
        severity: 'error',
        from: { path: pathOf(folder) },
        to: { path: any([...higher, ...siblings]) },
      };
    });
  });
}

module.exports = {
  forbidden: [
    ...layerRules(),
    {
      name: 'no-circular',
      comment: 'no import cycles, type-only imports included',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'cli-calls-the-api',
      comment: 'the CLI parses arguments, calls the use cases and prints their reports: it reaches the stages only through src/api',
      severity: 'error',
      from: { path: '^src/cli/' },
      to: { path: '^(src|charts-src)/', pathNot: '^src/(util|core|report|api|cli)/' },
    },
    {
      name: 'diff-reads-nothing',
      comment: 'diff is pure: it may name the live state (types), never read it',
      severity: 'error',
      from: { path: '^src/diff/' },
      to: { path: '^src/live/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'ipam-is-pure',
      comment: 'IPAM analysis uses only the bottom layers',
      severity: 'error',
      from: { path: '^src/ipam/' },
      to: { path: '^(src|charts-src)/', pathNot: '^src/(util|core|model|ipam)/' },
    },
    {
      name: 'no-dev-dependencies',
      comment: 'what ships uses only `dependencies`: an installed calico-gen has no devDependencies',
      severity: 'error',
      from: { path: '^(src|charts-src)/' },
      to: { dependencyTypes: ['npm-dev'], dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'no-tests-in-code',
      severity: 'error',
      from: { path: '^(src|charts-src)/' },
      to: { path: '^(test|bench)/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    moduleSystems: ['cjs', 'es6'],
  },
};
