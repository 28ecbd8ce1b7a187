// libyaml's character classes shared by the YAML modules.

/** A line break as libyaml 0.2.5 reads one (LF, CR, NEL, LS, PS), by char code. */
export const isBreak = (c: number): boolean => c === 10 || c === 13 || c === 0x85 || c === 0x2028 || c === 0x2029;
