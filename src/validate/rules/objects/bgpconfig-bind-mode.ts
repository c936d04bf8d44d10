import { BGPCONFIGURATION } from '../../../core/calico';
import { enumFieldRule } from './support/enum-rule';

export const bgpconfigBindMode = enumFieldRule({
  id: 'bgpconfig-bind-mode',
  kind: BGPCONFIGURATION,
  field: 'bindMode',
  allowed: ['None', 'NodeIP'],
  emptyAllowed: true,
  severity: 'info',
  description: 'BGPConfiguration bindMode is None or NodeIP (unchecked by v3.30, enforced from v3.32)',
  note: 'Calico 3.30 does not check this field, but the v3.32 CRD refuses other values.',
});
