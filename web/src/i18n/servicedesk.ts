import { defineMessages } from './define';

/** Texts of the servicedesk pages and the public list of admitted schools. */
export const servicedesk = defineMessages({
  nl: {
    'public.title': 'Aangesloten scholen',
    'public.intro':
      'Deze scholen zijn toegelaten tot de Overstapservice Onderwijs: ze kunnen overstapdossiers veilig versturen en ontvangen. Staat uw school er niet bij? Vraag uw leverancier of de servicedesk naar de aansluiting.',
    'public.search': 'Zoek op naam, BRIN of plaats',
    'public.searchHint': 'Bijvoorbeeld “Utrecht”, “01AA” of “De Regenboog”.',
    'public.count': '{total} scholen gevonden',
    'public.countOne': '1 school gevonden',
    'public.none': 'Geen toegelaten school gevonden voor “{q}”.',
    'public.caption': 'Toegelaten scholen, pagina {page} van {pages}',
    'public.col.name': 'School',
    'public.col.brin': 'BRIN',
    'public.col.sector': 'Soort onderwijs',
    'public.col.place': 'Plaats',
    'public.col.region': 'Regio',
    'public.previous': 'Vorige pagina',
    'public.next': 'Volgende pagina',
    'public.pages': 'Paginanavigatie',
  },
  en: {
    'public.title': 'Admitted schools',
    'public.intro':
      'These schools are admitted to the Overstapservice Onderwijs: they can send and receive transfer dossiers safely. Is your school not listed? Ask your supplier or the servicedesk about connecting.',
    'public.search': 'Search by name, BRIN or place',
    'public.searchHint': 'For example “Utrecht”, “01AA” or “De Regenboog”.',
    'public.count': '{total} schools found',
    'public.countOne': '1 school found',
    'public.none': 'No admitted school found for “{q}”.',
    'public.caption': 'Admitted schools, page {page} of {pages}',
    'public.col.name': 'School',
    'public.col.brin': 'BRIN',
    'public.col.sector': 'Type of education',
    'public.col.place': 'Place',
    'public.col.region': 'Region',
    'public.previous': 'Previous page',
    'public.next': 'Next page',
    'public.pages': 'Pagination',
  },
});
