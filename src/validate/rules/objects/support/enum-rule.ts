import { type ObjectRule, defineRule, hit } from '../../../rule';
import { type Severity, pointer } from '../../../../core/findings';
import { own } from '../../../../util/json';
import { oneOf, quoteText } from './describe';
import { closest } from '../../../../util/suggest';

interface EnumField {
  id: string;
  kind: string;
  field: string;
  allowed: readonly string[];
  /** "" counts as unset (Calico defaults it) rather than as a wrong value */
  emptyAllowed: boolean;
  description: string;
  severity?: Severity;
  /** why the values are what they are, appended to the message */
  note?: string;
}

/** A string field that must be exactly one of a few case-sensitive values. */
export function enumFieldRule(spec: EnumField): ObjectRule {
  return defineRule({
    scope: 'object',
    id: spec.id,
    severity: spec.severity ?? 'error',
    description: spec.description,
    kinds: [spec.kind],
    check({ spec: objectSpec }) {
      const value = own(objectSpec, spec.field);
      if (typeof value !== 'string' || spec.allowed.includes(value)) return [];
      if (value === '' && spec.emptyAllowed) return [];
      const guess = closest(value, spec.allowed);
      const message =
        `${spec.field} ${quoteText(value)} is not valid: use exactly ${oneOf(spec.allowed)} (case-sensitive)` +
        (guess ? `; did you mean ${guess}?` : '.') +
        (spec.note ? ` ${spec.note}` : '');
      return [hit(pointer('spec', spec.field), message)];
    },
  });
}
