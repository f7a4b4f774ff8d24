// Every rule a bad field can break, by a key that stays when the words change. A refusal names
// each bad field with its rule and values (`too_short`, `{ min: 3 }`); UIs word it from their
// catalogue by the key. The English here is the field's `message`, for API users and logs.

/** What a chosen password is too easy to guess for (zxcvbn's warnings, grouped). */
export const PASSWORD_WEAKNESSES = [
  'repeats',
  'sequence',
  'keyboard',
  'most_common',
  'common',
  'like_common',
  'one_word',
  'names',
  'common_names',
  'personal',
  'dates',
  'years',
  'guessable',
] as const;
export type PasswordWeakness = (typeof PASSWORD_WEAKNESSES)[number];

/** The app a waiting device opened, when it is approved as the other one. */
export const DEVICE_APPS = ['kiosk', 'display'] as const;

/** A rule's values; a rule not listed here has none. */
interface RuleValues {
  too_short: { min: number };
  too_long: { max: number };
  too_small: { min: number };
  too_big: { max: number };
  too_few: { min: number };
  too_many: { max: number };
  unknown_keys: { names: string };
  unknown_placeholders: { names: string };
  unknown_placeholder: { name: string };
  device_app: { variant: (typeof DEVICE_APPS)[number] };
  weak_password: { variant: PasswordWeakness };
}

type ValuesOf<R extends string> = R extends keyof RuleValues ? RuleValues[R] : undefined;
const say = (text: string) => () => text;

const ENGLISH = {
  // zod's own checks (validation.ts maps its issues to these)
  required: say('required'),
  too_short: (v: ValuesOf<'too_short'>) => `at least ${v.min} characters`,
  too_long: (v: ValuesOf<'too_long'>) => `at most ${v.max} characters`,
  too_small: (v: ValuesOf<'too_small'>) => `at least ${v.min}`,
  too_big: (v: ValuesOf<'too_big'>) => `at most ${v.max}`,
  too_few: (v: ValuesOf<'too_few'>) => `at least ${v.min} items`,
  too_many: (v: ValuesOf<'too_many'>) => `at most ${v.max} items`,
  not_a_number: say('a number'),
  whole_number: say('a whole number'),
  invalid: say('invalid value'),
  invalid_option: say('not one of the options'),
  unknown_keys: (v: ValuesOf<'unknown_keys'>) => `unrecognized keys: ${v.names}`,
  date: say('a date like 2026-08-17'),
  date_time: say('a date and time like 2026-08-17T08:00:00+07:00'),
  // The schemas' own rules
  slug: say('lowercase letters, digits and dashes'),
  username: say('3–64 lowercase letters, digits, dots, - or _'),
  public_address: say('an address like https://antre.example.go.id, not loopback'),
  clock_time: say('a time like 07:30'),
  closes_before_opens: say('closes before it opens'),
  prefix_letters: say('one or two capital letters'),
  ticket_mark: say('one capital letter'),
  duplicate_id: say('duplicate id'),
  prefix_used: say('prefix already used'),
  number_used: say('number already used'),
  unknown_agency: say('unknown agency'),
  unknown_zone: say('unknown zone'),
  unknown_service: say('unknown service'),
  unknown_ticket: say('no ticket with this code'),
  other_agency_service: say("another agency's service"),
  session_order: say('the session ends before it starts'),
  sessions_overlap: say('sessions overlap'),
  session_id_shared: say('two sessions share an id'),
  admin_without_agency: say('an admin has no agency'),
  agency_required: say('choose the agency'),
  own_role: say('not your own role or agency'),
  weak_password: (v: ValuesOf<'weak_password'>) =>
    `too easy to guess (${v.variant.replace(/_/g, ' ')})`,
  nothing_to_change: say('nothing to change'),
  unsafe_text: say('control or text-direction characters are not allowed'),
  image_type: say('a PNG, JPEG or WebP image'),
  image_too_big: say('image larger than 200 KB'),
  file_name: say('unsupported file name'),
  file_content: say('content does not match its type'),
  template_empty: say('the template is empty'),
  unknown_placeholders: (v: ValuesOf<'unknown_placeholders'>) => `unknown placeholders: ${v.names}`,
  pairing_code_unknown: say('no device is waiting with this code'),
  pairing_code_expired: say('this code has expired'),
  device_app: (v: ValuesOf<'device_app'>) => `the device opened the ${v.variant} app`,
  device_name_used: say('name already used by another device'),
  booking_code: say('a booking code like K7Q2MX'),
  mobile_number: say('a mobile number like 081234567890'),
  consent: say('a phone number is kept only with consent'),
  // Notification channels and messages
  web_address: say('an http:// or https:// address'),
  graph_version: say('a Graph API version like v21.0'),
  phone_number_id: say('the phone number id: digits'),
  template_name: say('a template name: a-z, 0-9, _'),
  header_name: say('a header name'),
  push_contact: say('mailto:admin@… or an https:// address'),
  push_key: say('a P-256 public key, base64url'),
  push_auth: say('an auth secret, base64url'),
  not_phone_channel: say('not a channel for phone numbers'),
  unknown_placeholder: (v: ValuesOf<'unknown_placeholder'>) => `unknown placeholder ${v.name}`,
} satisfies Record<string, (values: never) => string>;

