// Mocha's browser build (mocha/mocha.js) has no type declaration: setup.ts types the part it uses.
declare module 'mocha/mocha.js' {
  const mocha: unknown;
  export default mocha;
}
