import { defineMessages } from './define';

/**
 * Texts of the region's reminders: the coordinator's page (/regio/:regionId/herinneringen) and the
 * notices on a school's pages. Keys: 'region.reminders.<what>' and 'region.notices.<what>'. The
 * notices' own sentences come from the server in both languages.
 */
export const regionReminders = defineMessages({
  nl: {
    'region.reminders.nav': 'Herinneringen',
    'region.reminders.heading': 'Herinneringen',
    'region.reminders.intro':
      'Overstap herinnert de scholen aan de data van de tijdlijn: met een e-mail aan de juiste mensen op elke school en een melding in Overstap. Vóór een deadline krijgen alle scholen die nog niet klaar zijn een herinnering; na de deadline alleen de scholen die achterlopen.',
    'region.reminders.duties.title': 'Wie krijgt welke herinnering',
    'region.reminders.duties.caption': 'Per deadline de school en de rollen die een herinnering krijgen',
    'region.reminders.duties.deadline': 'Deadline',
    'region.reminders.duties.side': 'Scholen',
    'region.reminders.duties.roles': 'Rollen',
    'region.reminders.side.sending': 'Basisscholen (po)',
    'region.reminders.side.receiving': 'Scholen voor voortgezet onderwijs (vo)',
    'region.reminders.duties.fallback':
      'Staat er op een school niemand met een e-mailadres in die rol? Dan gaat de herinnering naar {roles}. U ziet dat in het overzicht hieronder.',
    'region.reminders.duties.noAfter':
      'Na de deadline ‘Leerlingen aangemeld’ gaan geen herinneringen: een vo-school kan niet weten hoeveel leerlingen zich nog aanmelden.',
    'region.reminders.and': 'en',

    'region.reminders.settings.title': 'Instellingen',
    'region.reminders.settings.enabled': 'Herinneringen versturen',
    'region.reminders.settings.enabled.hint': 'Zet dit uit als de regio de scholen zelf herinnert.',
    'region.reminders.settings.daysBefore': 'Eerste herinnering: aantal schooldagen vóór de deadline',
    'region.reminders.settings.daysBefore.hint':
      'Een heel getal van {min} tot en met {max}. Standaard {default}. Weekenden, feestdagen en schoolvakanties tellen niet mee.',
    'region.reminders.settings.lastDay': 'Ook een herinnering op de laatste schooldag vóór de deadline',
    'region.reminders.settings.after': 'Na de deadline de scholen herinneren die achterlopen',
    'region.reminders.settings.after.hint':
      'Op de eerste schooldag na de deadline, en daarna steeds opnieuw tot de volgende datum van de tijdlijn voorbij is.',
    'region.reminders.settings.repeat': 'Na de deadline herhalen: om de hoeveel schooldagen',
    'region.reminders.settings.repeat.hint':
      'Een heel getal van {min} tot en met {max}. Standaard {default} (een schoolweek).',
    'region.reminders.settings.save': 'Instellingen opslaan',
    'region.reminders.settings.saved': 'De instellingen zijn opgeslagen.',
    'region.reminders.settings.error': 'Vul een heel getal in van {min} tot en met {max}.',

    'region.reminders.schedule.title': 'Wanneer de herinneringen gaan in {schoolYear}',
    'region.reminders.schedule.caption': 'De komende herinneringen met deze instellingen',
    'region.reminders.schedule.day': 'Datum',
    'region.reminders.schedule.deadline': 'Deadline',
    'region.reminders.schedule.kind': 'Soort',
    'region.reminders.schedule.none':
      'Er is nog geen tijdlijn voor schooljaar {schoolYear}, dus er gaan nog geen herinneringen.',
    'region.reminders.schedule.timeline': 'Tijdlijn invullen',
    'region.reminders.schedule.off': 'Herinneringen staan uit: er gaan er geen.',
    'region.reminders.schedule.allPast': 'Alle herinneringen van dit schooljaar zijn voorbij.',
    'region.reminders.schedule.more': 'En daarna nog {count} herinneringen.',

    'region.reminders.kind.before': 'Vooraf',
    'region.reminders.kind.last_day': 'Laatste schooldag ervoor',
    'region.reminders.kind.after': 'Na de deadline (wie achterloopt)',

    'region.reminders.send.title': 'Nu versturen',
    'region.reminders.send.text':
      'De herinneringen gaan elke schooldag vroeg in de ochtend vanzelf. Wilt u de herinneringen van vandaag nu al versturen, bijvoorbeeld bij een test? Wat al verstuurd is, gaat niet nog een keer.',
    'region.reminders.send.button': 'Herinneringen van vandaag nu versturen',
    'region.reminders.send.done':
      'Verstuurd: {reminders} herinneringen aan {recipients} mensen. De e-mails gaan binnen een minuut de deur uit.',
    'region.reminders.send.doneOne':
      'Verstuurd: 1 herinnering aan {recipients} mensen. De e-mails gaan binnen een minuut de deur uit.',
    'region.reminders.send.nothing': 'Er waren vandaag ({day}) geen herinneringen meer te versturen.',
    'region.reminders.send.already': '{count} herinneringen van vandaag waren al verstuurd.',
    'region.reminders.send.noSchoolDay':
      'Vandaag ({day}) is geen schooldag. Herinneringen gaan alleen op schooldagen.',
    'region.reminders.send.fallbacks':
      '{count} scholen hebben niemand in de rol: hun herinnering ging naar de directie of het technisch contact.',
    'region.reminders.send.unreachable':
      '{count} scholen hebben niemand met een e-mailadres: zij zien alleen de melding in Overstap.',

    'region.reminders.log.title': 'Verstuurde herinneringen',
    'region.reminders.log.caption': '{count} herinneringen in schooljaar {schoolYear}, de nieuwste bovenaan',
    'region.reminders.log.empty': 'In schooljaar {schoolYear} zijn nog geen herinneringen verstuurd.',
    'region.reminders.log.when': 'Verstuurd',
    'region.reminders.log.school': 'School',
    'region.reminders.log.deadline': 'Deadline',
    'region.reminders.log.kind': 'Soort',
    'region.reminders.log.to': 'Naar',
    'region.reminders.log.recipients': 'E-mails',
    'region.reminders.log.reads': 'Gelezen',
    'region.reminders.log.manual': 'met de hand',
    'region.reminders.log.fallback': 'Niemand in de rol',
    'region.reminders.log.nobody': 'Niemand bereikbaar per e-mail',
    'region.reminders.log.people': '{count} personen',
    'region.reminders.log.person': '1 persoon',
    'region.reminders.log.pending': '{count} nog niet verstuurd',
    'region.reminders.log.addresses': 'Adressen',
    'region.reminders.log.addressesOf': 'Adressen voor {school}',
    'region.reminders.log.filter': 'Zoek een school',
    'region.reminders.log.shown': '{shown} van de {count} herinneringen getoond.',

    'region.notices.title': 'Herinneringen van de regio',
    'region.notices.count': '{count} open',
    'region.notices.todo': 'Wat moet u doen?',
    'region.notices.for': 'Voor: {roles} · {region}',
    'region.notices.go': 'Naar de pagina om dit te doen',
    'region.notices.read': 'Gelezen',
    'region.notices.readLabel': 'Gelezen: {title}',
    'region.notices.marked': 'De melding is gemarkeerd als gelezen.',
  },
  en: {
    'region.reminders.nav': 'Reminders',
    'region.reminders.heading': 'Reminders',
    'region.reminders.intro':
      'Overstap reminds the schools of the dates of the timeline: by e-mail to the right people at each school and with a notice in Overstap. Before a deadline every school that has not finished gets a reminder; after the deadline only the schools that are behind.',
    'region.reminders.duties.title': 'Who gets which reminder',
    'region.reminders.duties.caption': 'Per deadline the schools and the roles that get a reminder',
    'region.reminders.duties.deadline': 'Deadline',
    'region.reminders.duties.side': 'Schools',
    'region.reminders.duties.roles': 'Roles',
    'region.reminders.side.sending': 'Primary schools (po)',
    'region.reminders.side.receiving': 'Secondary schools (vo)',
    'region.reminders.duties.fallback':
      'Nobody with an e-mail address in that role at a school? Then the reminder goes to {roles}. You see that in the list below.',
    'region.reminders.duties.noAfter':
      'No reminders go after the deadline ‘Pupils registered’: a secondary school cannot know how many pupils will still register.',
    'region.reminders.and': 'and',

    'region.reminders.settings.title': 'Settings',
    'region.reminders.settings.enabled': 'Send reminders',
    'region.reminders.settings.enabled.hint': 'Switch this off if the region reminds the schools itself.',
    'region.reminders.settings.daysBefore': 'First reminder: number of school days before the deadline',
    'region.reminders.settings.daysBefore.hint':
      'A whole number from {min} to {max}. Default {default}. Weekends, public holidays and school holidays do not count.',
    'region.reminders.settings.lastDay': 'Also a reminder on the last school day before the deadline',
    'region.reminders.settings.after': 'After the deadline, remind the schools that are behind',
    'region.reminders.settings.after.hint':
      'On the first school day after the deadline, and then again and again until the next date of the timeline has passed.',
    'region.reminders.settings.repeat': 'After the deadline, repeat every so many school days',
    'region.reminders.settings.repeat.hint':
      'A whole number from {min} to {max}. Default {default} (a school week).',
    'region.reminders.settings.save': 'Save settings',
    'region.reminders.settings.saved': 'The settings have been saved.',
    'region.reminders.settings.error': 'Enter a whole number from {min} to {max}.',

    'region.reminders.schedule.title': 'When the reminders go in {schoolYear}',
    'region.reminders.schedule.caption': 'The coming reminders with these settings',
    'region.reminders.schedule.day': 'Date',
    'region.reminders.schedule.deadline': 'Deadline',
    'region.reminders.schedule.kind': 'Kind',
    'region.reminders.schedule.none':
      'There is no timeline for school year {schoolYear} yet, so no reminders go yet.',
    'region.reminders.schedule.timeline': 'Fill in the timeline',
    'region.reminders.schedule.off': 'Reminders are switched off: none go.',
    'region.reminders.schedule.allPast': 'All reminders of this school year have passed.',
    'region.reminders.schedule.more': 'And {count} more reminders after that.',

    'region.reminders.kind.before': 'Before',
    'region.reminders.kind.last_day': 'Last school day before',
    'region.reminders.kind.after': 'After the deadline (who is behind)',

    'region.reminders.send.title': 'Send now',
    'region.reminders.send.text':
      'The reminders go by themselves early every school day. Do you want to send today’s reminders now, for instance for a test? What has been sent is not sent again.',
    'region.reminders.send.button': 'Send today’s reminders now',
    'region.reminders.send.done':
      'Sent: {reminders} reminders to {recipients} people. The e-mails go out within a minute.',
    'region.reminders.send.doneOne':
      'Sent: 1 reminder to {recipients} people. The e-mails go out within a minute.',
    'region.reminders.send.nothing': 'There were no more reminders to send today ({day}).',
    'region.reminders.send.already': '{count} of today’s reminders had been sent already.',
    'region.reminders.send.noSchoolDay':
      'Today ({day}) is not a school day. Reminders only go on school days.',
    'region.reminders.send.fallbacks':
      '{count} schools have nobody in the role: their reminder went to the head or the technical contact.',
    'region.reminders.send.unreachable':
      '{count} schools have nobody with an e-mail address: they only see the notice in Overstap.',

    'region.reminders.log.title': 'Reminders sent',
    'region.reminders.log.caption': '{count} reminders in school year {schoolYear}, newest first',
    'region.reminders.log.empty': 'No reminders have been sent in school year {schoolYear} yet.',
    'region.reminders.log.when': 'Sent',
    'region.reminders.log.school': 'School',
    'region.reminders.log.deadline': 'Deadline',
    'region.reminders.log.kind': 'Kind',
    'region.reminders.log.to': 'To',
    'region.reminders.log.recipients': 'E-mails',
    'region.reminders.log.reads': 'Read',
    'region.reminders.log.manual': 'by hand',
    'region.reminders.log.fallback': 'Nobody in the role',
    'region.reminders.log.nobody': 'Nobody reachable by e-mail',
    'region.reminders.log.people': '{count} people',
    'region.reminders.log.person': '1 person',
    'region.reminders.log.pending': '{count} not sent yet',
    'region.reminders.log.addresses': 'Addresses',
    'region.reminders.log.addressesOf': 'Addresses for {school}',
    'region.reminders.log.filter': 'Search a school',
    'region.reminders.log.shown': '{shown} of the {count} reminders shown.',

    'region.notices.title': 'Reminders from the region',
    'region.notices.count': '{count} open',
    'region.notices.todo': 'What to do?',
    'region.notices.for': 'For: {roles} · {region}',
    'region.notices.go': 'To the page where you do this',
    'region.notices.read': 'Read',
    'region.notices.readLabel': 'Read: {title}',
    'region.notices.marked': 'The notice has been marked as read.',
  },
});
