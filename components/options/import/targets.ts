// A column's target as the value of its select in the mapping editor, and back. Attributes keep the key they
// had (a stored mapping may name it); a column newly made an attribute is keyed by its header.
import { type ColumnTarget, type IdentityField, type OutcomeField, attributeKey } from '../../../lib/data/import/mapping';

export function targetValue(target: ColumnTarget | undefined): string {
  switch (target?.kind) {
    case undefined:
    case 'ignore':
      return 'ignore';
    case 'identity':
    case 'outcome':
      return `${target.kind}:${target.field}`;
    case 'metric':
      return `metric:${target.key}`;
    case 'attribute':
    case 'asOf':
      return target.kind;
  }
}

export function targetFromValue(value: string, header: string, previous: ColumnTarget | undefined): ColumnTarget {
  const colon = value.indexOf(':');
  const kind = colon < 0 ? value : value.slice(0, colon);
  const rest = value.slice(colon + 1);
  switch (kind) {
    case 'identity':
      return { kind, field: rest as IdentityField };
    case 'outcome':
      return { kind, field: rest as OutcomeField };
    case 'metric':
      return { kind, key: rest };
    case 'attribute':
      return previous?.kind === 'attribute' ? previous : { kind, key: attributeKey(header) };
    case 'asOf':
      return { kind };
    default:
      return { kind: 'ignore' };
  }
}
