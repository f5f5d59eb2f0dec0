import type { TemplateName, TemplateVars } from './template-vars.js';

const lead = { company: 'Beacon', agentName: 'Beacon assistant', firstName: 'Dana' };

/**
 * Realistic values for every template: the preview of `npm run prompts:check`, and the trial
 * render a new version of a template must pass before it goes live.
 */
export const SAMPLE_VARS: { [N in TemplateName]: TemplateVars<N> } = {
  greeting: { ...lead, firstName: null },
  'ask-need': { ...lead, retry: false },
  'ask-authority': { ...lead, retry: false },
  'ask-company': {
    ...lead,
    retry: false,
    missingName: false,
    missingSize: true,
    companyName: 'Northwind Logistics',
  },
  'ask-budget': { ...lead, retry: false },
  'ask-timeline': { ...lead, retry: false },
  'ask-contact': {
    ...lead,
    retry: false,
    missingName: false,
    missingEmail: true,
    forHandoff: false,
  },
  'ask-booking': {
    ...lead,
    retry: false,
    timezone: 'America/Chicago',
    slots: [
      { label: 'Tue, Mar 3, 10:00 AM' },
      { label: 'Tue, Mar 3, 2:30 PM' },
      { label: 'Wed, Mar 4, 9:00 AM' },
    ],
  },
  ack: { ...lead, declined: false, learned: ['your team size', 'your budget'] },
  'answer-question': {
    ...lead,
    question: 'Is there a free trial?',
    answer: 'Yes. Every plan starts with a 14-day free trial, no credit card needed.',
  },
  'handoff-human': { ...lead, hasEmail: true, canBook: false },
  'handoff-coming': { ...lead },
  booked: {
    ...lead,
    when: 'Tuesday, March 3 at 10:00 AM (America/Chicago)',
    repName: 'Sales team',
    icsUrl: 'https://beacon.example/bookings/bk_123.ics',
    manageUrl: 'https://beacon.example/bookings/bk_123',
  },
  'slot-unavailable': {
    ...lead,
    requested: 'Thursday at 2pm',
    several: false,
    outsideHours: false,
    beyondHorizon: false,
    horizonDays: 14,
  },
  'booking-later': { ...lead },
  'booking-limited': { ...lead },
  'booking-held': {
    ...lead,
    when: 'Thu, Mar 5, 10:00 AM CST',
    repName: 'Sales team',
    email: 'dana@acme.example',
    minutes: 60,
  },
  'booking-unclear': { ...lead },
  'confirm-cancel': { ...lead, when: 'Thu, Mar 5, 10:00 AM CST' },
  'meeting-links': {
    ...lead,
    when: 'Thu, Mar 5, 10:00 AM CST',
    repName: 'Sales team',
    icsUrl: 'https://chat.beacon.example/bookings/0b7c.ics',
    manageUrl: 'https://chat.beacon.example/bookings/0b7c',
  },
  'meeting-started': { ...lead, when: 'Thu, Mar 5, 10:00 AM CST', over: false },
  'ask-consent': {
    ...lead,
    resourceTitle: 'The 2026 guide to qualifying inbound leads',
    resourceUrl: 'https://beacon.example/guides/lead-qualification',
  },
  'consent-reply': { ...lead, agreed: true },
  rescheduled: {
    ...lead,
    when: 'Fri, Mar 6, 10:00 AM CST',
    icsUrl: 'https://chat.beacon.example/bookings/0b7c.ics',
    manageUrl: 'https://chat.beacon.example/bookings/0b7c',
  },
  'meeting-canceled': { ...lead },
  'meeting-unchanged': { ...lead, when: 'Thu, Mar 5, 10:00 AM CST' },
  'close-nurture': {
    ...lead,
    resourceTitle: 'The 2026 guide to qualifying inbound leads',
    resourceUrl: 'https://beacon.example/guides/lead-qualification',
    stage: 'MQL',
  },
  'close-researcher': {
    ...lead,
    resourceTitle: 'The 2026 guide to qualifying inbound leads',
    resourceUrl: 'https://beacon.example/guides/lead-qualification',
  },
  'after-close': { ...lead },
  'extract-system': {
    company: 'Beacon',
    agentName: 'Beacon assistant',
    today: '2026-03-03',
    weekday: 'Tuesday',
    timezone: 'America/Chicago',
    fiscalYearEnd: 'December',
    expecting: 'their budget',
    fields: [
      { path: 'budget.amount', meaning: 'the budget as a plain number in currency units' },
      { path: 'timeline.targetDate', meaning: 'the date they want to be live by, as YYYY-MM-DD' },
    ],
  },
  'reply-system': {
    company: 'Beacon',
    agentName: 'Beacon assistant',
    language: 'English',
    goal: 'their budget',
    asked: true,
    knowledge: [
      {
        question: 'Is there a free trial?',
        answer: 'Yes. Every plan starts with a 14-day free trial.',
      },
    ],
  },
};
