/** A student's history of orders as the card shows it, Kyrgyz. Keys are those of history.ru.ts. */
import type { historyRu } from './history.ru';

export const historyKy: Record<keyof typeof historyRu, string> = {
  'history.pending': '{date} күчүнө кирет: буйрукка кол коюлган, бирок бүгүн азырынча күчүндө эмес.',
  'history.leave': 'Академиялык өргүү: {from} – {to}',
  'card.coming': '{date} баштап: {change} — {status}, {state} (№ {orderNo} буйрук)',
};
