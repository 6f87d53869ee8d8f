import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeAutoUpdater, resetFakeElectron } from './electron.fake';
import { startUpdater, updateUrlFrom } from './updater';

const log = { info: vi.fn(), error: vi.fn() };
const start = (env: NodeJS.ProcessEnv, settingUrl?: string | null) =>
  startUpdater({ getUpdater: () => fakeAutoUpdater as never, env, settingUrl, log });

beforeEach(() => {
  resetFakeElectron();
  log.info.mockReset();
  log.error.mockReset();
});

describe('startUpdater', () => {
  it('stays idle without an update URL and contacts nothing', () => {
    const getUpdater = vi.fn(() => fakeAutoUpdater as never);
    expect(startUpdater({ getUpdater, env: {}, log })).toBe(false);
    expect(getUpdater).not.toHaveBeenCalled();
    expect(fakeAutoUpdater.checks).toBe(0);
  });

  it('starts with UNIDESK_UPDATE_URL: generic feed, check and notify', () => {
    expect(start({ UNIDESK_UPDATE_URL: 'https://updates.example.kg/unidesk/' })).toBe(true);
    expect(fakeAutoUpdater.feeds).toEqual([{ provider: 'generic', url: 'https://updates.example.kg/unidesk/' }]);
    expect(fakeAutoUpdater.checks).toBe(1);
    expect(fakeAutoUpdater.errorListeners).toHaveLength(1);
  });

  it('uses the update-url setting when the environment has none; the environment wins otherwise', () => {
    expect(start({}, 'https://setting.example/u')).toBe(true);
    expect(fakeAutoUpdater.feeds.at(-1)).toEqual({ provider: 'generic', url: 'https://setting.example/u' });
    expect(updateUrlFrom({ UNIDESK_UPDATE_URL: 'https://env.example/' }, 'https://setting.example/u')).toBe('https://env.example/');
  });

  it('treats non-https URLs and garbage as not configured', () => {
    expect(start({ UNIDESK_UPDATE_URL: 'file:///tmp/feed' })).toBe(false);
    expect(start({ UNIDESK_UPDATE_URL: 'http://updates.example.kg/unidesk/' })).toBe(false);
    expect(start({ UNIDESK_UPDATE_URL: 'not a url' })).toBe(false);
    expect(fakeAutoUpdater.checks).toBe(0);
  });

  it('takes plain http only when a lab says so explicitly', () => {
    expect(updateUrlFrom({ UNIDESK_UPDATE_URL: 'http://10.0.0.5/feed/', UNIDESK_UPDATE_ALLOW_HTTP: 'yes' })).toBeNull();
    expect(updateUrlFrom({ UNIDESK_UPDATE_URL: 'http://10.0.0.5/feed/', UNIDESK_UPDATE_ALLOW_HTTP: '1' })).toBe('http://10.0.0.5/feed/');
    expect(updateUrlFrom({ UNIDESK_UPDATE_URL: 'file:///tmp/feed', UNIDESK_UPDATE_ALLOW_HTTP: '1' })).toBeNull();
  });

  it('logs failures and never throws', async () => {
    fakeAutoUpdater.checkResult = Promise.reject(new Error('offline'));
    expect(start({ UNIDESK_UPDATE_URL: 'https://updates.example.kg/' })).toBe(true);
    await vi.waitFor(() => expect(log.error).toHaveBeenCalledWith('updates: check failed', expect.any(Error)));
    fakeAutoUpdater.errorListeners[0]?.(new Error('bad signature'));
    expect(log.error).toHaveBeenCalledWith('updates: update failed', expect.any(Error));

    const throwing = () => {
      throw new Error('no app-update.yml');
    };
    expect(startUpdater({ getUpdater: throwing, env: { UNIDESK_UPDATE_URL: 'https://u.example/' }, log })).toBe(false);
  });
});
