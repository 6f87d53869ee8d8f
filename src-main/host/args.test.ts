import { describe, expect, it } from 'vitest';
import { HOST_USAGE, hostFlags } from './args';

describe('the browser host’s command line', () => {
  it('answers --help instead of starting (and writing a demo database)', () => {
    expect(hostFlags(['--help'])).toEqual({ help: true });
    expect(hostFlags(['-h', '--db', 'x.sqlite'])).toEqual({ help: true });
    expect(HOST_USAGE).toMatch(/--db FILE/);
  });

  it('reads --db and --port, and refuses a mistyped option in one plain line', () => {
    expect(hostFlags(['--db', 'a.sqlite', '--port', '8080'])).toEqual({ db: 'a.sqlite', port: 8080 });
    expect(() => hostFlags(['--dbb', 'a.sqlite'])).toThrow(/^unknown option --dbb \(see --help\)$/);
    expect(() => hostFlags(['--db'])).toThrow(/^option --db needs a value/);
    expect(() => hostFlags(['--port', '70000'])).toThrow(/0–65535/);
    expect(() => hostFlags(['extra'])).toThrow(/^unexpected argument extra/);
  });
});
