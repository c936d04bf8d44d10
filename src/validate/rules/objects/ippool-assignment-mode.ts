import { IPPOOL } from '../../../core/calico';
import { enumFieldRule } from './support/enum-rule';

export const ippoolAssignmentMode = enumFieldRule({
  id: 'ippool-assignment-mode',
  kind: IPPOOL,
  field: 'assignmentMode',
  allowed: ['Automatic', 'Manual'],
  // The CRD enum refuses "" even though Calico's Go code would default it.
  emptyAllowed: false,
  description: 'IPPool assignmentMode is Automatic or Manual',
  note: 'Omit it for Automatic.',
});
