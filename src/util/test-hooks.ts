// Whether this is the integration-test build (scripts/lib/test-extension.mjs defines POSTDESK_TEST_HOOKS=true): test-only
// commands and command arguments that skip a prompt exist only there; the product build defines it false and drops them.
declare const POSTDESK_TEST_HOOKS: boolean | undefined;

/** True only in the test build of the extension. */
export const TEST_HOOKS: boolean = typeof POSTDESK_TEST_HOOKS !== 'undefined' && POSTDESK_TEST_HOOKS === true;
