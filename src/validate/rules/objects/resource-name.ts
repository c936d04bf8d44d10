import { own } from '../../../util/json';
import { metadataOf } from '../../../core/kube';
import { defineRule, hit } from '../../rule';
import { CALICO_KINDS } from '../../../core/calico';
import { describeTyped, quoteText } from './support/describe';
import { resourceNameProblem } from './support/names';

export const resourceName = defineRule({
  scope: 'object',
  id: 'calico-resource-name',
  severity: 'error',
  description: 'metadata.name is a DNS-1123 subdomain of at most 253 characters',
  kinds: CALICO_KINDS,
  check({ object }) {
    const name = own(metadataOf(object), 'name');
    if (name === undefined || name === null) {
      return [hit('/metadata/name', 'metadata.name is missing: every Calico resource needs a name.')];
    }
    if (typeof name !== 'string') {
      return [hit('/metadata/name', `metadata.name must be a string, got ${describeTyped(name)}.`)];
    }
    const problem = resourceNameProblem(name);
    if (!problem) return [];
    return [
      hit(
        '/metadata/name',
        `metadata.name ${quoteText(name)} is invalid: ${problem}. Use lower-case letters, digits, '-' and '.', ` +
          'starting and ending with a letter or digit.',
      ),
    ];
  },
});
