import type { uiRu } from './ui.ru';

export const uiKy: Record<keyof typeof uiRu, string> = {
  'app.title': 'UniDesk',
};
