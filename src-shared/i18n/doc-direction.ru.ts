/** The one-student direction (направление) to a retake or an individual exam, Russian (the reference catalog). */
export const docDirectionRu = {
  'grades.export.direction': 'Направление:',
  'grades.export.directionHint': 'Одна страница на студента: отдать студенту, экзаменатор впишет результат',
  'doc.direction.title': 'НАПРАВЛЕНИЕ',
  'doc.direction.number': '№\u00a0{number}',
  'doc.direction.purpose': '{kind, select, retake {на пересдачу} other {на сдачу по индивидуальному графику}} ({control})',
  'doc.direction.student': 'Студент',
  'doc.direction.result': 'Результат',
  'doc.direction.points': 'Баллы (из {max})',
  'doc.direction.validUntil': 'Действительно до',
  'doc.direction.returnNote': 'Направление заполняется экзаменатором и в день сдачи возвращается в деканат; результат вносится в ведомость № {number}.',
  'doc.direction.fileTitle': 'Направление № {number} — {name}',
} as const;
