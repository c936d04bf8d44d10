/**
 * The `process` a definition sees: the real one, except that reading `process.env` is recorded
 * (the variable's name and a hash of its value), since a definition that reads the environment
 * gives another result when it changes. Values are hashed, never stored: they may be secrets.
 */
import type { Dependency } from './dependencies';
import { envHash, envNamesHash } from './dependencies';

export function recordedProcess(record: (dependency: Dependency) => void): NodeJS.Process {
  const env = new Proxy(process.env, {
    get(target, name) {
      if (typeof name === 'string') record({ kind: 'env', path: name, hash: envHash(target[name]) });
      return Reflect.get(target, name);
    },
    has(target, name) {
      if (typeof name === 'string') record({ kind: 'env', path: name, hash: envHash(target[name]) });
      return Reflect.has(target, name);
    },
    ownKeys(target) {
      const names = Reflect.ownKeys(target);
      record({ kind: 'env-names', path: '', hash: envNamesHash(names.filter((name): name is string => typeof name === 'string')) });
      return names;
    },
  });
  return new Proxy(process, {
    // the real process is the receiver: its getters and methods see themselves, not the proxy
    get: (target, name) => (name === 'env' ? env : Reflect.get(target, name, target)),
  });
}
