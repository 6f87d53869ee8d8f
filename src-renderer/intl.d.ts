/**
 * Message ids the renderer may pass to react-intl: exactly the keys of the shared catalogs,
 * so a typo or a key missing from ui.ru.ts fails type-checking instead of showing an id.
 */
import type { MessageKey } from '../src-shared/i18n';

declare global {
  namespace FormatjsIntl {
    interface Message {
      ids: MessageKey;
    }
  }
}

export {};
