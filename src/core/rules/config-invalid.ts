// config-invalid: a problem in _config.yml itself; reported by `validateSiteConfig`, not per post (so no check here).
import type { Severity } from '../types';
import type { RuleId, RuleScope } from './rule';

export const id = 'config-invalid' satisfies RuleId;
export const severity: Severity = 'error';
export const scope: RuleScope = 'config';
export const docs = 'A problem in _config.yml: YAML or timezone (the build fails); bad `postdesk:` settings or rule ids (warning).';
