import ICAL from 'ical.js';

export type ReadInvite = {
  method: string | null;
  uid: string;
  sequence: number;
  status: string | null;
  summary: string;
  start: string;
  end: string;
  stamp: string;
  organizer: { name: string; email: string };
  attendees: { name: string; email: string; partstat: string; rsvp: string }[];
};

const str = (v: unknown): string => (typeof v === 'string' ? v : String(v ?? ''));
const mailto = (v: unknown): string => str(v).replace(/^mailto:/i, '');

/** Parses an invite back with ical.js, as a calendar app would read it. */
export function readIcs(text: string): ReadInvite {
  const cal = new ICAL.Component(ICAL.parse(text));
  const vevent = cal.getFirstSubcomponent('vevent');
  if (!vevent) throw new Error('no VEVENT in the invite');
  const event = new ICAL.Event(vevent);
  const organizer = vevent.getFirstProperty('organizer');
  return {
    method: (cal.getFirstPropertyValue('method') as string | null) ?? null,
    uid: event.uid,
    sequence: event.sequence,
    status: (vevent.getFirstPropertyValue('status') as string | null) ?? null,
    summary: event.summary,
    start: event.startDate.toJSDate().toISOString(),
    end: event.endDate.toJSDate().toISOString(),
    stamp: (vevent.getFirstPropertyValue('dtstamp') as ICAL.Time).toJSDate().toISOString(),
    organizer: {
      name: str(organizer?.getParameter('cn')),
      email: mailto(organizer?.getFirstValue()),
    },
    attendees: vevent.getAllProperties('attendee').map((a) => ({
      name: str(a.getParameter('cn')),
      email: mailto(a.getFirstValue()),
      partstat: str(a.getParameter('partstat')),
      rsvp: str(a.getParameter('rsvp')),
    })),
  };
}