export type FieldRule = keyof typeof ENGLISH;
export const FIELD_RULES = Object.keys(ENGLISH) as FieldRule[];

/** A rule's values, which a UI's words may fill in (`{min}`); `variant` picks one of its texts. */
export type FieldValues = Record<string, string | number>;

/** One bad field of a refused request. */
export interface FieldError {
  path: string;
  rule: FieldRule;
  values?: FieldValues;
  /** The same in English, for API users and logs; UIs word the rule instead. */
  message: string;
}

/** The rules a UI words by variant (`values.variant`): one text each; the others have one. */
export const FIELD_RULE_VARIANTS = {
  device_app: DEVICE_APPS,
  weak_password: PASSWORD_WEAKNESSES,
} as const satisfies Partial<Record<FieldRule, readonly string[]>>;
type Varied = typeof FIELD_RULE_VARIANTS;

/** Every text a UI needs for the rules: `field.slug`, `field.device_app.kiosk`, … */
export type FieldRuleText =
  | `field.${Exclude<FieldRule, keyof Varied>}`
  | { [R in keyof Varied]: `field.${R}.${Varied[R][number]}` }[keyof Varied];

/** The same list at run time, for a test that every text is there. */
export const FIELD_RULE_TEXTS = FIELD_RULES.flatMap((name) =>
  name in FIELD_RULE_VARIANTS
    ? FIELD_RULE_VARIANTS[name as keyof Varied].map((v) => `field.${name}.${v}`)
    : [`field.${name}`],
) as FieldRuleText[];

type ValueArgs<R extends FieldRule> = ValuesOf<R> extends undefined ? [] : [values: ValuesOf<R>];

const englishOf = (name: FieldRule, values: FieldValues | undefined): string =>
  (ENGLISH[name] as (values: FieldValues | undefined) => string)(values);

/** A bad field built by hand (a route's own check): its rule, values and English. */
export function fieldError<R extends FieldRule>(
  path: string,
  name: R,
  ...[values]: ValueArgs<R>
): FieldError {
  const message = englishOf(name, values);
  return values ? { path, rule: name, values, message } : { path, rule: name, message };
}

const MARK = 'field-rule:';

/**
 * A schema's message that names its rule: `.regex(re, rule('slug'))`,
 * `ctx.addIssue({ code: 'custom', message: rule('duplicate_id') })`. parseInput reads it back.
 */
export const rule = <R extends FieldRule>(name: R, ...[values]: ValueArgs<R>): string =>
  MARK + JSON.stringify(values ? { rule: name, values } : { rule: name });

const isRule = (name: unknown): name is FieldRule =>
  typeof name === 'string' && Object.hasOwn(ENGLISH, name);

/** The rule a schema's message names (see `rule`), or null for any other message. */
export function ruleIn(
  message: string,
): { rule: FieldRule; values?: FieldValues; message: string } | null {
  if (!message.startsWith(MARK)) return null;
  const named = JSON.parse(message.slice(MARK.length)) as { rule: unknown; values?: FieldValues };
  if (!isRule(named.rule)) return null;
  const english = englishOf(named.rule, named.values);
  return named.values
    ? { rule: named.rule, values: named.values, message: english }
    : { rule: named.rule, message: english };
}
