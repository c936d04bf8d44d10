/**
 * Kubeconfig resolution as kubectl does it: `--kubeconfig FILE` alone, else every file in
 * `KUBECONFIG` merged (the first file to define a cluster, user or context wins; missing files are
 * skipped), else `~/.kube/config`. The context is `--kube-context`, else the one the cluster definition
 * names; never the kubeconfig's current context, which may well point at another cluster.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { UserError } from '../util/errors';
import { readInputText } from '../util/input-file';
import { clientNode, type ClientNode } from './client-node';

export interface KubeconfigOptions {
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** --kubeconfig */
  kubeconfig?: string;
  /** --kube-context */
  context?: string;
  /** the cluster definition's kubeContext, and the file that sets it, for messages */
  defaultContext: string;
  definitionFile?: string;
  /** larger kubeconfig files are refused before they are read (default 256 MiB) */
  maxInputBytes?: number;
}

export interface ResolvedKubeconfig {
  config: ClientNode.KubeConfig;
  context: string;
  server: string;
  user: string;
  files: string[];
  /** things a person should know, such as TLS verification being off for this cluster */
  warnings: string[];
}

export function kubeconfigFiles(options: Pick<KubeconfigOptions, 'env' | 'cwd' | 'kubeconfig'>): string[] {
  if (options.kubeconfig) {
    const file = path.resolve(options.cwd, options.kubeconfig);
    if (!fs.existsSync(file)) throw new UserError(`--kubeconfig ${options.kubeconfig}: no such file`);
    return [file];
  }
  const listed = (options.env.KUBECONFIG ?? '').split(path.delimiter).filter((entry) => entry !== '');
  if (listed.length > 0) {
    const files = listed.map((entry) => path.resolve(options.cwd, entry)).filter((file) => fs.existsSync(file));
    if (files.length === 0) throw new UserError(`KUBECONFIG=${options.env.KUBECONFIG} names no existing file`);
    return [...new Set(files)];
  }
  const home = options.env.HOME ?? options.env.USERPROFILE;
  const file = home ? path.join(home, '.kube', 'config') : undefined;
  if (!file || !fs.existsSync(file)) throw new UserError(`no kubeconfig: ${file ?? '~/.kube/config'} does not exist and KUBECONFIG is not set; pass --kubeconfig FILE`);
  return [file];
}

/** As KubeConfig.loadFromFile, through the bounded reader: a kubeconfig is a file the user names too. */
function loadFile(file: string, maxInputBytes: number | undefined): ClientNode.KubeConfig {
  const read = readInputText(file, maxInputBytes);
  if ('reason' in read) throw new UserError(`kubeconfig ${file}: ${read.reason}`);
  const config = new (clientNode().KubeConfig)();
  try {
    config.loadFromString(read.text);
    // certificate and key files named in it are relative to its folder
    config.makePathsAbsolute(path.dirname(file));
  } catch (error) {
    throw new UserError(`kubeconfig ${file}: ${(error as Error).message.split('\n')[0]}`);
  }
  return config;
}

/** kubectl's merge: maps keyed by name, the first file to set a name wins. */
function merge(configs: ClientNode.KubeConfig[]): ClientNode.KubeConfig {
  const firstByName = <T extends { name: string }>(lists: T[][]): T[] => {
    const seen = new Map<string, T>();
    for (const item of lists.flat()) if (!seen.has(item.name)) seen.set(item.name, item);
    return [...seen.values()];
  };
  const merged = new (clientNode().KubeConfig)();
  merged.loadFromOptions({
    clusters: firstByName(configs.map((c) => c.getClusters())),
    users: firstByName(configs.map((c) => c.getUsers())),
    contexts: firstByName(configs.map((c) => c.getContexts())),
    currentContext: configs.map((c) => c.getCurrentContext()).find((name) => !!name) ?? '',
  });
  return merged;
}

export function resolveKubeconfig(options: KubeconfigOptions): ResolvedKubeconfig {
  const files = kubeconfigFiles(options);
  const config = merge(files.map((file) => loadFile(file, options.maxInputBytes)));
  const context = options.context ?? options.defaultContext;
  const where = `kubeconfig ${files.join(path.delimiter)}`;
  const entry = config.getContextObject(context);
  if (!entry) {
    const known = config.getContexts().map((c) => c.name);
    const origin = options.context ? '' : ` (the kubeContext of ${options.definitionFile ?? 'the cluster definition'}; pass --kube-context to use another)`;
    throw new UserError(`context ${JSON.stringify(context)}${origin} is not in ${where}, which has ${known.length > 0 ? `contexts ${known.join(', ')}` : 'no contexts'}`);
  }
  const cluster = config.getCluster(entry.cluster);
  if (!cluster) throw new UserError(`context ${JSON.stringify(context)} names cluster ${JSON.stringify(entry.cluster)}, which ${where} does not define`);
  if (!isServerUrl(cluster.server)) {
    throw new UserError(`context ${JSON.stringify(context)}: cluster ${JSON.stringify(entry.cluster)} has server ${JSON.stringify(cluster.server)} in ${where}: expected a URL such as https://10.0.0.1:6443`);
  }
  if (!config.getUser(entry.user)) throw new UserError(`context ${JSON.stringify(context)} names user ${JSON.stringify(entry.user)}, which ${where} does not define`);
  config.setCurrentContext(context);
  const warnings: string[] = [];
  if (cluster.skipTLSVerify) warnings.push(`context ${context}: insecure-skip-tls-verify is set in the kubeconfig: the API server's certificate is not checked`);
  if (options.env.NODE_TLS_REJECT_UNAUTHORIZED === '0') warnings.push('NODE_TLS_REJECT_UNAUTHORIZED=0 is set: no TLS certificate is checked');
  return { config, context, server: cluster.server, user: entry.user, files, warnings };
}

function isServerUrl(server: string): boolean {
  try {
    return ['https:', 'http:'].includes(new URL(server).protocol);
  } catch {
    return false;
  }
}
