import { describe, expect, it } from 'vitest';
import { parseBuildingOption } from './building-option';

// `--building` of a cluster process (main.ts): keys with their ports; a mistake is refused
// before anything starts, with a message naming the entry.

describe('--building', () => {
  it.each([
    ['one key on --port', ['mpp-bogor'], [{ building: 'mpp-bogor', port: 9000 }]],
    [
      'keys with ports, comma-separated',
      ['mpp-bogor=8080,mpp-cibinong=8081'],
      [
        { building: 'mpp-bogor', port: 8080 },
        { building: 'mpp-cibinong', port: 8081 },
      ],
    ],
    [
      'repeated, spaces around entries',
      ['a=8080', ' b=8081 , c '],
      [
        { building: 'a', port: 8080 },
        { building: 'b', port: 8081 },
        { building: 'c', port: 9000 },
      ],
    ],
    [
      'port 0 (any free port) for several',
      ['a=0,b=0'],
      [
        { building: 'a', port: 0 },
        { building: 'b', port: 0 },
      ],
    ],
  ])('when given %s, then each building has its port', (_case, values, expected) => {
    expect(parseBuildingOption(values, 9000)).toEqual(expected);
  });

  it.each([
    ['nothing', [''], /needs a building key/],
    ['an empty entry', ['a=8080,,b=8081'], /empty entry/],
    ['an upper-case key', ['MPP=8080'], /"MPP" is not a building key/],
    ['a key starting with a digit', ['1mpp'], /"1mpp" is not a building key/],
    ['no key before the port', ['=8080'], /"" is not a building key/],
    ['a port that is not a number', ['a=http'], /"a=http" is not <key>=<port>/],
    ['an empty port', ['a='], /"a=" is not <key>=<port>/],
    ['a port too large', ['a=70000'], /"a=70000" is not <key>=<port>/],
    ['two equals signs', ['a=80=81'], /"a=80=81" is not <key>=<port>/],
    ['a building twice', ['a=8080', 'a=8081'], /a is given twice/],
    ['two buildings on one port', ['a=8080,b=8080'], /a and b are both on port 8080$/],
    ['a key on --port and a port taken', ['a=9000,b'], /a and b are both on port 9000 \(a key/],
  ])('when given %s, then it is refused with a clear message', (_case, values, message) => {
    expect(() => parseBuildingOption(values, 9000)).toThrow(message);
  });
});
