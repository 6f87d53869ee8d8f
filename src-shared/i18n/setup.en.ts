/** First start, English. Keys are those of setup.ru.ts. */
import type { setupRu } from './setup.ru';

export const setupEn: Record<keyof typeof setupRu, string> = {
  'setup.title': 'Starting UniDesk for the first time',
  'setup.lead': 'This workstation has no data yet. Choose how to start.',
  'setup.demo.title': 'Demo university',
  'setup.demo.text': 'A made-up university with faculties, students, orders and grade sheets — to look around. Everything stays on this computer.',
  'setup.demo.start': 'Open the demo',
  'setup.connect.title': 'Connect to the university server',
  'setup.connect.text': 'The workstation receives its office’s data from the server and syncs its changes. You need the server administrator’s name and password.',
  'setup.field.server': 'Server address',
  'setup.field.username': 'Server administrator',
  'setup.field.password': 'Password',
  'setup.field.role': 'This workstation’s office',
  'setup.field.faculty': 'Faculty',
  'setup.field.deviceName': 'Workstation name',
  'setup.loadFaculties': 'Check and choose the faculty',
  'setup.connect.start': 'Connect',
  'setup.progress.demo': 'Making the demo university: {stage} {done, number}{total, select, null {} other { of {total}}}',
  'setup.progress.connect': 'Loading data from the server: {stage} — {done, number} rows',
  'setup.error.credentials': 'Wrong server administrator name or password.',
  'setup.error.notAdmin': 'This server account cannot connect workstations: an administrator is needed.',
  'setup.error.network': 'No connection to the server {url}. Check the address and the network.',
  'setup.error.other': 'It did not work: {detail}',
  'setup.error.busy': 'Preparation is already under way; wait for it to finish.',
  'setup.error.notEmpty': 'This workstation already has data.',
  'setup.error.facultyNeeded': 'Choose the faculty: a dean’s office workstation works for one faculty.',
};
