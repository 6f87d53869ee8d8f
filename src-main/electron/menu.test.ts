import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { buildMenuTemplate } from './menu';

function roles(items: MenuItemConstructorOptions[]): string[] {
  return items.flatMap((item) => [
    ...(item.role ? [item.role] : []),
    ...(Array.isArray(item.submenu) ? roles(item.submenu) : []),
  ]);
}

const base = { appName: 'UniDesk', version: '0.1.0', platform: 'linux' as const, showAbout: () => {} };

describe('buildMenuTemplate', () => {
  it('has quit and the standard edit roles clerks need to paste from Excel', () => {
    const all = roles(buildMenuTemplate({ ...base, isPackaged: true }));
    for (const role of ['quit', 'undo', 'redo', 'cut', 'copy', 'paste', 'selectAll', 'reload', 'zoomIn', 'zoomOut', 'resetZoom']) {
      expect(all).toContain(role);
    }
  });

  it('offers DevTools only in development builds', () => {
    expect(roles(buildMenuTemplate({ ...base, isPackaged: true }))).not.toContain('toggleDevTools');
    expect(roles(buildMenuTemplate({ ...base, isPackaged: false }))).toContain('toggleDevTools');
  });

  it('Help → About calls showAbout', () => {
    const showAbout = vi.fn();
    const help = buildMenuTemplate({ ...base, isPackaged: true, showAbout }).find((m) => m.role === 'help');
    const about = (help?.submenu as MenuItemConstructorOptions[])[0];
    expect(about?.label).toBe('About UniDesk');
    (about?.click as () => void)();
    expect(showAbout).toHaveBeenCalledOnce();
  });

  it('adds the app menu on macOS', () => {
    expect(buildMenuTemplate({ ...base, platform: 'darwin', isPackaged: true })[0]?.role).toBe('appMenu');
  });
});
