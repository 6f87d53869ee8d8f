/**
 * A small application menu. The Edit menu matters most: on macOS, copy/paste shortcuts only
 * work when the Edit roles exist, and clerks paste columns from Excel all day. DevTools is
 * offered only in development builds.
 */
import type { MenuItemConstructorOptions } from 'electron';

export interface MenuOptions {
  appName: string;
  version: string;
  isPackaged: boolean;
  platform: NodeJS.Platform;
  showAbout: () => void;
}

export function buildMenuTemplate(opts: MenuOptions): MenuItemConstructorOptions[] {
  const template: MenuItemConstructorOptions[] = [];
  // macOS puts Quit in the app-named menu; elsewhere it lives under File.
  if (opts.platform === 'darwin') template.push({ role: 'appMenu' });
  template.push({ label: 'File', submenu: [{ role: 'quit' }] });
  template.push({
    label: 'Edit',
    submenu: [
      { role: 'undo' },
      { role: 'redo' },
      { type: 'separator' },
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'selectAll' },
    ],
  });
  const view: MenuItemConstructorOptions[] = [
    { role: 'reload' },
    { type: 'separator' },
    { role: 'resetZoom' },
    { role: 'zoomIn' },
    { role: 'zoomOut' },
  ];
  if (!opts.isPackaged) view.push({ type: 'separator' }, { role: 'toggleDevTools' });
  template.push({ label: 'View', submenu: view });
  template.push({
    role: 'help',
    submenu: [{ label: `About ${opts.appName}`, click: () => opts.showAbout() }],
  });
  return template;
}

export function aboutText(appName: string, version: string): string {
  return `${appName} ${version}`;
}
