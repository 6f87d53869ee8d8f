/** First start, Kyrgyz. Keys are those of setup.ru.ts. */
import type { setupRu } from './setup.ru';

export const setupKy: Record<keyof typeof setupRu, string> = {
  'setup.title': 'UniDesk биринчи жолу иштетилүүдө',
  'setup.lead': 'Бул иш ордунда азырынча маалымат жок. Эмнеден баштоону тандаңыз.',
  'setup.demo.title': 'Демонстрациялык университет',
  'setup.demo.text': 'Факультеттери, студенттери, буйруктары жана ведомостторү бар ойдон чыгарылган университет — программаны көрүү үчүн. Баары ушул компьютерде гана сакталат.',
  'setup.demo.start': 'Демону ачуу',
  'setup.connect.title': 'Университеттин серверине туташуу',
  'setup.connect.text': 'Иш орду өз бөлүмүнүн маалыматтарын серверден алат жана өзгөртүүлөрдү шайкештирет. Сервердин администраторунун аты жана сырсөзү керек.',
  'setup.field.server': 'Сервердин дареги',
  'setup.field.username': 'Сервердин администратору',
  'setup.field.password': 'Сырсөз',
  'setup.field.role': 'Бул иш ордунун бөлүмү',
  'setup.field.faculty': 'Факультет',
  'setup.field.deviceName': 'Иш ордунун аталышы',
  'setup.loadFaculties': 'Текшерип, факультетти тандоо',
  'setup.connect.start': 'Туташтыруу',
  'setup.progress.demo': 'Демонстрациялык университет түзүлүүдө: {stage} {done, number}{total, select, null {} other { / {total}}}',
  'setup.progress.connect': 'Маалыматтар серверден жүктөлүүдө: {stage} — {done, number} сап',
  'setup.error.credentials': 'Сервердин администраторунун аты же сырсөзү туура эмес.',
  'setup.error.notAdmin': 'Сервердин бул аккаунту иш орундарын туташтыра албайт: администратор керек.',
  'setup.error.network': '{url} сервери менен байланыш жок. Даректи жана тармакты текшериңиз.',
  'setup.error.other': 'Болбой калды: {detail}',
  'setup.error.busy': 'Даярдоо жүрүп жатат; бүткүчө күтүңүз.',
  'setup.error.notEmpty': 'Бул иш ордунда маалымат бар.',
  'setup.error.facultyNeeded': 'Факультетти тандаңыз: деканаттын иш орду бир факультет менен иштейт.',
};
