/** Interface strings, Russian. The renderer owns this file; keys mirror ui.ky.ts and ui.en.ts. */
export const uiRu = {
  'app.title': 'UniDesk',
} as const;
