/** A student's history of orders as the card shows it, Russian (the reference catalog). */
export const historyRu = {
  'history.pending': 'Вступает в силу {date}: приказ подписан, но сегодня ещё не действует.',
  'history.leave': 'Академический отпуск с {from} по {to}',
  'card.coming': 'С {date}: {change} — {status}, {state} (приказ № {orderNo})',
} as const;
