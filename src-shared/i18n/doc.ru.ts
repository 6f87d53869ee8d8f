/**
 * Wording of printed documents (orders, later grade sheets and certificates), Russian.
 * The documents pipeline (src-main/documents) owns this file; keys mirror doc.ky.ts and doc.en.ts.
 * "№" is followed by a no-break space so a line never ends with a bare "№".
 */
export const docRu = {
  'doc.page': 'Страница {page} из {total}',
  'doc.dateBlank': '«___» ____________ 20___ г.',

  'doc.form.full_time': 'очная',
  'doc.form.evening': 'вечерняя',
  'doc.form.correspondence': 'заочная',
  'doc.form.distance': 'дистанционная',

  'doc.funding.budget': 'бюджет',
  'doc.funding.contract': 'контракт',

  'doc.status.applicant': 'абитуриент',
  'doc.status.active': 'обучается',
  'doc.status.on_leave': 'в академическом отпуске',
  'doc.status.expelled': 'отчислен(а)',
  'doc.status.graduated': 'выпускник',

  'doc.expulsionReason.own_wish': 'по собственному желанию',
  'doc.expulsionReason.academic_failure': 'за академическую неуспеваемость',
  'doc.expulsionReason.non_payment': 'за невыполнение условий договора об оплате обучения',
  'doc.expulsionReason.attendance': 'за систематические пропуски занятий без уважительной причины',
  'doc.expulsionReason.transfer_out': 'в связи с переводом в другое высшее учебное заведение',

  'doc.order.title': 'ПРИКАЗ',
  'doc.order.sheetName': 'Приказ',
  'doc.order.number': '№\u00a0{number}',
  'doc.order.draft': 'ПРОЕКТ',
  'doc.order.draftTitle': 'ПРОЕКТ ПРИКАЗА',
  'doc.order.numberBlank': '№\u00a0________',
  'doc.order.cancelledMark': 'ОТМЕНЁН',
  'doc.order.place': 'г. Бишкек',
  'doc.order.operative': 'ПРИКАЗЫВАЮ:',
  'doc.order.basis': 'Основание: {reason}',
  'doc.order.expulsionReason': 'Причина отчисления: {reason}.',
  'doc.order.stamp': 'М. П.',

  'doc.order.subject.enrolment': 'О зачислении',
  'doc.order.subject.promotion': 'О переводе на следующий курс',
  'doc.order.subject.transfer': 'О переводе',
  'doc.order.subject.academic_leave': 'О предоставлении академического отпуска',
  'doc.order.subject.return_from_leave': 'О выходе из академического отпуска',
  'doc.order.subject.expulsion': 'Об отчислении',
  'doc.order.subject.reinstatement': 'О восстановлении',
  'doc.order.subject.graduation': 'Об окончании обучения и выдаче дипломов',
  'doc.order.subject.name_change': 'Об изменении фамилии, имени, отчества',
  'doc.order.subject.cancellation': 'Об отмене приказа №\u00a0{number} от {date}',
  'doc.order.subject.cancellationAny': 'Об отмене приказа',

  'doc.order.action.enrolment': 'Зачислить с {date} в число студентов согласно списку:',
  'doc.order.action.promotion': 'Перевести с {date} на следующий курс студентов согласно списку:',
  'doc.order.action.transfer': 'Перевести с {date} студентов согласно списку (прежние и новые сведения указаны в списке):',
  'doc.order.action.academic_leave': 'Предоставить с {date} академический отпуск студентам согласно списку на указанные в нём сроки:',
  'doc.order.action.return_from_leave':
    'Допустить с {date} к занятиям студентов, вернувшихся из академического отпуска, согласно списку:',
  'doc.order.action.expulsion': 'Отчислить с {date} студентов согласно списку:',
  'doc.order.action.reinstatement': 'Восстановить с {date} в число студентов согласно списку:',
  'doc.order.action.graduation':
    'Выдать дипломы студентам, успешно завершившим обучение, и отчислить их с {date} в связи с окончанием обучения согласно списку:',
  'doc.order.action.name_change': 'Изменить с {date} фамилию (имя, отчество) студентов согласно списку:',
  'doc.order.action.cancellation':
    'Отменить с {date} приказ №\u00a0{number} от {cancelledDate} «{subject}» в отношении студентов согласно списку:',

  'doc.order.total':
    '{count, plural, one {Всего: # студент} few {Всего: # студента} many {Всего: # студентов} other {Всего: # студента}}',
  'doc.order.totalHonours': '{count, plural, other {в том числе с отличием: #}}',
  'doc.order.honours': 'диплом с отличием',
  'doc.order.leavePeriod': 'с {from} по {to}',

  'doc.col.no': '№',
  'doc.col.fullName': 'Фамилия, имя, отчество',
  'doc.col.recordBook': '№ зачётной книжки',
  'doc.col.group': 'Группа',
  'doc.col.specialty': 'Специальность',
  'doc.col.specialtyFull': 'Специальность',
  'doc.col.qualification': 'Квалификация',
  'doc.qualification.bachelor': 'бакалавр',
  'doc.qualification.specialist': 'специалист',
  'doc.qualification.master': 'магистр',
  'doc.qualification.postgraduate': 'исследователь',
  'doc.col.course': 'Курс',
  'doc.col.form': 'Форма обучения',
  'doc.col.funding': 'Основа обучения',
  'doc.col.status': 'Статус',
  'doc.col.leave': 'Срок отпуска',
  'doc.col.newName': 'Новые фамилия, имя, отчество',
  'doc.col.note': 'Примечание',

  // grade sheets (ведомость), DOMAIN.md §3 "Grade sheet document"
  'doc.sheet.title.exam': 'ЭКЗАМЕНАЦИОННАЯ ВЕДОМОСТЬ',
  'doc.sheet.title.credit': 'ЗАЧЁТНАЯ ВЕДОМОСТЬ',
  'doc.sheet.title.other': 'ВЕДОМОСТЬ',
  'doc.sheet.number': '№\u00a0{number}',
  'doc.sheet.sheetName': 'Ведомость',
  // a filled sheet not closed yet: its grades may still change
  'doc.sheet.notFinal': 'НЕ ЗАКРЫТА',
  'doc.sheet.closedOn': 'закрыта {date}',
  'doc.sheet.kind.main': 'основная сдача',
  'doc.sheet.kind.retake': 'пересдача по ведомости № {parent}, попытка {number}',
  'doc.sheet.kind.individual': 'направление (индивидуальная сдача) по ведомости № {parent}, попытка {number}',

  'doc.sheet.academicYear': 'Учебный год',
  'doc.sheet.semester': 'Семестр',
  'doc.sheet.discipline': 'Дисциплина',
  'doc.sheet.volume': 'Объём',
  'doc.sheet.volumeValue':
    '{count, plural, one {# кредит} few {# кредита} many {# кредитов} other {# кредита}}, {total} ч.',
  'doc.sheet.controlForm': 'Форма контроля',
  'doc.sheet.examiner': 'Экзаменатор',
  'doc.sheet.examDate': 'Дата сдачи',

  'doc.sheet.control.exam': 'экзамен',
  'doc.sheet.control.credit': 'зачёт',
  'doc.sheet.control.graded_credit': 'дифференцированный зачёт',
  'doc.sheet.control.course_work': 'курсовая работа',
  'doc.sheet.control.practice': 'практика',
  'doc.sheet.control.state_exam': 'государственный экзамен',

  'doc.sheet.col.recordBook': '№ зачётной книжки',
  'doc.sheet.col.total': 'Всего баллов ({number})',
  'doc.sheet.col.letter': 'Буква',
  'doc.sheet.col.traditional': 'Традиц. оценка',
  'doc.sheet.col.signature': 'Подпись',

  // the table cell is narrow: "5 (удовл.)"; the summary spells the grades out in full
  'doc.sheet.grade.5': 'отлично',
  'doc.sheet.grade.4': 'хорошо',
  'doc.sheet.grade.3': 'удовлетворительно',
  'doc.sheet.grade.2': 'неудовлетворительно',
  'doc.sheet.gradeShort.5': 'отл.',
  'doc.sheet.gradeShort.4': 'хор.',
  'doc.sheet.gradeShort.3': 'удовл.',
  'doc.sheet.gradeShort.2': 'неуд.',
  'doc.sheet.mark.absent': '{sex, select, F {не явилась} other {не явился}}',
  'doc.sheet.mark.not_admitted': '{sex, select, F {не допущена} other {не допущен}}',

  'doc.sheet.sum.grades': 'Традиционные оценки',
  'doc.sheet.sum.letters': 'Буквенные оценки',
  'doc.sheet.sum.count': 'Кол-во',
  'doc.sheet.sum.absent': 'Не явились',
  'doc.sheet.sum.notAdmitted': 'Не допущены',
  'doc.sheet.sum.students': 'Всего студентов в ведомости',
  'doc.sheet.sum.average': 'Средний балл',
  'doc.sheet.dean': 'Декан факультета',
  'doc.sheet.signatureHint': '(подпись)',
  'doc.sheet.date': 'Дата',
} as const;
