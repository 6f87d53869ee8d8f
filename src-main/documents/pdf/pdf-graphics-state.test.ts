import { describe, expect, it } from 'vitest';
import { GraphicsState } from './pdf-graphics-state';

const written = (ops: string[]) => {
  const s = new GraphicsState();
  return ops.filter((op) => s.keep(op));
};

describe('graphics state operators written once', () => {
  it('drops a repeat of the state in force and keeps every drawing and text operator', () => {
    const rule = ['0.5 w', '[] 0 d', '0 j', '0 J', '10 20 m', '30 20 l', '/DeviceRGB CS', '0 0 0 SCN', '/Gs1 gs', 'S'];
    expect(written([...rule, ...rule])).toEqual([...rule, '10 20 m', '30 20 l', 'S']);
    // text operators that end like state operators are never taken for them
    const text = ['BT', '2 Tw', '1 0 Td', '[<0041> 0] TJ', '0.5 Ts', 'ET'];
    expect(written([...text, ...text])).toEqual([...text, ...text]);
  });

  it('writes a changed value, and the colour again after its colour space is set', () => {
    expect(written(['0.5 w', '1 w', '0.5 w'])).toEqual(['0.5 w', '1 w', '0.5 w']);
    expect(written(['/DeviceRGB cs', '0 0 0 scn', '/DeviceRGB cs', '0 0 0 scn', '/DeviceCMYK cs', '0 0 0 1 scn', '/DeviceRGB cs', '0 0 0 scn'])).toEqual([
      '/DeviceRGB cs', '0 0 0 scn', '/DeviceCMYK cs', '0 0 0 1 scn', '/DeviceRGB cs', '0 0 0 scn',
    ]);
  });

  it('follows q and Q: what was set inside is forgotten on restore', () => {
    expect(written(['0.5 w', 'q', '0.5 w', '2 w', 'Q', '0.5 w', '2 w'])).toEqual(['0.5 w', 'q', '2 w', 'Q', '2 w']);
    // a restore past the first save knows nothing
    expect(written(['Q', '0.5 w', '0.5 w'])).toEqual(['Q', '0.5 w']);
  });
});
