import { BGPCONFIGURATION } from '../../../core/calico';
import { enumFieldRule } from './support/enum-rule';

export const bgpconfigLogSeverity = enumFieldRule({
  id: 'bgpconfig-log-severity',
  kind: BGPCONFIGURATION,
  field: 'logSeverityScreen',
  allowed: ['Trace', 'Debug', 'Info', 'Warning', 'Error', 'Fatal'],
  emptyAllowed: true,
  description: 'BGPConfiguration logSeverityScreen is Trace, Debug, Info, Warning, Error or Fatal (case-sensitive)',
  note: 'calicoctl refuses other spellings even though kube-apiserver stores them.',
});
