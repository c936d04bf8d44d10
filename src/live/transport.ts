/**
 * The live reader's only way to the API server: GET requests, nothing else, each with its own
 * deadline. Authentication and TLS come from @kubernetes/client-node (token, client certificate,
 * exec plugins, the kubeconfig's certificate authority); the request itself is node's, so that
 * objects arrive as the server sent them (client-node's typed models drop fields they do not
 * know, which would hide drift) and a dead server fails within the deadline.
 */
import * as http from 'node:http';
import * as https from 'node:https';
import type { ResolvedKubeconfig } from './kubeconfig';
import { LiveReadError, networkCause, statusCause } from './errors';

export interface ApiClientOptions {
  /** deadline of each request, from connecting to the last byte */
  timeoutMs: number;
  /** how messages name the cluster: `cluster ams-main, context ams-main (https://10.0.0.1:6443)` */
  label: string;
}

/** Objects per list request: what kubectl asks for. */
export const DEFAULT_PAGE_SIZE = 500;

interface RequestSettings {
  agent?: http.Agent;
  headers: Record<string, string>;
  auth?: string;
}

export class ApiClient {

  private constructor(
    private readonly resolved: ResolvedKubeconfig,
    private readonly settings: RequestSettings,
    private readonly options: ApiClientOptions,
  ) {}

  /** Authenticates through client-node (an exec plugin runs here), bounded by the same deadline. */
  static async connect(resolved: ResolvedKubeconfig, options: ApiClientOptions): Promise<ApiClient> {
    const settings: RequestSettings & https.RequestOptions = { headers: {} };
    try {
      await withDeadline(resolved.config.applyToHTTPSOptions(settings), options.timeoutMs, () => `authenticating as user ${JSON.stringify(resolved.user)} took longer than ${seconds(options.timeoutMs)}`);
    } catch (error) {
      if (error instanceof LiveReadError) throw new LiveReadError(`${options.label}: ${error.message}`);
      throw new LiveReadError(`${options.label}: authentication as user ${JSON.stringify(resolved.user)} failed: ${firstLine(error)}`);
    }
    return new ApiClient(resolved, { agent: settings.agent as http.Agent | undefined, headers: { ...(settings.headers as Record<string, string>) }, auth: settings.auth }, options);
  }

  get label(): string {
    return this.options.label;
  }

  /** GET a path (`/apis/crd.projectcalico.org/v1/ippools`); the parsed JSON body. */
  async get(path: string, query: Record<string, string | undefined> = {}): Promise<Record<string, unknown>> {
    const url = new URL(this.resolved.server.replace(/\/+$/, '') + path);
    for (const [key, value] of Object.entries(query)) if (value !== undefined) url.searchParams.set(key, value);
    const { status, body } = await this.send(url);
    const parsed = parseJson(body);
    if (status >= 200 && status < 300) {
      if (!parsed) throw new LiveReadError(`${this.label}: GET ${path} answered something that is not JSON: is ${this.resolved.server} a Kubernetes API server?`, status);
      return parsed;
    }
    throw new LiveReadError(`${this.label}: ${statusCause(status, (parsed ?? {}) as { message?: string; reason?: string }, `GET ${path}`, this.resolved.user)}`, status);
  }

  /** Every item of a list, following `continue` tokens page by page. */
  async list(path: string, query: Record<string, string | undefined> = {}): Promise<{ items: Record<string, unknown>[] }> {
    const items: Record<string, unknown>[] = [];
    await this.listPages(path, query, (page) => items.push(...((page.items as Record<string, unknown>[] | undefined) ?? [])));
    return { items };
  }

  /**
   * A list page by page (`limit`, then each `continue` token), each page handed to `onPage` as the
   * server sent it and then dropped: a large list never has to be in memory whole.
   */
  async listPages(path: string, query: Record<string, string | undefined>, onPage: (page: Record<string, unknown>) => void, pageSize = DEFAULT_PAGE_SIZE): Promise<void> {
    let token: string | undefined;
    do {
      const page = await this.get(path, { ...query, limit: String(pageSize), continue: token });
      token = (page.metadata as { continue?: string } | undefined)?.continue || undefined;
      onPage(page);
    } while (token);
  }

  private send(url: URL): Promise<{ status: number; body: string }> {
    const transport = url.protocol === 'http:' ? http : https;
    const timeoutMs = this.options.timeoutMs;
    return new Promise((resolve, reject) => {
      const request = transport.request(url, {
        method: 'GET',
        agent: this.settings.agent,
        headers: { ...this.settings.headers, Accept: 'application/json' },
        auth: this.settings.auth,
      });
      let late = false;
      const timer = setTimeout(() => {
        late = true;
        request.destroy(new Error('deadline'));
      }, timeoutMs);
      const fail = (error: NodeJS.ErrnoException) => {
        clearTimeout(timer);
        const cause = late
          ? `no answer within ${seconds(timeoutMs)} to GET ${url.pathname}: check that the API server is reachable, or raise --timeout`
          : networkCause(error, this.resolved.server);
        reject(new LiveReadError(`${this.label}: ${cause}`));
      };
      request.on('error', fail);
      request.on('response', (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('error', fail);
        response.on('end', () => {
          clearTimeout(timer);
          resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') });
        });
      });
      request.end();
    });
  }
}

function parseJson(text: string): Record<string, unknown> | undefined {
  try {
    const value = JSON.parse(text) as unknown;
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

async function withDeadline<T>(work: Promise<T>, timeoutMs: number, describe: () => string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new LiveReadError(describe())), timeoutMs);
  });
  try {
    return await Promise.race([work, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

function seconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000}s` : `${ms}ms`;
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0]!;
}
