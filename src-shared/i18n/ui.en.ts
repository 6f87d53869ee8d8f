import type { uiRu } from './ui.ru';

export const uiEn: Record<keyof typeof uiRu, string> = {
  'app.title': 'UniDesk',
};
