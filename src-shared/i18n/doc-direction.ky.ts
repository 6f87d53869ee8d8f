/** The one-student direction (жолдомо) to a retake or an individual exam, Kyrgyz. Keys are those of doc-direction.ru.ts. */
import type { docDirectionRu } from './doc-direction.ru';

export const docDirectionKy: Record<keyof typeof docDirectionRu, string> = {
  'grades.export.direction': 'Жолдомо:',
  'grades.export.directionHint': 'Ар бир студентке бир барак: студентке берилет, экзаменатор жыйынтыкты жазат',
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
