/** A student's history of orders as the card shows it, English. Keys are those of history.ru.ts. */
import type { historyRu } from './history.ru';

export const historyEn: Record<keyof typeof historyRu, string> = {
  'history.pending': 'Takes effect on {date}: the order is signed but not in force today.',
  'history.leave': 'Academic leave from {from} to {to}',
  'card.coming': 'From {date}: {change} — {status}, {state} (order No. {orderNo})',
};
