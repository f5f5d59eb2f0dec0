import { wholeWords } from './whole-words.js';
import { phraseTable } from '../phrases/compile-phrases.js';

/**
 * The nouns a head count is made of: words for everyone on the payroll, roles, who may join
 * "me" in a count. `company-size-phrases.ts` builds the count patterns from them.
 */

/** "Employees" and "people" in other languages visitors mix in ("22 funcionários", "40 medewerkers"). */
export const FOREIGN_STAFF = phraseTable(
  'staff in other languages',
  [
    [
      String.raw`funcion[aá]rios|empleados|empregados|colaboradores|collaborateurs|collaboratori`,
      '22 funcionários',
    ],
    [String.raw`trabajadores|trabalhadores|medewerkers|werknemers`, '40 medewerkers'],
    [String.raw`mitarbeiter(?:innen)?|mitarbeitende|besch[aä]ftigte|angestellte`, '18 Mitarbeiter'],
    [
      String.raw`salari[ée]s|employ[ée]s|dipendenti|ansatte|anst[aä]llda|medarbetare|medarbejdere`,
      '30 salariés',
    ],
    [String.raw`ty[oö]ntekij(?:[aä][aä]|[oö]it[aä])|pracownik[oó]w`, '15 työntekijää'],
    [String.raw`personnes|pessoas|persone`, '12 personnes'],
  ],
  'iu',
);

/** Words for everyone on the payroll, formal or not ("35 guys", "27 blokes", "20 FTEs", "50-strong"). */
export const PEOPLE = phraseTable(
  'people',
  [
    [
      String.raw`employees?|staff(?:ers)?|staff\s+members|people|persons?|ppl|peeps|folks`,
      '12 ppl',
    ],
    [String.raw`guys|blokes|lads|gals|bodies|souls|personnel`, '27 blokes'],
    [
      String.raw`members?|team\s*members|team-?mates|crew(?:\s+members)?|colleagues|workers`,
      '8 teammates',
    ],
    [String.raw`ftes?|full[-\s]?time\s+equivalents|full[-\s]?timers|heads|faculty`, '20 FTEs'],
    [FOREIGN_STAFF.source, '40 Angestellte'],
    [String.raw`strong|of\s+us`, '3 of us'],
  ],
  'iu',
);

/** Roles: a group of the company, or everyone when nothing else is said ("30 teachers", "me and 3 techs"). */
export const ROLES = phraseTable(
  'roles',
  [
    [
      String.raw`techs?|technicians?|engineers?|developers?|devs?|programmers?|coders?|designers?`,
      '2 devs',
    ],
    [
      String.raw`consultants?|advis[eo]rs?|analysts?|accountants?|bookkeepers?|auditors?`,
      '4 accountants',
    ],
    [String.raw`lawyers?|attorneys?|solicitors?|barristers?|paralegals?`, '1 paralegal'],
    [
      String.raw`agents?|brokers?|realtors?|(?:sales\s*)?reps?|salespeople|salesmen|recruiters?`,
      '3 sales reps',
    ],
    [
      String.raw`managers?|admins?|administrators?|assistants?|secretar(?:y|ies)|receptionists?|clerks?`,
      'two assistants',
    ],
    [
      String.raw`cashiers?|drivers?|couriers?|mechanics?|electricians?|plumbers?|carpenters?|joiners?`,
      '6 drivers',
    ],
    [
      String.raw`builders?|installers?|fitters?|labou?rers?|tradespeople|tradesmen|operatives?`,
      '9 labourers',
    ],
    [String.raw`cleaners?|cooks?|chefs?|waiters?|waitresses?|baristas?|bartenders?`, '5 chefs'],
    [
      String.raw`teachers?|lecturers?|professors?|instructors?|tutors?|trainers?|educators?`,
      '30 teachers',
    ],
    [
      String.raw`nurses?|doctors?|physicians?|surgeons?|dentists?|hygienists?|pharmacists?`,
      '6 doctors',
    ],
    [String.raw`therapists?|physios?|physiotherapists?|psychologists?|counsell?ors?`, '4 physios'],
    [
      String.raw`carers?|caregivers?|care\s+workers?|support\s+workers?|social\s+workers?`,
      '20 care workers',
    ],
    [
      String.raw`vets?|veterinarians?|midwi(?:fe|ves)|paramedics?|clinicians?|practitioners?`,
      '3 midwives',
    ],
    [
      String.raw`architects?|surveyors?|scientists?|researchers?|writers?|editors?|photographers?`,
      '5 editors',
    ],
    [
      String.raw`stylists?|hairdressers?|barbers?|guards?|estimators?|planners?|dispatchers?`,
      '4 barbers',
    ],
    [String.raw`pickers?|packers?|part[-\s]?timers?|contractors?|freelancers?`, 'two part-timers'],
  ],
  'iu',
);

/** Who may join "me" in a head count ("just me + 1 paralegal", "myself plus two part-timers"). */
export const COMPANIONS = phraseTable(
  'companions',
  [
    [String.raw`(?:${ROLES.source})`, 'me and 3 techs'],
    [
      String.raw`partners?|co-?founders?|colleagues?|employees?|staff|interns?|helpers?`,
      'me and my co-founder',
    ],
    [String.raw`others|other\s+people|people|guys|associates?`, 'me and 4 others'],
    [String.raw`wife|husband|spouse|brother|sister|son|daughter`, 'me and my wife'],
  ],
  'iu',
);

/** Workers who are not on the staff proper: after a staff count they add nothing ("35 staff plus 2000 flex workers"). */
export const CONTINGENT_WORDS = phraseTable('contingent workers', [
  [
    String.raw`contractors?|subcontractors?|sub-contractors?|freelancers?|temps?|temporary`,
    '40 contractors',
  ],
  [
    String.raw`flex(?:ible)?|seasonal|casuals?|agency(?!\s+of)|gig`,
    '2000 flex workers',
    'an agency of 15',
  ],
  [String.raw`outsourced|volunteers?|on\s+assignment|placed|hourly\s+workers`, '60 volunteers'],
]);

export const CONTINGENT = wholeWords(CONTINGENT_WORDS, 'i');

/** Machines with role names ("3 AI agents", "printer drivers", "virtual assistants"). */
export const MACHINE = new RegExp(
  String.raw`^(?:ai|virtual|software|device|printer|usb|chat|bot|voice|digital|automated|robot(?:ic)?|machine|computer|hardware)$`,
  'i',
);

/** What "members" may follow and still be staff ("30 members", "12 paid members"), unlike "200 gym members". */
export const STAFF_MEMBERS = /^(?:paid|full[-\s]?time|part[-\s]?time|permanent|core|salaried)$/i;
