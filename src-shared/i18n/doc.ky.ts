/** Wording of printed documents, Kyrgyz (the state language). Keys are those of doc.ru.ts. */
import type { docRu } from './doc.ru';

export const docKy: Record<keyof typeof docRu, string> = {
  // "5 беттин 2-бети": the Kyrgyz genitive construction for "page 2 of 5"
  'doc.page': '{total} беттин {page}-бети',
  'doc.dateBlank': '«___» ____________ 20___-ж.',

  'doc.form.full_time': 'күндүзгү',
  'doc.form.evening': 'кечки',
  'doc.form.correspondence': 'сырттан',
  'doc.form.distance': 'аралыктан',

  'doc.funding.budget': 'бюджет',
  'doc.funding.contract': 'келишим',

  'doc.status.applicant': 'абитуриент',
  'doc.status.active': 'окуп жатат',
  'doc.status.on_leave': 'академиялык өргүүдө',
  'doc.status.expelled': 'окуудан чыгарылган',
  'doc.status.graduated': 'бүтүрүүчү',

  'doc.expulsionReason.own_wish': 'өз каалоосу боюнча',
  'doc.expulsionReason.academic_failure': 'окуудан үлгүрбөгөндүгү үчүн',
  'doc.expulsionReason.non_payment': 'окуу акысын төлөө боюнча келишимдин шарттарын аткарбагандыгы үчүн',
  'doc.expulsionReason.attendance': 'сабактарды жүйөсүз себептер менен системалуу түрдө калтыргандыгы үчүн',
  'doc.expulsionReason.transfer_out': 'башка жогорку окуу жайына которулушуна байланыштуу',

  'doc.order.title': 'БУЙРУК',
  'doc.order.sheetName': 'Буйрук',
  'doc.order.number': '№\u00a0{number}',
  'doc.order.draft': 'ДОЛБООР',
  'doc.order.draftTitle': 'БУЙРУКТУН ДОЛБООРУ',
  'doc.order.numberBlank': '№\u00a0________',
  'doc.order.cancelledMark': 'ЖОККО ЧЫГАРЫЛГАН',
  'doc.order.place': 'Бишкек ш.',
  'doc.order.operative': 'БУЙРУК КЫЛАМ:',
  'doc.order.basis': 'Негиз: {reason}',
  'doc.order.expulsionReason': 'Окуудан чыгаруунун себеби: {reason}.',
  // мөөрдүн орду: the place of the seal
  'doc.order.stamp': 'М. О.',

  'doc.order.subject.enrolment': 'Окууга кабыл алуу жөнүндө',
  'doc.order.subject.promotion': 'Кийинки курска которуу жөнүндө',
  'doc.order.subject.transfer': 'Которуу жөнүндө',
  'doc.order.subject.academic_leave': 'Академиялык өргүү берүү жөнүндө',
  'doc.order.subject.return_from_leave': 'Академиялык өргүүдөн кайтуу жөнүндө',
  'doc.order.subject.expulsion': 'Окуудан чыгаруу жөнүндө',
  'doc.order.subject.reinstatement': 'Окууга калыбына келтирүү жөнүндө',
  'doc.order.subject.graduation': 'Окууну аяктоо жана диплом берүү жөнүндө',
  'doc.order.subject.name_change': 'Фамилиясын, атын, атасынын атын өзгөртүү жөнүндө',
  'doc.order.subject.cancellation': '{date} №\u00a0{number} буйругун жокко чыгаруу жөнүндө',
  'doc.order.subject.cancellationAny': 'Буйрукту жокко чыгаруу жөнүндө',

  'doc.order.action.enrolment': '{date} баштап төмөнкү тизмедеги адамдар студенттердин катарына кабыл алынсын:',
  'doc.order.action.promotion': '{date} баштап төмөнкү тизмедеги студенттер кийинки курска которулсун:',
  'doc.order.action.transfer':
    '{date} баштап төмөнкү студенттер тизмеде көрсөтүлгөндөй которулсун (мурунку жана жаңы маалыматтар тизмеде):',
  'doc.order.action.academic_leave':
    '{date} баштап төмөнкү студенттерге тизмеде көрсөтүлгөн мөөнөткө академиялык өргүү берилсин:',
  'doc.order.action.return_from_leave':
    '{date} баштап академиялык өргүүдөн кайткан төмөнкү студенттерге сабактарга катышууга уруксат берилсин:',
  'doc.order.action.expulsion': '{date} баштап төмөнкү тизмедеги студенттер окуудан чыгарылсын:',
  'doc.order.action.reinstatement': '{date} баштап төмөнкү тизмедеги адамдар студенттердин катарына калыбына келтирилсин:',
  'doc.order.action.graduation':
    'Окуусун ийгиликтүү аяктаган төмөнкү студенттерге диплом берилсин жана алар {date} баштап окууну аяктагандыгына байланыштуу студенттердин катарынан чыгарылсын:',
  'doc.order.action.name_change':
    '{date} баштап төмөнкү студенттердин фамилиясы (аты, атасынын аты) тизмеде көрсөтүлгөндөй өзгөртүлсүн:',
  'doc.order.action.cancellation':
    '{cancelledDate} №\u00a0{number} «{subject}» буйругу {date} баштап төмөнкү студенттерге карата жокко чыгарылсын:',

  // Kyrgyz nouns do not change after a numeral; the plural form keeps the catalogs uniform
  'doc.order.total': '{count, plural, other {Бардыгы: # студент}}',
  'doc.order.totalHonours': '{count, plural, other {анын ичинде артыкчылыктуу диплом: #}}',
  'doc.order.honours': 'артыкчылыктуу диплом',
  'doc.order.leavePeriod': '{from} – {to}',

  'doc.col.no': '№',
  'doc.col.fullName': 'Фамилиясы, аты, атасынын аты',
  'doc.col.recordBook': 'Зачеттук китепченин №',
  'doc.col.group': 'Тобу',
  'doc.col.specialty': 'Адистиги',
  'doc.col.specialtyFull': 'Адистиги',
  'doc.col.qualification': 'Квалификациясы',
  'doc.qualification.bachelor': 'бакалавр',
  'doc.qualification.specialist': 'адис',
  'doc.qualification.master': 'магистр',
  'doc.qualification.postgraduate': 'аспирант',
  'doc.col.course': 'Курсу',
  'doc.col.form': 'Окуу формасы',
  'doc.col.funding': 'Каржылоо булагы',
  'doc.col.status': 'Статусу',
  'doc.col.leave': 'Өргүүнүн мөөнөтү',
  'doc.col.newName': 'Жаңы фамилиясы, аты, атасынын аты',
  'doc.col.note': 'Эскертүү',

  // ведомость, DOMAIN.md §3 "Grade sheet document"
  'doc.sheet.title.exam': 'ЭКЗАМЕНДИК ВЕДОМОСТЬ',
  'doc.sheet.title.credit': 'ЗАЧЕТТИК ВЕДОМОСТЬ',
  'doc.sheet.title.gradedCredit': 'ДИФФЕРЕНЦИАЛДЫК ЗАЧЕТТИН ВЕДОМОСТУ',
  'doc.sheet.title.courseWork': 'КУРСТУК ИШТЕРДИ КОРГОО ВЕДОМОСТУ',
  'doc.sheet.title.practice': 'ПРАКТИКА БОЮНЧА ВЕДОМОСТЬ',
  'doc.sheet.title.stateExam': 'МАМЛЕКЕТТИК ЭКЗАМЕНДИН ВЕДОМОСТУ',
  'doc.sheet.part.credit': 'Зачет',
  'doc.sheet.col.result': 'Эсептелди / эсептелген жок',
  'doc.sheet.result.passed': 'эсептелди',
  'doc.sheet.result.failed': 'эсептелген жок',
  'doc.sheet.sum.results': 'Жыйынтыктар',
  'doc.sheet.sum.passed': 'Эсептелди',
  'doc.sheet.sum.failed': 'Эсептелген жок',
  'doc.sheet.supervisor': 'Курстук иштин жетекчиси',
  'doc.sheet.practiceSupervisor': 'Практиканын жетекчиси',
  'doc.sheet.commissionChair': 'МАКтын төрагасы',
  'doc.sheet.commissionMember': 'Комиссиянын мүчөсү',
  'doc.sheet.number': '№\u00a0{number}',
  'doc.sheet.sheetName': 'Ведомость',
  // a filled sheet not closed yet: its grades may still change
  'doc.sheet.notFinal': 'ЖАБЫЛА ЭЛЕК',
  'doc.sheet.closedOn': '{date} жабылган',
  'doc.sheet.kind.main': 'негизги тапшыруу',
  'doc.sheet.kind.retake': '№ {parent} ведомость боюнча кайра тапшыруу, {number}-аракет',
  'doc.sheet.kind.individual': '№ {parent} ведомость боюнча жеке багыттама, {number}-аракет',

  'doc.sheet.academicYear': 'Окуу жылы',
  'doc.sheet.semester': 'Семестр',
  'doc.sheet.discipline': 'Дисциплина',
  'doc.sheet.volume': 'Көлөмү',
  'doc.sheet.volumeValue': '{count, plural, other {# кредит}}, {total} саат',
  'doc.sheet.controlForm': 'Көзөмөлдүн түрү',
  'doc.sheet.examiner': 'Окутуучу (экзаменатор)',
  'doc.sheet.examDate': 'Тапшыруу күнү',

  'doc.sheet.control.exam': 'экзамен',
  'doc.sheet.control.credit': 'зачет',
  'doc.sheet.control.graded_credit': 'дифференцияланган зачет',
  'doc.sheet.control.course_work': 'курстук иш',
  'doc.sheet.control.practice': 'практика',
  'doc.sheet.control.state_exam': 'мамлекеттик экзамен',

  'doc.sheet.col.recordBook': 'Зачеттук китепче №',
  'doc.sheet.col.total': 'Жалпы балл ({number})',
  'doc.sheet.col.letter': 'Тамга',
  'doc.sheet.col.traditional': 'Салттуу баа',
  'doc.sheet.col.signature': 'Колу',

  // the table cell is narrow: "3 (канаат.)"; the summary spells the grades out in full
  'doc.sheet.grade.5': 'эң жакшы',
  'doc.sheet.grade.4': 'жакшы',
  'doc.sheet.grade.3': 'канааттандырарлык',
  'doc.sheet.grade.2': 'канааттандырарлык эмес',
  'doc.sheet.gradeShort.5': 'эң жакшы',
  'doc.sheet.gradeShort.4': 'жакшы',
  'doc.sheet.gradeShort.3': 'канаат.',
  'doc.sheet.gradeShort.2': 'канаат. эмес',
  'doc.sheet.mark.absent': 'келген жок',
  // "жиберилген жок" alone reads as "not sent"
  'doc.sheet.mark.not_admitted': 'экзаменге жиберилген жок',

  'doc.sheet.sum.grades': 'Салттуу баалар',
  'doc.sheet.sum.letters': 'Тамга менен баалар',
  'doc.sheet.sum.count': 'Саны',
  'doc.sheet.sum.absent': 'Келген жок',
  'doc.sheet.sum.notAdmitted': 'Экзаменге жиберилген жок',
  'doc.sheet.sum.students': 'Ведомосттогу студенттердин саны',
  'doc.sheet.sum.average': 'Орточо балл',
  'doc.sheet.dean': 'Факультеттин деканы',
  'doc.sheet.signatureHint': '(колу)',
  'doc.sheet.date': 'Күнү',
};
