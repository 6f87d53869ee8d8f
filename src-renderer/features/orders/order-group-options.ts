import { useMemo } from 'react';
import { useIntl } from 'react-intl';
import type { GroupRef } from '../../../src-shared/contract';
import { useLocale } from '../../app/locale-context';
import type { ReferenceIndex } from '../../app/reference-index';
import type { SelectOption } from '../../ui/select';

/** Groups by name as people read them ("ЭК-2-25" before "ЭК-10-25"), in the UI language's collation. */
export function sortGroups(groups: readonly GroupRef[], locale: string): GroupRef[] {
  const collator = new Intl.Collator(locale, { numeric: true });
  return [...groups].sort((a, b) => collator.compare(a.name, b.name));
}

/** The groups of the user's scope as select options, "name (N course)", built once per language. */
export function useGroupOptions(reference: ReferenceIndex): SelectOption[] {
  const intl = useIntl();
  const { locale } = useLocale();
  return useMemo(
    () =>
      sortGroups(reference.scope.groups, locale).map((g) => ({
        value: g.id,
        label: intl.formatMessage({ id: 'orders.groupOption' }, { name: g.name, course: g.course }),
      })),
    [reference, locale, intl],
  );
}
