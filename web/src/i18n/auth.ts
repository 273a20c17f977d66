import { defineMessages } from './define';

/**
 * Texts of the sign-in pages (invitation, password reset, the development mail catcher) and of the
 * school's people page. Keys: 'auth.<page>.<what>' and 'people.<what>'.
 */
export const auth = defineMessages({
  nl: {
    'auth.field.email': 'E-mailadres',
    'auth.field.password': 'Wachtwoord',
    'auth.field.code': 'Code van 6 cijfers',
    'auth.field.codeHint':
      'De code staat in uw authenticator-app bij Overstap en verandert elke 30 seconden.',
    'auth.field.newPassword': 'Nieuw wachtwoord',
    'auth.field.repeatPassword': 'Herhaal het nieuwe wachtwoord',
    'auth.field.username': 'E-mailadres (hiermee logt u in)',
    'auth.error.emailMissing': 'Vul uw e-mailadres in.',
    'auth.error.emailInvalid': 'Vul een e-mailadres in zoals naam@school.nl.',
    'auth.error.passwordMissing': 'Vul uw wachtwoord in.',
    'auth.error.codeMissing': 'Vul de code van 6 cijfers uit uw app in.',
    'auth.error.codeShape': 'De code bestaat uit precies 6 cijfers, bijvoorbeeld 123456.',
    'auth.error.newPasswordMissing': 'Kies een wachtwoord.',
    'auth.error.passwordShort': 'Het wachtwoord heeft {count} tekens; het moeten er minstens 12 zijn.',
    'auth.error.passwordIsEmail': 'Het wachtwoord mag niet uw e-mailadres (of het deel vóór de @) zijn.',
    'auth.error.repeatMissing': 'Herhaal het wachtwoord.',
    'auth.error.repeatMismatch': 'De twee wachtwoorden zijn niet gelijk.',
    'auth.action.toSignIn': 'Naar inloggen',
    'auth.action.restart': 'Opnieuw beginnen',

    'auth.signIn.title': 'Inloggen',
    'auth.signIn.intro':
      'Log in met het e-mailadres en het wachtwoord van uw Overstap-account. Daarna vraagt Overstap om een code uit uw authenticator-app.',
    'auth.signIn.submit': 'Volgende',
    'auth.signIn.forgot': 'Wachtwoord vergeten?',
    'auth.signIn.noAccount':
      'Nog geen account? U krijgt een uitnodiging per e-mail van de administratie, de directie of het technisch contact van uw school.',
    'auth.signIn.locked': 'Account tijdelijk geblokkeerd',
    'auth.signIn.lockedUntil': 'U kunt het weer proberen vanaf {time}.',
    'auth.signIn.lockedHelp':
      'Weet u uw wachtwoord niet meer? Kies een nieuw wachtwoord; daarmee vervalt de blokkade meteen.',
    'auth.signIn.rateLimited': 'Even geduld',
    'auth.signIn.rateLimitedWait': 'Probeer het over ongeveer {minutes} minuten opnieuw.',
    'auth.signIn.sessionDropped':
      'Er is te vaak een verkeerde code ingevuld. Log voor de veiligheid opnieuw in met uw wachtwoord.',
    'auth.signIn.expired': 'Uw inlogpoging is verlopen. Log opnieuw in.',
    'auth.signIn.signedOut': 'U bent uitgelogd.',

    'auth.totp.title': 'Code uit uw authenticator-app',
    'auth.totp.intro':
      'Uw wachtwoord klopt. Open nu de authenticator-app op uw telefoon (bijvoorbeeld Microsoft Authenticator, Google Authenticator of FreeOTP) en vul de code in die bij Overstap staat.',
    'auth.totp.submit': 'Inloggen',
    'auth.totp.lost':
      'Telefoon kwijt of een nieuwe telefoon? Vraag de administratie of het technisch contact van uw school om u opnieuw uit te nodigen.',

    'auth.enrol.title': 'Stel de code-app in',
    'auth.enrol.intro':
      'Overstap vraagt bij het inloggen om uw wachtwoord én een code uit een authenticator-app op uw telefoon. Zo kan niemand met alleen uw wachtwoord bij de dossiers. U stelt dit één keer in.',
    'auth.enrol.step1':
      'Installeer een authenticator-app op uw telefoon, bijvoorbeeld Microsoft Authenticator, Google Authenticator of FreeOTP.',
    'auth.enrol.step2': 'Kies in de app voor een nieuw account toevoegen en scan deze QR-code:',
    'auth.enrol.qrAlt': 'QR-code om Overstap ({email}) toe te voegen aan uw authenticator-app',
    'auth.enrol.manual':
      'Kunt u niet scannen? Kies in de app voor handmatig invoeren (soms “sleutel invoeren”) en typ deze sleutel over; de spaties mag u weglaten.',
    'auth.enrol.secret': 'Sleutel',
    'auth.enrol.account': 'Accountnaam',
    'auth.enrol.kind': 'Soort',
    'auth.enrol.kindValue': 'op tijd gebaseerd, 6 cijfers',
    'auth.enrol.copy': 'Sleutel kopiëren',
    'auth.enrol.copied': 'De sleutel staat op het klembord.',
    'auth.enrol.step3': 'Vul de code van 6 cijfers in die de app nu laat zien.',
    'auth.enrol.submit': 'Bevestigen en inloggen',

    'auth.rules.title': 'Eisen aan uw wachtwoord',
    'auth.rules.intro': 'Uw wachtwoord is:',
    'auth.rules.length': 'minstens 12 tekens lang;',
    'auth.rules.notEmail': 'niet uw e-mailadres.',
    'auth.rules.tip':
      'Tip: een zin van vier of meer woorden is sterk en goed te onthouden. Een wachtwoordmanager gebruiken mag ook.',

    'auth.invitation.title': 'Welkom bij Overstap',
    'auth.invitation.intro':
      '{name}, u bent uitgenodigd om met Overstap te werken. Kies een wachtwoord om uw account te activeren.',
    'auth.invitation.school': 'School',
    'auth.invitation.role': 'Rol',
    'auth.invitation.name': 'Naam',
    'auth.invitation.submit': 'Wachtwoord instellen',
    'auth.invitation.doneTitle': 'Uw wachtwoord is ingesteld',
    'auth.invitation.doneText':
      'Log nu in met uw e-mailadres en het nieuwe wachtwoord. De eerste keer stelt u ook de code-app in: houd uw telefoon bij de hand.',
    'auth.invitation.invalidTitle': 'Deze uitnodiging werkt niet meer',
    'auth.invitation.invalidText':
      'Een uitnodiging werkt zeven dagen en één keer. Vraag degene die u uitnodigde om een nieuwe uitnodiging. Heeft u al een wachtwoord gekozen? Log dan gewoon in.',

    'auth.resetRequest.title': 'Wachtwoord vergeten',
    'auth.resetRequest.intro':
      'Vul het e-mailadres van uw Overstap-account in. U krijgt een e-mail met een link om een nieuw wachtwoord te kiezen; de link werkt één uur.',
    'auth.resetRequest.submit': 'Stuur mij een link',
    'auth.resetRequest.sentTitle': 'Kijk in uw mailbox',
    'auth.resetRequest.sentText':
      'Als er een Overstap-account is met het adres {email}, is er nu een e-mail onderweg met een link. Geen e-mail ontvangen? Kijk in de map met ongewenste e-mail, controleer het adres, of probeer het over een paar minuten opnieuw.',
    'auth.resetRequest.again': 'Ander e-mailadres invullen',

    'auth.reset.title': 'Nieuw wachtwoord kiezen',
    'auth.reset.intro':
      'Kies een nieuw wachtwoord voor uw Overstap-account. Uw code-app blijft hetzelfde. Na het opslaan bent u overal uitgelogd en logt u opnieuw in.',
    'auth.reset.submit': 'Wachtwoord opslaan',
    'auth.reset.doneTitle': 'Uw wachtwoord is gewijzigd',
    'auth.reset.doneText':
      'U bent op alle apparaten uitgelogd; een blokkade na te veel pogingen is opgeheven. Log in met uw nieuwe wachtwoord en de code uit uw app.',
    'auth.reset.invalidTitle': 'Deze link werkt niet meer',
    'auth.reset.invalidText':
      'Een link om uw wachtwoord te herstellen werkt één uur en één keer. Vraag een nieuwe link aan.',
    'auth.reset.newLink': 'Nieuwe link aanvragen',

    'auth.devMail.title': 'Testmail',
    'auth.devMail.intro':
      'Deze Overstap-server verstuurt geen echte e-mail. Uitnodigingen en links om een wachtwoord te herstellen komen hier terecht, zodat u ze tijdens het ontwikkelen en testen kunt openen.',
    'auth.devMail.onlyWithoutSmtp':
      'Deze pagina bestaat alleen zolang er geen mailserver is ingesteld (OVERSTAP_SMTP_URL). Is die ingesteld, dan gaan de mails naar de mailbox van de ontvanger en is deze pagina er niet.',
    'auth.devMail.unavailableTitle': 'Deze server verstuurt echte e-mail',
    'auth.devMail.unavailableText':
      'Er is een mailserver ingesteld (OVERSTAP_SMTP_URL), dus er is hier geen testmail. Kijk in de mailbox van de ontvanger.',
    'auth.devMail.empty':
      'Er zijn nog geen mails. Nodig iemand uit of vraag een nieuw wachtwoord aan; de mail verschijnt dan hier.',
    'auth.devMail.caption': 'Verstuurde mails, nieuwste eerst',
    'auth.devMail.count': '{count} mails',
    'auth.devMail.countOne': '1 mail',
    'auth.devMail.col.to': 'Aan',
    'auth.devMail.col.subject': 'Onderwerp',
    'auth.devMail.col.sentAt': 'Verstuurd',
    'auth.devMail.toHidden': '(aan {to})',
    'auth.devMail.refresh': 'Vernieuwen',
    'auth.devMail.back': 'Terug naar alle mails',
    'auth.devMail.to': 'Aan',
    'auth.devMail.sentAt': 'Verstuurd',
    'auth.devMail.body': 'Inhoud',
    'auth.devMail.notFound': 'Deze mail is er niet (meer). Kies een mail uit de lijst.',

    'people.title': 'Mensen',
    'people.titleAt': 'Mensen van {school}',
    'people.intro':
      'Wie er voor deze school met Overstap werkt en in welke rol. Nodig nieuwe collega’s uit en trek rollen in die niet meer nodig zijn.',
    'people.listTitle': 'Mensen en hun rollen',
    'people.count': '{count} mensen',
    'people.countOne': '1 persoon',
    'people.col.person': 'Naam en e-mailadres',
    'people.col.roles': 'Rollen',
    'people.col.status': 'Status',
    'people.you': 'u',
    'people.status.active': 'Actief',
    'people.status.passwordSet': 'Nog niet ingelogd',
    'people.status.invited': 'Uitgenodigd',
    'people.status.invitedUntil': 'link geldig tot {date}',
    'people.status.expired': 'Uitnodiging verlopen',
    'people.invitedRole': '{role} (uitgenodigd)',
    'people.remove': 'Intrekken',
    'people.removeLabel': 'Rol {role} van {name} intrekken',
    'people.withdrawLabel': 'Uitnodiging als {role} voor {name} intrekken',
    'people.confirmTitle': 'Rol intrekken?',
    'people.confirmText':
      '{name} verliest de rol {role} bij {school}. Dit gaat direct in; u kunt later opnieuw uitnodigen.',
    'people.confirmInvitation': 'De uitnodiging van {name} als {role} vervalt; de link werkt dan niet meer.',
    'people.confirmYes': 'Ja, intrekken',
    'people.removed': 'De rol {role} van {name} is ingetrokken.',
    'people.empty':
      'Er werkt nog niemand voor deze school met Overstap. Nodig hieronder de eerste collega uit.',
    'people.invite.title': 'Iemand uitnodigen',
    'people.invite.intro':
      'De persoon krijgt een e-mail met een link die zeven dagen werkt. Daarmee kiest hij of zij een wachtwoord; bij de eerste keer inloggen stelt hij of zij de code-app in.',
    'people.field.name': 'Naam',
    'people.field.nameHint': 'Voor- en achternaam, zoals collega’s de persoon kennen.',
    'people.field.email': 'E-mailadres',
    'people.field.emailHint': 'Het werkadres bij de school; dit wordt de inlognaam.',
    'people.field.role': 'Rol',
    'people.field.roleHint': 'Wat de rollen mogen, staat hieronder.',
    'people.field.roleChoose': 'Kies een rol',
    'people.field.language': 'Taal van de uitnodiging',
    'people.language.nl': 'Nederlands',
    'people.language.en': 'Engels (English)',
    'people.invite.submit': 'Uitnodiging versturen',
    'people.invite.sent': 'De uitnodiging is verstuurd naar {email}. De link werkt tot {date}.',
    'people.error.nameMissing': 'Vul de naam in.',
    'people.error.emailMissing': 'Vul het e-mailadres in.',
    'people.error.emailInvalid': 'Vul een e-mailadres in zoals naam@school.nl.',
    'people.error.roleMissing': 'Kies een rol.',
    'people.roles.title': 'Wat mag elke rol?',
    'people.roleInfo.administratie':
      'stelt overstapdossiers samen, legt de inzage vast, zet dossiers klaar, legt aanmeldingen vast, vraagt dossiers op en beheert de mensen van de school.',
    'people.roleInfo.leerkracht': 'leest en schrijft overstapdossiers: advies en aandachtspunten.',
    'people.roleInfo.directie':
      'leest overstapdossiers en ontvangen dossiers, volgt de voortgang en beheert de mensen van de school.',
    'people.roleInfo.coordinator':
      'leest ontvangen dossiers, ook de zorginformatie, legt aanmeldingen vast en vraagt dossiers op.',
    'people.roleInfo.technisch': 'beheert de aansluiting (aanleverpunten) en de mensen van de school.',
    'people.forbidden':
      'Alleen de administratie, de directie en het technisch contact van een school beheren de mensen.',
  },
  en: {
    'auth.field.email': 'E-mail address',
    'auth.field.password': 'Password',
    'auth.field.code': '6-digit code',
    'auth.field.codeHint':
      'The code is shown in your authenticator app under Overstap and changes every 30 seconds.',
    'auth.field.newPassword': 'New password',
    'auth.field.repeatPassword': 'Repeat the new password',
    'auth.field.username': 'E-mail address (you sign in with it)',
    'auth.error.emailMissing': 'Enter your e-mail address.',
    'auth.error.emailInvalid': 'Enter an e-mail address like name@school.nl.',
    'auth.error.passwordMissing': 'Enter your password.',
    'auth.error.codeMissing': 'Enter the 6-digit code from your app.',
    'auth.error.codeShape': 'The code is exactly 6 digits, for example 123456.',
    'auth.error.newPasswordMissing': 'Choose a password.',
    'auth.error.passwordShort': 'The password has {count} characters; it needs at least 12.',
    'auth.error.passwordIsEmail': 'The password must not be your e-mail address (or the part before the @).',
    'auth.error.repeatMissing': 'Repeat the password.',
    'auth.error.repeatMismatch': 'The two passwords are not the same.',
    'auth.action.toSignIn': 'Go to sign in',
    'auth.action.restart': 'Start again',

    'auth.signIn.title': 'Sign in',
    'auth.signIn.intro':
      'Sign in with the e-mail address and password of your Overstap account. Overstap then asks for a code from your authenticator app.',
    'auth.signIn.submit': 'Next',
    'auth.signIn.forgot': 'Forgot your password?',
    'auth.signIn.noAccount':
      'No account yet? You receive an invitation by e-mail from your school’s administration, head or technical contact.',
    'auth.signIn.locked': 'Account locked for a while',
    'auth.signIn.lockedUntil': 'You can try again from {time}.',
    'auth.signIn.lockedHelp': 'Forgot your password? Choose a new one; that lifts the lock at once.',
    'auth.signIn.rateLimited': 'Please wait',
    'auth.signIn.rateLimitedWait': 'Try again in about {minutes} minutes.',
    'auth.signIn.sessionDropped':
      'A wrong code was entered too often. For your safety, sign in again with your password.',
    'auth.signIn.expired': 'Your sign-in attempt expired. Please sign in again.',
    'auth.signIn.signedOut': 'You are signed out.',

    'auth.totp.title': 'Code from your authenticator app',
    'auth.totp.intro':
      'Your password is correct. Now open the authenticator app on your phone (for example Microsoft Authenticator, Google Authenticator or FreeOTP) and enter the code shown under Overstap.',
    'auth.totp.submit': 'Sign in',
    'auth.totp.lost':
      'Lost your phone or got a new one? Ask your school’s administration or technical contact to invite you again.',

    'auth.enrol.title': 'Set up the code app',
    'auth.enrol.intro':
      'Overstap asks for your password and a code from an authenticator app on your phone. That way no one gets at the dossiers with your password alone. You set this up once.',
    'auth.enrol.step1':
      'Install an authenticator app on your phone, for example Microsoft Authenticator, Google Authenticator or FreeOTP.',
    'auth.enrol.step2': 'In the app, choose to add an account and scan this QR code:',
    'auth.enrol.qrAlt': 'QR code to add Overstap ({email}) to your authenticator app',
    'auth.enrol.manual':
      'Cannot scan? Choose to enter a setup key by hand in the app and type this key; you may leave out the spaces.',
    'auth.enrol.secret': 'Key',
    'auth.enrol.account': 'Account name',
    'auth.enrol.kind': 'Type',
    'auth.enrol.kindValue': 'time-based, 6 digits',
    'auth.enrol.copy': 'Copy key',
    'auth.enrol.copied': 'The key is on the clipboard.',
    'auth.enrol.step3': 'Enter the 6-digit code the app shows now.',
    'auth.enrol.submit': 'Confirm and sign in',

    'auth.rules.title': 'Password requirements',
    'auth.rules.intro': 'Your password is:',
    'auth.rules.length': 'at least 12 characters long;',
    'auth.rules.notEmail': 'not your e-mail address.',
    'auth.rules.tip':
      'Tip: a sentence of four or more words is strong and easy to remember. Using a password manager is fine too.',

    'auth.invitation.title': 'Welcome to Overstap',
    'auth.invitation.intro':
      '{name}, you have been invited to work with Overstap. Choose a password to activate your account.',
    'auth.invitation.school': 'School',
    'auth.invitation.role': 'Role',
    'auth.invitation.name': 'Name',
    'auth.invitation.submit': 'Set password',
    'auth.invitation.doneTitle': 'Your password is set',
    'auth.invitation.doneText':
      'Now sign in with your e-mail address and the new password. The first time you also set up the code app: keep your phone at hand.',
    'auth.invitation.invalidTitle': 'This invitation no longer works',
    'auth.invitation.invalidText':
      'An invitation works for seven days and once. Ask the person who invited you for a new invitation. Already chose a password? Then simply sign in.',

    'auth.resetRequest.title': 'Forgot your password',
    'auth.resetRequest.intro':
      'Enter the e-mail address of your Overstap account. You receive an e-mail with a link to choose a new password; the link works for one hour.',
    'auth.resetRequest.submit': 'Send me a link',
    'auth.resetRequest.sentTitle': 'Check your mailbox',
    'auth.resetRequest.sentText':
      'If there is an Overstap account with the address {email}, an e-mail with a link is on its way. No e-mail? Check your junk mail folder, check the address, or try again in a few minutes.',
    'auth.resetRequest.again': 'Enter another e-mail address',

    'auth.reset.title': 'Choose a new password',
    'auth.reset.intro':
      'Choose a new password for your Overstap account. Your code app stays the same. After saving, you are signed out everywhere and sign in again.',
    'auth.reset.submit': 'Save password',
    'auth.reset.doneTitle': 'Your password has been changed',
    'auth.reset.doneText':
      'You are signed out on every device; a lock after too many attempts is lifted. Sign in with your new password and the code from your app.',
    'auth.reset.invalidTitle': 'This link no longer works',
    'auth.reset.invalidText':
      'A link to reset your password works for one hour and once. Ask for a new link.',
    'auth.reset.newLink': 'Ask for a new link',

    'auth.devMail.title': 'Test mail',
    'auth.devMail.intro':
      'This Overstap server sends no real e-mail. Invitations and password-reset links end up here, so that you can open them while developing and testing.',
    'auth.devMail.onlyWithoutSmtp':
      'This page only exists while no mail server is configured (OVERSTAP_SMTP_URL). Once one is, mails go to the recipient’s mailbox and this page is gone.',
    'auth.devMail.unavailableTitle': 'This server sends real e-mail',
    'auth.devMail.unavailableText':
      'A mail server is configured (OVERSTAP_SMTP_URL), so there is no test mail here. Look in the recipient’s mailbox.',
    'auth.devMail.empty':
      'No mails yet. Invite someone or ask for a new password; the mail then appears here.',
    'auth.devMail.caption': 'Mails sent, newest first',
    'auth.devMail.count': '{count} mails',
    'auth.devMail.countOne': '1 mail',
    'auth.devMail.col.to': 'To',
    'auth.devMail.col.subject': 'Subject',
    'auth.devMail.col.sentAt': 'Sent',
    'auth.devMail.toHidden': '(to {to})',
    'auth.devMail.refresh': 'Refresh',
    'auth.devMail.back': 'Back to all mails',
    'auth.devMail.to': 'To',
    'auth.devMail.sentAt': 'Sent',
    'auth.devMail.body': 'Content',
    'auth.devMail.notFound': 'This mail is not (or no longer) here. Choose a mail from the list.',

    'people.title': 'People',
    'people.titleAt': 'People of {school}',
    'people.intro':
      'Who works with Overstap for this school, and in which role. Invite new colleagues and remove roles that are no longer needed.',
    'people.listTitle': 'People and their roles',
    'people.count': '{count} people',
    'people.countOne': '1 person',
    'people.col.person': 'Name and e-mail address',
    'people.col.roles': 'Roles',
    'people.col.status': 'Status',
    'people.you': 'you',
    'people.status.active': 'Active',
    'people.status.passwordSet': 'Not signed in yet',
    'people.status.invited': 'Invited',
    'people.status.invitedUntil': 'link valid until {date}',
    'people.status.expired': 'Invitation expired',
    'people.invitedRole': '{role} (invited)',
    'people.remove': 'Remove',
    'people.removeLabel': 'Remove the role {role} from {name}',
    'people.withdrawLabel': 'Withdraw the invitation of {name} as {role}',
    'people.confirmTitle': 'Remove the role?',
    'people.confirmText':
      '{name} loses the role {role} at {school}. This takes effect at once; you can invite again later.',
    'people.confirmInvitation': 'The invitation of {name} as {role} is withdrawn; the link stops working.',
    'people.confirmYes': 'Yes, remove',
    'people.removed': 'The role {role} of {name} has been removed.',
    'people.empty': 'No one works with Overstap for this school yet. Invite the first colleague below.',
    'people.invite.title': 'Invite someone',
    'people.invite.intro':
      'The person receives an e-mail with a link that works for seven days. With it they choose a password; the first time they sign in, they set up the code app.',
    'people.field.name': 'Name',
    'people.field.nameHint': 'First and last name, as colleagues know the person.',
    'people.field.email': 'E-mail address',
    'people.field.emailHint': 'The work address at the school; it becomes the sign-in name.',
    'people.field.role': 'Role',
    'people.field.roleHint': 'What each role may do is listed below.',
    'people.field.roleChoose': 'Choose a role',
    'people.field.language': 'Language of the invitation',
    'people.language.nl': 'Dutch (Nederlands)',
    'people.language.en': 'English',
    'people.invite.submit': 'Send invitation',
    'people.invite.sent': 'The invitation has been sent to {email}. The link works until {date}.',
    'people.error.nameMissing': 'Enter the name.',
    'people.error.emailMissing': 'Enter the e-mail address.',
    'people.error.emailInvalid': 'Enter an e-mail address like name@school.nl.',
    'people.error.roleMissing': 'Choose a role.',
    'people.roles.title': 'What may each role do?',
    'people.roleInfo.administratie':
      'compiles transfer dossiers, records the parents’ inspection, sets dossiers ready, records registrations, requests dossiers and manages the school’s people.',
    'people.roleInfo.leerkracht': 'reads and writes transfer dossiers: advice and points of attention.',
    'people.roleInfo.directie':
      'reads transfer dossiers and received dossiers, follows the progress and manages the school’s people.',
    'people.roleInfo.coordinator':
      'reads received dossiers, including support information, records registrations and requests dossiers.',
    'people.roleInfo.technisch': 'manages the connection (delivery points) and the school’s people.',
    'people.forbidden': 'Only a school’s administration, head and technical contact manage its people.',
  },
});
