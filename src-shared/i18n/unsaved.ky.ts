/** Unsaved work, Kyrgyz. Keys are those of unsaved.ru.ts. */
import type { unsavedRu } from './unsaved.ru';

export const unsavedKy: Record<keyof typeof unsavedRu, string> = {
  'leave.title': 'Бул экрандан чыгасызбы?',
  'leave.stay': 'Калуу',
  'leave.go': 'Чыгуу',
  'leave.window': 'Сакталбаган иш бар. Терезени жабасызбы? Долбоорлор ушул компьютерде калат.',
  'leave.grid':
    '{number} ведомость: {count} сап катадан улам сакталган жок ({first}). Терилгендер ушул компьютерде калат жана ведомостту кайра ачканда кайтып келет.',
  'leave.order': 'Буйруктагы өзгөртүүлөр сакталган жок. Алар ушул компьютерде калат: улантуу үчүн буйрукту кайра ачыңыз.',
  'leave.newOrder': 'Жаңы буйрук сакталган жок ({count} студент). Ал ушул компьютерде калат: буйруктар тизмесиндеги «Улантуу» аны кайтарат.',
  'leave.student': '{name} студенттин карточкасындагы оңдоолор сакталган жок жана жоголот.',
  'drafts.newOrder': 'Бул компьютерде сакталбаган жаңы «{type}» буйругу бар ({count} студент), {time}.',
  'drafts.continue': 'Улантуу',
  'drafts.discard': 'Долбоорду өчүрүү',
  'drafts.restored': '{time} сакталбаган өзгөртүүлөр кайтарылды. Аларды сактаңыз же жокко чыгарыңыз.',
  'drafts.restoredStale': '{time} сакталбаган өзгөртүүлөр кайтарылды, бирок буйрук андан бери өзгөртүлгөн: сактоодон мурун текшериңиз.',
  'grades.held.row': '{row}-сап, {column}: {problem}',
  'grades.held.rowOnly': '{row}-сап',
  'drafts.undo': 'Өзгөртүүлөрдү жокко чыгаруу',
};
