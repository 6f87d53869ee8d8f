/** The dean's office's later additions, Kyrgyz. Keys are those of dean-office.ru.ts. */
import type { deanOfficeRu } from './dean-office.ru';

export const deanOfficeKy: Record<keyof typeof deanOfficeRu, string> = {
  'grades.print.showFolder': 'Папкада көрсөтүү',
  'grades.export.direction': 'Жолдомо:',
  'grades.export.directionHint': 'Ар бир студентке бир барак: студентке берилет, экзаменатор жыйынтыкты жазат',
  'visas.title': 'Буйруктардагы визалар',
  'visas.none': 'факультеттин деканы гана',
  'visas.hint': 'Ар бир буйруктун астында факультеттин деканынын визасынан кийин ушул кызматтардын визалары ушул тартипте, аларды азыр ээлегендер менен (кадрлардан). Кызматты тизменин аягына кошуу үчүн белгилеңиз.',
  'visas.vacant': 'бош орун',
  'visas.up': 'Жогору',
  'visas.down': 'Төмөн',
  'visas.remove': 'Алып салуу',
  'visas.save': 'Визаларды сактоо',
  'visas.saving': 'Сакталууда…',
  'visas.saved': 'Визалар сакталды: алар мындан ары басылган бардык буйруктарда болот.',
  'visas.unsaved': 'Буйруктардагы визалардын өзгөртүлгөн тизмеси сакталган жок.',
  'doc.direction.title': 'ЖОЛДОМО',
  'doc.direction.number': '№\u00a0{number}',
  'doc.direction.purpose': '{kind, select, retake {кайра тапшыруу үчүн} other {жеке график боюнча тапшыруу үчүн}} ({control})',
  'doc.direction.student': 'Студент',
  'doc.direction.result': 'Жыйынтыгы',
  'doc.direction.points': 'Баллдар ({max} ичинен)',
  'doc.direction.validUntil': 'Жарактуулук мөөнөтү',
  'doc.direction.returnNote': 'Жолдомону экзаменатор толтурат жана тапшырган күнү деканатка кайтарылат; жыйынтыгы № {number} ведомостко киргизилет.',
  'doc.direction.fileTitle': '№ {number} жолдомо — {name}',
};
